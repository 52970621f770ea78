import type { StaffApi } from '../api';
import { applyToList } from '../handoff-list';
import { useStaffLiveStatus } from '../live';
import { ErrorNote, LiveNote } from '../notes';
import { Link, paths } from '../router';
import { HandoffStatusBadge } from '../StatusBadge';
import type { Handoff, HandoffView } from '../types';
import { useLiveLoad } from '../use-live-load';
import { useNow } from '../use-now';
import { waitingSeconds, waitingText } from '../waiting';

export interface InboxPageProps {
  api: StaffApi;
  query: URLSearchParams;
}

// Often enough for a wait shown in minutes.
const TICK_MS = 15_000;

/** Shoppers who asked for a person: who, about what, how long they wait, who has them. */
export function InboxPage({ api, query }: InboxPageProps) {
  const view: HandoffView = query.get('view') === 'closed' ? 'closed' : 'active';
  const list = useLiveLoad(
    () => api.handoffs(view),
    [api, view],
    (data, message) => applyToList(data, message, view),
  );
  const liveStatus = useStaffLiveStatus();
  const now = useNow(TICK_MS);
  const data = list.data;
  const tabs = [
    { view: 'active', label: 'Active' },
    { view: 'closed', label: 'Closed' },
  ] as const;

  return (
    <section className="rd-staff-page" aria-labelledby="inbox-title">
      <div className="rd-staff-page__head">
        <h1 id="inbox-title">Inbox</h1>
        {view === 'active' && data ? (
          <span className="rd-staff-pill" data-testid="inbox-counts">
            {data.counts.open} waiting · {data.counts.claimed} claimed
          </span>
        ) : null}
        <LiveNote status={liveStatus} />
      </div>
      <nav className="rd-staff-tabs" aria-label="Hand-offs">
        {tabs.map((tab) => (
          <Link
            key={tab.view}
            to={paths.inbox(tab.view)}
            aria-current={tab.view === view ? 'page' : undefined}
          >
            {tab.label}
          </Link>
        ))}
      </nav>
      <ErrorNote message={list.error} />
      <div className="rd-staff-table-wrap" aria-busy={list.loading}>
        <table className="rd-staff-table" data-testid="inbox">
          <caption className="rd-sr-only">
            {view === 'active'
              ? 'Hand-offs waiting or claimed, oldest first'
              : 'Closed hand-offs, newest first'}
          </caption>
          <thead>
            <tr>
              <th scope="col">Shopper</th>
              <th scope="col">Summary</th>
              <th scope="col">{view === 'active' ? 'Waiting' : 'Waited'}</th>
              <th scope="col">Concerning</th>
              <th scope="col">Status</th>
              <th scope="col">Claimed by</th>
            </tr>
          </thead>
          <tbody>
            {data?.handoffs.map((handoff) => (
              <HandoffRow key={handoff.id} handoff={handoff} now={now} />
            ))}
          </tbody>
        </table>
        {data && data.handoffs.length === 0 ? (
          <p className="rd-staff-empty">
            {view === 'active' ? 'Nobody is waiting for a person.' : 'No closed hand-offs yet.'}
          </p>
        ) : null}
      </div>
    </section>
  );
}

function HandoffRow({ handoff, now }: { handoff: Handoff; now: number }) {
  return (
    <tr data-handoff-id={handoff.id}>
      <td>
        {/* The shopper's name is what staff look for; it opens the hand-off. */}
        <Link to={paths.handoff(handoff.id)}>
          {handoff.customer?.name ?? 'Unidentified shopper'}
        </Link>
        {handoff.customer ? <div className="rd-staff-muted">{handoff.customer.email}</div> : null}
      </td>
      <td>{handoff.summary}</td>
      <td>{waitingText(waitingSeconds(handoff, now))}</td>
      <td>
        <Concerning handoff={handoff} />
      </td>
      <td>
        <HandoffStatusBadge status={handoff.status} />
      </td>
      <td>{handoff.claimed_by?.name ?? '—'}</td>
    </tr>
  );
}

/** The return (with a link to its page) or the order the conversation was about. */
function Concerning({ handoff }: { handoff: Handoff }) {
  if (!handoff.rma && !handoff.order_id) return <>—</>;
  return (
    <>
      {handoff.rma ? (
        <Link to={paths.return(handoff.rma)} className="rd-mono">
          {handoff.rma}
        </Link>
      ) : null}
      {handoff.order_id ? (
        <div className={handoff.rma ? 'rd-staff-muted rd-mono' : 'rd-mono'}>
          Order {handoff.order_id}
        </div>
      ) : null}
    </>
  );
}
