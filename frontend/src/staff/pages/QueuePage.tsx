import { useEffect, useState, type FormEvent } from 'react';
import type { StaffApi } from '../api';
import { ALL_STATUSES, codeLabel, dateTime, money, statusLabel } from '../format';
import { Link, navigate, paths } from '../router';
import { StatusBadge } from '../StatusBadge';
import { useLoad } from '../use-load';
import { ErrorNote } from '../notes';

const RESOLUTIONS = ['REFUND', 'STORE_CREDIT', 'EXCHANGE', 'KEEP_WITH_DISCOUNT'];
const METHODS = ['PREPAID_LABEL', 'QR_DROP_OFF', 'SCHEDULE_PICKUP', 'STORE_DROP_OFF'];
// The filters the form edits; `cursor` and `limit` belong to paging.
const FILTERS = ['q', 'status', 'resolution', 'method', 'from', 'to', 'min', 'max'] as const;

export interface QueuePageProps {
  api: StaffApi;
  query: URLSearchParams;
}

function filtersOf(query: URLSearchParams): Record<(typeof FILTERS)[number], string> {
  return Object.fromEntries(FILTERS.map((name) => [name, query.get(name) ?? ''])) as Record<
    (typeof FILTERS)[number],
    string
  >;
}

interface CodeSelectProps {
  label: string;
  codes: string[];
  name: string;
  value: string;
  onChange(event: { target: { value: string } }): void;
}

/** A filter on one code of a return (its resolution, its method), or on none. */
function CodeSelect({ label, codes, ...select }: CodeSelectProps) {
  return (
    <label className="rd-staff-field">
      <span>{label}</span>
      <select {...select}>
        <option value="">Any</option>
        {codes.map((code) => (
          <option key={code} value={code}>
            {codeLabel(code)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The returns queue: filters in the address, pages by cursor, newest first. */
export function QueuePage({ api, query }: QueuePageProps) {
  const key = query.toString();
  const queue = useLoad(() => api.queue(query), [api, key]);
  const [draft, setDraft] = useState(() => filtersOf(query));
  // Cursors of the pages before this one, to go back a page.
  const [earlier, setEarlier] = useState<string[]>([]);

  useEffect(() => setDraft(filtersOf(query)), [key]); // eslint-disable-line react-hooks/exhaustive-deps

  const go = (next: URLSearchParams) => navigate(paths.queue(next));

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const name of FILTERS) if (draft[name].trim()) next.set(name, draft[name].trim());
    setEarlier([]);
    go(next);
  };

  const page = (cursor: string | null) => {
    const next = new URLSearchParams(query);
    if (cursor) next.set('cursor', cursor);
    else next.delete('cursor');
    go(next);
  };

  const field = (name: (typeof FILTERS)[number]) => ({
    name,
    value: draft[name],
    onChange: (event: { target: { value: string } }) =>
      setDraft((old) => ({ ...old, [name]: event.target.value })),
  });

  const data = queue.data;
  return (
    <section className="rd-staff-page" aria-labelledby="queue-title">
      <div className="rd-staff-page__head">
        <h1 id="queue-title">Returns</h1>
        {data ? (
          <Link
            className="rd-staff-pill"
            to={paths.queue(new URLSearchParams({ status: 'needs_review' }))}
            data-testid="review-count"
          >
            {data.waiting_for_review} waiting for review
          </Link>
        ) : null}
      </div>
      <form className="rd-staff-filters" onSubmit={apply} role="search" aria-label="Filter returns">
        <label className="rd-staff-field rd-staff-field--wide">
          <span>Search</span>
          <input
            type="search"
            placeholder="Return number, order id, email or name"
            {...field('q')}
          />
        </label>
        <label className="rd-staff-field">
          <span>Status</span>
          <select {...field('status')}>
            <option value="">Any</option>
            {ALL_STATUSES.map((status) => (
              <option key={status} value={status}>
                {status === 'needs_review' ? 'Needs review (queue)' : statusLabel(status)}
              </option>
            ))}
          </select>
        </label>
        <CodeSelect label="Resolution" codes={RESOLUTIONS} {...field('resolution')} />
        <CodeSelect label="Method" codes={METHODS} {...field('method')} />
        <label className="rd-staff-field">
          <span>From</span>
          <input type="date" {...field('from')} />
        </label>
        <label className="rd-staff-field">
          <span>To</span>
          <input type="date" {...field('to')} />
        </label>
        <label className="rd-staff-field rd-staff-field--narrow">
          <span>Min $</span>
          <input inputMode="decimal" {...field('min')} />
        </label>
        <label className="rd-staff-field rd-staff-field--narrow">
          <span>Max $</span>
          <input inputMode="decimal" {...field('max')} />
        </label>
        <div className="rd-staff-filters__actions">
          <button type="submit" className="rd-staff-btn rd-staff-btn--primary">
            Apply
          </button>
          <button
            type="button"
            className="rd-staff-btn"
            onClick={() => {
              setEarlier([]);
              go(new URLSearchParams());
            }}
          >
            Clear
          </button>
        </div>
      </form>
      <ErrorNote message={queue.error} />
      <div className="rd-staff-table-wrap" aria-busy={queue.loading}>
        <table className="rd-staff-table" data-testid="queue">
          <caption className="rd-sr-only">Returns, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Return</th>
              <th scope="col">Status</th>
              <th scope="col">Created</th>
              <th scope="col">Customer</th>
              <th scope="col">Order</th>
              <th scope="col" className="rd-num">
                Items
              </th>
              <th scope="col" className="rd-num">
                Amount
              </th>
              <th scope="col">Resolution</th>
              <th scope="col">Method</th>
            </tr>
          </thead>
          <tbody>
            {data?.returns.map((entry) => (
              <tr key={entry.rma} data-rma={entry.rma}>
                <td>
                  <Link to={paths.return(entry.rma)} className="rd-mono">
                    {entry.rma}
                  </Link>
                </td>
                <td>
                  <StatusBadge status={entry.status} />
                </td>
                <td>{dateTime(entry.created_at)}</td>
                <td>
                  <Link to={paths.customer(entry.customer_id)}>{entry.customer_name}</Link>
                  <div className="rd-staff-muted">{entry.customer_email}</div>
                </td>
                <td className="rd-mono">{entry.order_id}</td>
                <td className="rd-num">{entry.item_count}</td>
                <td className="rd-num">{money(entry.items_total)}</td>
                <td>{codeLabel(entry.resolution)}</td>
                <td>{codeLabel(entry.method)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {data && data.returns.length === 0 ? (
          <p className="rd-staff-empty">No returns match these filters.</p>
        ) : null}
      </div>
      <nav className="rd-staff-pager" aria-label="Pages">
        <button
          type="button"
          className="rd-staff-btn"
          disabled={earlier.length === 0}
          onClick={() => {
            const previous = earlier.slice(0, -1);
            setEarlier(previous);
            page(earlier[earlier.length - 1] || null);
          }}
        >
          Newer
        </button>
        <button
          type="button"
          className="rd-staff-btn"
          disabled={!data?.next_cursor}
          onClick={() => {
            setEarlier((old) => [...old, query.get('cursor') ?? '']);
            page(data?.next_cursor ?? null);
          }}
        >
          Older
        </button>
      </nav>
    </section>
  );
}
