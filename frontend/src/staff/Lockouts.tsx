import { useState } from 'react';
import { StaffApiError, type StaffApi } from './api';
import { dateTime } from './format';
import type { Lockout, StaffSession } from './types';
import { ErrorNote } from './notes';

const KINDS: Record<string, string> = {
  owner: 'Chat visitor',
  address: 'Network address (chat)',
  staff: 'Staff email',
  'staff-address': 'Network address (staff sign-in)',
};

export interface LockoutsProps {
  api: StaffApi;
  session: StaffSession;
  lockouts: Lockout[];
  onLifted(key: string): void;
}

/** Running lock-outs; an admin may lift one, and the person may try again at once. */
export function Lockouts({ api, session, lockouts, onLifted }: LockoutsProps) {
  const [error, setError] = useState<string | null>(null);
  const admin = session.role === 'admin';
  if (lockouts.length === 0) return <p className="rd-staff-empty">No lock-outs are running.</p>;

  const lift = async (key: string) => {
    setError(null);
    try {
      await api.liftLockout(key);
      onLifted(key);
    } catch (failure) {
      setError(failure instanceof StaffApiError ? failure.message : 'Lifting failed.');
    }
  };

  return (
    <>
      <table className="rd-staff-table" data-testid="lockouts">
        <thead>
          <tr>
            <th scope="col">Who</th>
            <th scope="col">Kind</th>
            <th scope="col" className="rd-num">
              Failures
            </th>
            <th scope="col">Locked until</th>
            {admin ? <th scope="col">Action</th> : null}
          </tr>
        </thead>
        <tbody>
          {lockouts.map((lockout) => (
            <tr key={lockout.key}>
              <td className="rd-mono">{lockout.who}</td>
              <td>{KINDS[lockout.kind] ?? lockout.kind}</td>
              <td className="rd-num">{lockout.failures}</td>
              <td>{dateTime(lockout.locked_until)}</td>
              {admin ? (
                <td>
                  <button
                    type="button"
                    className="rd-staff-btn"
                    onClick={() => void lift(lockout.key)}
                  >
                    Lift
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorNote message={error} />
    </>
  );
}
