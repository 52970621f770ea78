/** What a page says while it loads, when something failed, and when something worked. */

import type { LiveStatus } from '../protocol/live';

export function Loading() {
  return (
    <p className="rd-staff-loading" role="status">
      Loading…
    </p>
  );
}

export function ErrorNote({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="rd-staff-error" role="alert">
      {message}
    </p>
  );
}

export function DoneNote({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="rd-staff-success" role="status">
      {message}
    </p>
  );
}

/** A page that could not load: its heading, and why. */
export function FailedPage({ title, message }: { title: string; message: string }) {
  return (
    <section className="rd-staff-page">
      <h1>{title}</h1>
      <ErrorNote message={message} />
    </section>
  );
}

/**
 * Said while live updates do not flow, so nobody trusts a page that stopped
 * changing. It goes in a page's heading row, where an empty one takes no room.
 */
export function LiveNote({ status }: { status: LiveStatus }) {
  const message =
    status === 'waiting'
      ? 'Live updates paused: reconnecting…'
      : status === 'closed'
        ? 'Live updates stopped. Reload the page to see changes.'
        : null;
  return (
    <span className="rd-staff-muted" role="status" data-testid="live-note">
      {message}
    </span>
  );
}
