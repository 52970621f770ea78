import { useState, type FormEvent } from 'react';
import type { ThemeName } from '../../protocol';
import { StaffApiError, type StaffApi } from '../api';
import { codeLabel, dateTime, money, moveLabel, optionsText, statusLabel } from '../format';
import { Link, paths } from '../router';
import { StatusBadge } from '../StatusBadge';
import { Transcript } from '../Transcript';
import type { ReturnDetail, ReturnEvent, ReturnStatus } from '../types';
import { useLoad } from '../use-load';
import { DoneNote, ErrorNote, FailedPage, Loading } from '../notes';

export interface ReturnPageProps {
  api: StaffApi;
  rma: string;
  theme: ThemeName;
}

function who(event: ReturnEvent): string {
  if (event.actor === 'staff') return event.staff_name ?? 'Staff';
  return event.actor === 'customer' ? 'Shopper' : 'ReturnDesk';
}

export function ReturnPage({ api, rma, theme }: ReturnPageProps) {
  const loaded = useLoad(() => api.returnDetail(rma), [api, rma]);
  const ret = loaded.data;
  if (!ret) {
    return loaded.error ? (
      <FailedPage title={`Return ${rma}`} message={loaded.error} />
    ) : (
      <Loading />
    );
  }
  const shipment = ret.shipment;
  return (
    <section className="rd-staff-page" aria-labelledby="return-title">
      <div className="rd-staff-page__head">
        <h1 id="return-title" className="rd-mono">
          {ret.rma}
        </h1>
        <StatusBadge status={ret.status} />
      </div>
      <Decisions api={api} ret={ret} onMoved={loaded.set} />
      <div className="rd-staff-grid">
        <article className="rd-staff-card" aria-labelledby="customer-title">
          <h2 id="customer-title">Customer</h2>
          <p>
            <Link to={paths.customer(ret.customer.customer_id)}>{ret.customer.name}</Link>
          </p>
          <p className="rd-staff-muted">{ret.customer.email}</p>
          <p className="rd-staff-muted">Tier: {codeLabel(ret.customer.tier)}</p>
        </article>
        <article className="rd-staff-card" aria-labelledby="order-title">
          <h2 id="order-title">Order</h2>
          <p className="rd-mono">{ret.order.order_id}</p>
          <p className="rd-staff-muted">
            {codeLabel(ret.order.status)} · placed {dateTime(ret.order.placed_at)}
          </p>
          {ret.order.delivered_at ? (
            <p className="rd-staff-muted">Delivered {dateTime(ret.order.delivered_at)}</p>
          ) : null}
        </article>
        <article className="rd-staff-card" aria-labelledby="amounts-title">
          <h2 id="amounts-title">Amounts</h2>
          <dl className="rd-staff-dl">
            <dt>Items</dt>
            <dd>{money(ret.items_total)}</dd>
            <dt>Fees</dt>
            <dd>{money(ret.fees)}</dd>
            <dt>Bonus</dt>
            <dd>{money(ret.bonus)}</dd>
            <dt>Refund</dt>
            <dd>{money(ret.refund_amount)}</dd>
            <dt>Exchange difference</dt>
            <dd>{money(ret.exchange_difference)}</dd>
          </dl>
        </article>
        <article className="rd-staff-card" aria-labelledby="method-title">
          <h2 id="method-title">Resolution and method</h2>
          <p>
            {codeLabel(ret.resolution)} · {ret.keep_item ? 'Item kept' : codeLabel(ret.method)}
          </p>
          {shipment?.tracking_number ? (
            <p className="rd-staff-muted">
              Tracking <span className="rd-mono">{String(shipment.tracking_number)}</span>
            </p>
          ) : null}
          {shipment ? (
            <p>
              <a href={`/returns/${encodeURIComponent(ret.rma)}/label`}>Return label</a>
            </p>
          ) : null}
        </article>
      </div>
      <article className="rd-staff-card" aria-labelledby="items-title">
        <h2 id="items-title">Items</h2>
        <table className="rd-staff-table">
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Reason</th>
              <th scope="col">Note</th>
              <th scope="col">Exchange for</th>
              <th scope="col" className="rd-num">
                Price
              </th>
            </tr>
          </thead>
          <tbody>
            {ret.items.map((item) => (
              <tr key={item.line_no}>
                <td>
                  {item.name ?? item.product_id}
                  <div className="rd-staff-muted">{optionsText(item.options)}</div>
                </td>
                <td>{codeLabel(item.reason_code)}</td>
                <td>{item.reason_note ?? '—'}</td>
                <td>
                  {item.exchange_item
                    ? `${item.exchange_item.name} (${optionsText(item.exchange_item.options)})`
                    : '—'}
                </td>
                <td className="rd-num">{money(item.price)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </article>
      <article className="rd-staff-card" aria-labelledby="timeline-title">
        <h2 id="timeline-title">Timeline</h2>
        <ol className="rd-staff-timeline" data-testid="timeline">
          {ret.events.map((event, index) => (
            <li key={index}>
              <StatusBadge status={event.to} />
              <span>
                {' '}
                by <strong>{who(event)}</strong>, {dateTime(event.at)}
              </span>
              {event.note ? <p className="rd-staff-note">“{event.note}”</p> : null}
            </li>
          ))}
        </ol>
      </article>
      <article className="rd-staff-card" aria-labelledby="conversation-title">
        <h2 id="conversation-title">Conversation</h2>
        {ret.transcript ? (
          <Transcript items={ret.transcript} theme={theme} />
        ) : (
          <p className="rd-staff-empty">This return was not made in a conversation.</p>
        )}
      </article>
    </section>
  );
}

interface DecisionsProps {
  api: StaffApi;
  ret: ReturnDetail;
  onMoved(ret: ReturnDetail): void;
}

function Decisions({ api, ret, onMoved }: DecisionsProps) {
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const move = async (to: ReturnStatus, note: string | null) => {
    setBusy(true);
    setError(null);
    try {
      const moved = await api.move(ret.rma, to, note);
      onMoved(moved);
      setRejecting(false);
      setReason('');
      setDone(`Moved to ${statusLabel(moved.status).toLowerCase()}.`);
    } catch (failure) {
      setError(failure instanceof StaffApiError ? failure.message : 'The move failed.');
    } finally {
      setBusy(false);
    }
  };

  const reject = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setError('Give the reason the shopper will be told.');
      return;
    }
    void move('rejected', reason.trim());
  };

  if (ret.moves.length === 0 && !done) return null;
  return (
    <div className="rd-staff-decisions" aria-label="Decisions" role="group">
      {ret.moves
        .filter((to) => to !== 'rejected')
        .map((to) => (
          <button
            key={to}
            type="button"
            className={`rd-staff-btn ${to === 'approved' ? 'rd-staff-btn--primary' : ''}`}
            disabled={busy}
            onClick={() => void move(to, null)}
          >
            {moveLabel(to)}
          </button>
        ))}
      {ret.moves.includes('rejected') && !rejecting ? (
        <button
          type="button"
          className="rd-staff-btn rd-staff-btn--danger"
          disabled={busy}
          onClick={() => setRejecting(true)}
        >
          Reject…
        </button>
      ) : null}
      {rejecting ? (
        <form className="rd-staff-reject" onSubmit={reject}>
          <label className="rd-staff-field rd-staff-field--wide">
            <span>Reason for the shopper (required)</span>
            <textarea
              value={reason}
              maxLength={1000}
              rows={3}
              aria-required="true"
              aria-invalid={error !== null && !reason.trim()}
              onChange={(event) => setReason(event.target.value)}
            />
          </label>
          <button type="submit" className="rd-staff-btn rd-staff-btn--danger" disabled={busy}>
            Reject return
          </button>
          <button type="button" className="rd-staff-btn" onClick={() => setRejecting(false)}>
            Cancel
          </button>
        </form>
      ) : null}
      <ErrorNote message={error} />
      <DoneNote message={done} />
    </div>
  );
}
