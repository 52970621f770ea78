import type { StaffApi } from '../api';
import { codeLabel, dateTime, money } from '../format';
import { Lockouts } from '../Lockouts';
import { Link, paths } from '../router';
import { StatusBadge } from '../StatusBadge';
import type { StaffSession } from '../types';
import { useLoad } from '../use-load';
import { FailedPage, Loading } from '../notes';

export interface CustomerPageProps {
  api: StaffApi;
  customerId: string;
  session: StaffSession;
}

export function CustomerPage({ api, customerId, session }: CustomerPageProps) {
  const loaded = useLoad(() => api.customer(customerId), [api, customerId]);
  const customer = loaded.data;
  if (!customer) {
    return loaded.error ? <FailedPage title="Customer" message={loaded.error} /> : <Loading />;
  }
  const address = customer.default_address;
  return (
    <section className="rd-staff-page" aria-labelledby="customer-name">
      <div className="rd-staff-page__head">
        <h1 id="customer-name">
          {customer.first_name} {customer.last_name}
        </h1>
        <span className="rd-staff-pill">{codeLabel(customer.tier)}</span>
      </div>
      <p className="rd-staff-muted">
        {customer.email} · <span className="rd-mono">{customer.customer_id}</span>
        {address ? ` · ${address.city}, ${address.state} ${address.zip}` : ''}
      </p>
      <article className="rd-staff-card" aria-labelledby="orders-title">
        <h2 id="orders-title">Orders</h2>
        <table className="rd-staff-table">
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Status</th>
              <th scope="col">Placed</th>
              <th scope="col">Items</th>
              <th scope="col" className="rd-num">
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            {customer.orders.map((order) => (
              <tr key={order.order_id}>
                <td className="rd-mono">{order.order_id}</td>
                <td>{codeLabel(order.status)}</td>
                <td>{dateTime(order.placed_at)}</td>
                <td>{order.items.map((item) => item.name).join(', ')}</td>
                <td className="rd-num">{money(order.items_total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </article>
      <article className="rd-staff-card" aria-labelledby="returns-title">
        <h2 id="returns-title">Returns</h2>
        {customer.returns.length === 0 ? (
          <p className="rd-staff-empty">No returns.</p>
        ) : (
          <table className="rd-staff-table">
            <thead>
              <tr>
                <th scope="col">Return</th>
                <th scope="col">Status</th>
                <th scope="col">Created</th>
                <th scope="col">Order</th>
                <th scope="col" className="rd-num">
                  Amount
                </th>
              </tr>
            </thead>
            <tbody>
              {customer.returns.map((entry) => (
                <tr key={entry.rma}>
                  <td>
                    <Link className="rd-mono" to={paths.return(entry.rma)}>
                      {entry.rma}
                    </Link>
                  </td>
                  <td>
                    <StatusBadge status={entry.status} />
                  </td>
                  <td>{dateTime(entry.created_at)}</td>
                  <td className="rd-mono">{entry.order_id}</td>
                  <td className="rd-num">{money(entry.items_total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </article>
      <article className="rd-staff-card" aria-labelledby="conversations-title">
        <h2 id="conversations-title">Conversations</h2>
        {customer.conversations.length === 0 ? (
          <p className="rd-staff-empty">No conversations as this customer.</p>
        ) : (
          <ul className="rd-staff-list">
            {customer.conversations.map((thread) => (
              <li key={thread.thread_id}>
                <Link to={paths.conversation(thread.thread_id)}>
                  {thread.title?.trim() || 'Conversation'}
                </Link>{' '}
                <span className="rd-staff-muted">
                  started {dateTime(thread.created_at)}, last {dateTime(thread.updated_at)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </article>
      <article className="rd-staff-card" aria-labelledby="lockouts-title">
        <h2 id="lockouts-title">Verification lock-outs</h2>
        <Lockouts
          api={api}
          session={session}
          lockouts={customer.lockouts}
          onLifted={(key) =>
            loaded.set({
              ...customer,
              lockouts: customer.lockouts.filter((lockout) => lockout.key !== key),
            })
          }
        />
      </article>
    </section>
  );
}
