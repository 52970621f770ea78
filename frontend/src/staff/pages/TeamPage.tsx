import { useState, type FormEvent } from 'react';
import { StaffApiError, type StaffApi } from '../api';
import { codeLabel, dateTime } from '../format';
import { Lockouts } from '../Lockouts';
import type { StaffRole, StaffSession } from '../types';
import { useLoad } from '../use-load';
import { DoneNote, ErrorNote } from '../notes';

export interface TeamPageProps {
  api: StaffApi;
  session: StaffSession;
}

/** Lock-outs for everyone; the staff list and its management for admins only. */
export function TeamPage({ api, session }: TeamPageProps) {
  const admin = session.role === 'admin';
  const lockouts = useLoad(() => api.lockouts(), [api]);
  return (
    <section className="rd-staff-page" aria-labelledby="team-title">
      <h1 id="team-title">Team and access</h1>
      {admin ? <StaffMembers api={api} session={session} /> : null}
      <article className="rd-staff-card" aria-labelledby="all-lockouts-title">
        <h2 id="all-lockouts-title">Lock-outs</h2>
        <ErrorNote message={lockouts.error} />
        {lockouts.data ? (
          <Lockouts
            api={api}
            session={session}
            lockouts={lockouts.data.lockouts}
            onLifted={lockouts.reload}
          />
        ) : null}
      </article>
    </section>
  );
}

function StaffMembers({ api, session }: TeamPageProps) {
  const members = useLoad(() => api.staff(), [api]);
  const [form, setForm] = useState({
    email: '',
    name: '',
    role: 'agent' as StaffRole,
    password: '',
  });
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const attempt = async (work: () => Promise<unknown>, done: string) => {
    setError(null);
    setNotice(null);
    try {
      await work();
      setNotice(done);
      members.reload();
      return true;
    } catch (failure) {
      setError(failure instanceof StaffApiError ? failure.message : 'That did not work.');
      return false;
    }
  };

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const added = await attempt(() => api.addStaff(form), `Added ${form.email}.`);
    if (added) setForm({ email: '', name: '', role: 'agent', password: '' });
  };

  return (
    <article className="rd-staff-card" aria-labelledby="staff-title">
      <h2 id="staff-title">Staff</h2>
      <table className="rd-staff-table" data-testid="staff-members">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Since</th>
            <th scope="col">Access</th>
          </tr>
        </thead>
        <tbody>
          {members.data?.staff.map((member) => (
            <tr key={member.id}>
              <td>{member.name}</td>
              <td>{member.email}</td>
              <td>{codeLabel(member.role)}</td>
              <td>{dateTime(member.created_at)}</td>
              <td>
                {member.disabled ? (
                  'Disabled'
                ) : member.email === session.email ? (
                  'You'
                ) : (
                  <button
                    type="button"
                    className="rd-staff-btn"
                    onClick={() =>
                      void attempt(
                        () => api.disableStaff(member.email),
                        `Disabled ${member.email}.`,
                      )
                    }
                  >
                    Disable
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="rd-staff-filters" onSubmit={(event) => void add(event)}>
        <h3 className="rd-staff-filters__title">Add a staff member</h3>
        <label className="rd-staff-field">
          <span>Name</span>
          <input
            required
            value={form.name}
            onChange={(event) => setForm({ ...form, name: event.target.value })}
          />
        </label>
        <label className="rd-staff-field">
          <span>Email</span>
          <input
            type="email"
            required
            value={form.email}
            onChange={(event) => setForm({ ...form, email: event.target.value })}
          />
        </label>
        <label className="rd-staff-field">
          <span>Role</span>
          <select
            value={form.role}
            onChange={(event) => setForm({ ...form, role: event.target.value as StaffRole })}
          >
            <option value="agent">Agent</option>
            <option value="admin">Admin</option>
          </select>
        </label>
        <label className="rd-staff-field">
          <span>First password (12+ characters)</span>
          <input
            type="password"
            autoComplete="new-password"
            required
            minLength={12}
            value={form.password}
            onChange={(event) => setForm({ ...form, password: event.target.value })}
          />
        </label>
        <div className="rd-staff-filters__actions">
          <button type="submit" className="rd-staff-btn rd-staff-btn--primary">
            Add
          </button>
        </div>
      </form>
      <ErrorNote message={error} />
      <DoneNote message={notice} />
    </article>
  );
}
