import { useState, type FormEvent } from 'react';
import { StaffApi, StaffApiError } from './api';
import type { StaffSession } from './types';
import { ErrorNote } from './notes';

export interface SignInProps {
  api: StaffApi;
  problem: string | null;
  onSignedIn(session: StaffSession): void;
}

export function SignIn({ api, problem, onSignedIn }: SignInProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(problem);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api.signIn(email, password));
    } catch (failure) {
      setError(failure instanceof StaffApiError ? failure.message : 'Signing in failed.');
      setBusy(false);
    }
  };

  return (
    <main className="rd-signin">
      <form className="rd-signin__card" onSubmit={(event) => void submit(event)} noValidate>
        <h1>Staff console</h1>
        <p className="rd-staff-muted">Sign in with your staff account.</p>
        <label className="rd-staff-field">
          <span>Email</span>
          <input
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </label>
        <label className="rd-staff-field">
          <span>Password</span>
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        <ErrorNote message={error} />
        <button type="submit" className="rd-staff-btn rd-staff-btn--primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
