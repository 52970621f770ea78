/**
 * What the app wrote, read back through its own command line
 * (`returndesk returns list --json`, `returndesk customers show --json`) against the
 * run's database.
 */

import type { RunningApp } from './server';

/** One return as `returndesk returns list --json` prints it (the fields the cases read). */
export interface StoredReturn {
  rma: string;
  order_id: string;
  customer_id: string;
  status: string;
  items: Array<{ item_id: string; price: string; reason_code: string }>;
  resolution: string;
  method: string | null;
  refund_amount: string;
}

export async function returnsOf(app: RunningApp, customerId: string): Promise<StoredReturn[]> {
  const output = await app.cli(['returns', 'list', '--json', '--customer', customerId]);
  return JSON.parse(output) as StoredReturn[];
}

/** A customer as `returndesk customers show --json` prints them (the fields the cases read). */
export interface StoredCustomer {
  customer_id: string;
  default_address: {
    address1: string;
    address2: string;
    city: string;
    state: string;
    zip: string;
    country: string;
  } | null;
}

export async function customerOf(app: RunningApp, customerId: string): Promise<StoredCustomer> {
  const output = await app.cli(['customers', 'show', customerId, '--json']);
  return JSON.parse(output) as StoredCustomer;
}
