import { useEffect, useState, type FormEvent } from 'react';
import type { StaffApi } from '../api';
import { codeLabel } from '../format';
import { Link, navigate, paths } from '../router';
import { useLoad } from '../use-load';
import { ErrorNote } from '../notes';

export interface CustomersPageProps {
  api: StaffApi;
  query: URLSearchParams;
}

export function CustomersPage({ api, query }: CustomersPageProps) {
  const q = query.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const found = useLoad(
    () => (q ? api.customers(q) : Promise.resolve({ customers: [] })),
    [api, q],
  );
  useEffect(() => setDraft(q), [q]);

  const search = (event: FormEvent) => {
    event.preventDefault();
    navigate(paths.customers(draft.trim()));
  };

  return (
    <section className="rd-staff-page" aria-labelledby="customers-title">
      <h1 id="customers-title">Customers</h1>
      <form
        className="rd-staff-filters"
        role="search"
        aria-label="Find a customer"
        onSubmit={search}
      >
        <label className="rd-staff-field rd-staff-field--wide">
          <span>Search</span>
          <input
            type="search"
            name="q"
            placeholder="Email, name, customer id, order id or return number"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
          />
        </label>
        <div className="rd-staff-filters__actions">
          <button type="submit" className="rd-staff-btn rd-staff-btn--primary">
            Search
          </button>
        </div>
      </form>
      <ErrorNote message={found.error} />
      {q && found.data ? (
        found.data.customers.length === 0 ? (
          <p className="rd-staff-empty">No customer matches “{q}”.</p>
        ) : (
          <div className="rd-staff-table-wrap">
            <table className="rd-staff-table" data-testid="customers">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Customer id</th>
                  <th scope="col">Tier</th>
                </tr>
              </thead>
              <tbody>
                {found.data.customers.map((customer) => (
                  <tr key={customer.customer_id}>
                    <td>
                      <Link to={paths.customer(customer.customer_id)}>
                        {customer.first_name} {customer.last_name}
                      </Link>
                    </td>
                    <td>{customer.email}</td>
                    <td className="rd-mono">{customer.customer_id}</td>
                    <td>{codeLabel(customer.tier)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
    </section>
  );
}
