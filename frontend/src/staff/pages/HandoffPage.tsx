import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ThemeName, ThreadItem } from '../../protocol';
import { StaffApiError, type ShopperRequest, type StaffApi } from '../api';
import { dateTime } from '../format';
import { applyToDetail, upsertItem } from '../handoff-list';
import { useStaffLiveStatus } from '../live';
import { DoneNote, ErrorNote, FailedPage, LiveNote, Loading } from '../notes';
import { Link, paths } from '../router';
import { HandoffStatusBadge } from '../StatusBadge';
import { Transcript } from '../Transcript';
import type { Handoff, StaffSession } from '../types';
import { useLiveLoad } from '../use-live-load';
import { useNow } from '../use-now';
import { waitingSeconds, waitingText } from '../waiting';

export interface HandoffPageProps {
  api: StaffApi;
  handoffId: number;
  session: StaffSession;
  theme: ThemeName;
}

const MAX_REPLY_CHARS = 4000;
const MAX_NOTE_CHARS = 2000;
const TICK_MS = 15_000;

/**
 * Whether the signed-in member holds this hand-off. By id when the session
 * names one; else by name, which a team rarely shares (and the server refuses
 * a reply from anyone else in any case).
 */
export function holds(handoff: Handoff, session: StaffSession): boolean {
  const holder = handoff.claimed_by;
  if (handoff.status !== 'claimed' || !holder) return false;
  return session.id !== undefined ? holder.id === session.id : holder.name === session.name;
}

/** One hand-off: the conversation as it goes on, the facts, and what the member can do. */
export function HandoffPage({ api, handoffId, session, theme }: HandoffPageProps) {
  const loaded = useLiveLoad(() => api.handoff(handoffId), [api, handoffId], applyToDetail);
  const liveStatus = useStaffLiveStatus();
  const now = useNow(TICK_MS);
  const detail = loaded.data;
  if (!detail) {
    return loaded.error ? (
      <FailedPage title={`Hand-off ${handoffId}`} message={loaded.error} />
    ) : (
      <Loading />
    );
  }
  const { handoff, items } = detail;
  const changed = (next: Handoff) => loaded.update((old) => ({ ...old, handoff: next }));
  const replied = (next: Handoff, item: ThreadItem) =>
    loaded.update((old) => ({ handoff: next, items: upsertItem(old.items, item) }));

  return (
    <section className="rd-staff-page" aria-labelledby="handoff-title">
      <div className="rd-staff-page__head">
        <h1 id="handoff-title">Hand-off: {handoff.customer?.name ?? 'unidentified shopper'}</h1>
        <HandoffStatusBadge status={handoff.status} />
        <LiveNote status={liveStatus} />
      </div>
      <div className="rd-staff-grid">
        <Facts handoff={handoff} now={now} />
        <Desk
          key={handoff.id}
          api={api}
          handoff={handoff}
          session={session}
          onChanged={changed}
          onReplied={replied}
        />
      </div>
      <article className="rd-staff-card" aria-labelledby="handoff-conversation-title">
        <h2 id="handoff-conversation-title">Conversation</h2>
        <Transcript items={items} theme={theme} />
      </article>
    </section>
  );
}

function Facts({ handoff, now }: { handoff: Handoff; now: number }) {
  const { customer } = handoff;
  return (
    <article className="rd-staff-card" aria-labelledby="handoff-facts-title">
      <h2 id="handoff-facts-title">Hand-off {handoff.id}</h2>
      <dl className="rd-staff-facts">
        <dt>Shopper</dt>
        <dd>
          {customer ? (
            <>
              <Link to={paths.customer(customer.id)}>{customer.name}</Link>
              <div className="rd-staff-muted">{customer.email}</div>
            </>
          ) : (
            'Not identified'
          )}
        </dd>
        <dt>Summary</dt>
        <dd>{handoff.summary}</dd>
        <dt>{handoff.status === 'open' ? 'Waiting' : 'Waited'}</dt>
        <dd>{waitingText(waitingSeconds(handoff, now))}</dd>
        <dt>Order</dt>
        <dd className="rd-mono">{handoff.order_id ?? '—'}</dd>
        <dt>Return</dt>
        <dd>
          {handoff.rma ? (
            <Link to={paths.return(handoff.rma)} className="rd-mono">
              {handoff.rma}
            </Link>
          ) : (
            '—'
          )}
        </dd>
        <dt>Asked</dt>
        <dd>{dateTime(handoff.created_at)}</dd>
        <dt>Claimed by</dt>
        <dd>
          {handoff.claimed_by
            ? `${handoff.claimed_by.name}${handoff.claimed_at ? `, ${dateTime(handoff.claimed_at)}` : ''}`
            : '—'}
        </dd>
        {handoff.first_reply_at ? (
          <>
            <dt>First reply</dt>
            <dd>{dateTime(handoff.first_reply_at)}</dd>
          </>
        ) : null}
        {handoff.closed_at ? (
          <>
            <dt>{handoff.status === 'handed_back' ? 'Handed back' : 'Closed'}</dt>
            <dd>{dateTime(handoff.closed_at)}</dd>
          </>
        ) : null}
        {handoff.close_note ? (
          <>
            <dt>Note on closing</dt>
            <dd>{handoff.close_note}</dd>
          </>
        ) : null}
      </dl>
    </article>
  );
}

interface DeskProps {
  api: StaffApi;
  handoff: Handoff;
  session: StaffSession;
  onChanged(handoff: Handoff): void;
  onReplied(handoff: Handoff, item: ThreadItem): void;
}

/** What the member can do: claim it; once theirs, answer, hand back or close. */
function Desk({ api, handoff, session, onChanged, onReplied }: DeskProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [reply, setReply] = useState('');
  const [note, setNote] = useState('');
  const [request, setRequest] = useState<ShopperRequest>('return');
  // Until the member types one, the order the conversation was about.
  const [typedOrderId, setOrderId] = useState<string | null>(null);
  const orderId = typedOrderId ?? handoff.order_id ?? '';
  // Whoever just claimed it goes on typing at once.
  const [justClaimed, setJustClaimed] = useState(false);
  const mine = holds(handoff, session);

  /** Run one action; the server's refusal (say, someone else has it) is shown as it says it. */
  const act = async (run: () => Promise<string | null>) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setDone(await run());
    } catch (failure) {
      setError(failure instanceof StaffApiError ? failure.message : 'That did not work.');
    } finally {
      setBusy(false);
    }
  };

  const claim = () =>
    act(async () => {
      onChanged(await api.claim(handoff.id));
      setJustClaimed(true);
      return 'You have this hand-off: the shopper’s messages come to you now.';
    });

  const send = () => {
    const text = reply.trim();
    if (!text || busy) return;
    void act(async () => {
      const answer = await api.reply(handoff.id, text);
      onReplied(answer.handoff, answer.item);
      setReply('');
      return null;
    });
  };

  const onReplyKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };

  const handBack = () =>
    act(async () => {
      onChanged(await api.handBack(handoff.id));
      return 'Handed back: the assistant answers the shopper again.';
    });

  const close = (event: FormEvent) => {
    event.preventDefault();
    void act(async () => {
      onChanged(await api.closeHandoff(handoff.id, note.trim()));
      setNote('');
      return 'Hand-off closed.';
    });
  };

  const start = (event: FormEvent) => {
    event.preventDefault();
    const order = orderId.trim();
    if (!order) return;
    void act(async () => {
      onChanged(await api.startForShopper(handoff.id, request, order));
      return 'Started in the shopper’s chat and handed back: they confirm it there.';
    });
  };

  return (
    <article className="rd-staff-card rd-staff-desk" aria-labelledby="handoff-desk-title">
      <h2 id="handoff-desk-title">Handling</h2>
      {handoff.status === 'open' ? (
        <>
          <p>Waiting for someone from the team.</p>
          <div>
            <button
              type="button"
              className="rd-staff-btn rd-staff-btn--primary"
              disabled={busy}
              onClick={() => void claim()}
            >
              Claim
            </button>
          </div>
        </>
      ) : null}
      {handoff.status === 'claimed' && !mine ? (
        <p>{handoff.claimed_by?.name ?? 'Someone'} has this hand-off.</p>
      ) : null}
      {handoff.status === 'handed_back' ? <p>Handed back to the assistant.</p> : null}
      {handoff.status === 'closed' ? <p>Closed.</p> : null}
      {mine ? (
        <>
          <form
            className="rd-staff-reply"
            onSubmit={(event) => {
              event.preventDefault();
              send();
            }}
          >
            <label className="rd-staff-field rd-staff-field--wide">
              <span>Reply to the shopper</span>
              <textarea
                value={reply}
                rows={4}
                maxLength={MAX_REPLY_CHARS}
                autoFocus={justClaimed}
                aria-describedby="handoff-reply-hint"
                onChange={(event) => setReply(event.target.value)}
                onKeyDown={onReplyKey}
              />
            </label>
            <span id="handoff-reply-hint" className="rd-staff-muted">
              Enter sends; Shift+Enter starts a new line.
            </span>
            <div className="rd-staff-desk__actions">
              <button
                type="submit"
                className="rd-staff-btn rd-staff-btn--primary"
                disabled={busy || !reply.trim()}
              >
                Send
              </button>
              <button
                type="button"
                className="rd-staff-btn"
                disabled={busy}
                onClick={() => void handBack()}
              >
                Hand back to assistant
              </button>
            </div>
          </form>
          {handoff.customer ? (
            <form className="rd-staff-reply" onSubmit={start} aria-label="Start for the shopper">
              <div className="rd-staff-desk__actions">
                <label className="rd-staff-field">
                  <span>Start</span>
                  <select
                    value={request}
                    onChange={(event) => setRequest(event.target.value as ShopperRequest)}
                  >
                    <option value="return">A return</option>
                    <option value="cancellation">A cancellation</option>
                  </select>
                </label>
                <label className="rd-staff-field">
                  <span>Order number</span>
                  <input
                    value={orderId}
                    maxLength={64}
                    placeholder="#W2611340"
                    onChange={(event) => setOrderId(event.target.value)}
                  />
                </label>
              </div>
              <span className="rd-staff-muted">
                The shopper sees the same cards as if they had asked, and confirms it themselves.
              </span>
              <div className="rd-staff-desk__actions">
                <button type="submit" className="rd-staff-btn" disabled={busy || !orderId.trim()}>
                  Start for the shopper
                </button>
              </div>
            </form>
          ) : null}
          <form className="rd-staff-reply" onSubmit={close}>
            <label className="rd-staff-field rd-staff-field--wide">
              <span>Closing note</span>
              <textarea
                value={note}
                rows={2}
                maxLength={MAX_NOTE_CHARS}
                onChange={(event) => setNote(event.target.value)}
              />
            </label>
            <div className="rd-staff-desk__actions">
              <button type="submit" className="rd-staff-btn" disabled={busy}>
                Close hand-off
              </button>
            </div>
          </form>
        </>
      ) : null}
      <ErrorNote message={error} />
      <DoneNote message={done} />
    </article>
  );
}
