import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StaffApi } from '../../src/staff/api';
import { StaffApp } from '../../src/staff/StaffApp';

const SESSION = { email: 'sam@example.com', name: 'Sam Lee', role: 'agent', csrf_token: 'tok' };

const ENTRY = {
  rma: 'R-7K3QX9M2',
  status: 'needs_review',
  created_at: '2026-03-09T10:00:00+00:00',
  order_id: '#W1234567',
  customer_id: 'mia_garcia_4516',
  customer_name: 'Mia Garcia',
  customer_email: 'mia@example.com',
  reason_code: 'DEFECTIVE',
  resolution: 'REFUND',
  method: 'PREPAID_LABEL',
  items_total: '1299.00',
  refund_amount: '1299.00',
  item_count: 1,
};

const DETAIL = {
  ...ENTRY,
  items: [
    {
      line_no: 0,
      item_id: '1',
      product_id: 'p',
      name: 'Espresso Machine',
      options: { capacity: '1L' },
      price: '1299.00',
      reason_code: 'DEFECTIVE',
      reason_note: null,
      exchange_item_id: null,
    },
  ],
  fees: '0.00',
  bonus: '0.00',
  exchange_difference: '0.00',
  keep_item: false,
  shipment: null,
  events: [
    {
      at: '2026-03-09T10:00:00+00:00',
      actor: 'customer',
      from: null,
      to: 'requested',
      note: null,
      staff_name: null,
    },
  ],
  updated_at: '2026-03-09T10:00:00+00:00',
  customer: {
    customer_id: 'mia_garcia_4516',
    name: 'Mia Garcia',
    email: 'mia@example.com',
    tier: 'standard',
  },
  order: {
    order_id: '#W1234567',
    status: 'delivered',
    placed_at: '2026-03-01T10:00:00+00:00',
    delivered_at: '2026-03-04T10:00:00+00:00',
    items: [],
    items_total: '1299.00',
    tracking_ids: [],
  },
  moves: ['approved', 'rejected'],
  audit: [],
  thread_id: null,
  transcript: null,
};

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

function server(signedIn: boolean) {
  let session = signedIn;
  return vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    const path = String(url);
    const method = init?.method ?? 'GET';
    if (path.endsWith('/session') && method === 'POST') {
      session = true;
      return json(SESSION);
    }
    if (!session) return json({ error: { code: 'forbidden', message: 'Please sign in.' } }, 403);
    if (path.endsWith('/session')) return json(SESSION);
    if (path.startsWith('/staff/api/returns?'))
      return json({ returns: [ENTRY], next_cursor: null, waiting_for_review: 1 });
    if (path === `/staff/api/returns/${ENTRY.rma}`) return json(DETAIL);
    return json({ error: { code: 'not_found', message: 'No such thing.' } }, 404);
  });
}

beforeEach(() => window.history.replaceState(null, '', '/staff'));
afterEach(() => window.history.replaceState(null, '', '/'));

describe('the staff console', () => {
  it('asks to sign in, then shows the queue', async () => {
    const fetchImpl = server(false);
    render(<StaffApp api={new StaffApi(fetchImpl as typeof fetch)} />);

    await userEvent.type(await screen.findByLabelText('Email'), SESSION.email);
    await userEvent.type(screen.getByLabelText('Password'), 'a long password here');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    const queue = await screen.findByTestId('queue');
    expect(within(queue).getByRole('link', { name: ENTRY.rma })).toBeInTheDocument();
    expect(within(queue).getByText('Needs review')).toBeInTheDocument();
    expect(screen.getByTestId('review-count')).toHaveTextContent('1 waiting for review');
  });

  it('puts the filters in the address, so they survive a reload', async () => {
    const fetchImpl = server(true);
    render(<StaffApp api={new StaffApi(fetchImpl as typeof fetch)} />);
    await screen.findByTestId('queue');

    await userEvent.selectOptions(screen.getByLabelText('Status'), 'needs_review');
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search' }), 'mia@example.com');
    await userEvent.click(screen.getByRole('button', { name: 'Apply' }));

    await waitFor(() => expect(window.location.search).toContain('status=needs_review'));
    expect(window.location.search).toContain('q=mia%40example.com');
    const asked = fetchImpl.mock.calls.map(([url]) => String(url));
    expect(asked.at(-1)).toContain('status=needs_review');
  });

  it('will not reject a return without a reason for the shopper', async () => {
    window.history.replaceState(null, '', `/staff/returns/${ENTRY.rma}`);
    const fetchImpl = server(true);
    render(<StaffApp api={new StaffApi(fetchImpl as typeof fetch)} />);

    await userEvent.click(await screen.findByRole('button', { name: 'Reject…' }));
    await userEvent.click(screen.getByRole('button', { name: 'Reject return' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('reason');
    const moves = fetchImpl.mock.calls.filter(([url]) => String(url).endsWith('/moves'));
    expect(moves).toHaveLength(0);
    expect(screen.getByText('Espresso Machine')).toBeInTheDocument();
  });
});
