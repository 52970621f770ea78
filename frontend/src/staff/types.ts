/** The staff API's JSON, as the server writes it (money as strings with two decimals). */

import type { ThreadItem } from '../protocol';

export type StaffRole = 'agent' | 'admin';

export interface StaffSession {
  /** Sent by servers that name the member's id; compared with a hand-off's holder. */
  id?: number;
  email: string;
  name: string;
  role: StaffRole;
  csrf_token: string;
}

export type ReturnStatus =
  | 'requested'
  | 'approved'
  | 'needs_review'
  | 'rejected'
  | 'awaiting_shipment'
  | 'in_transit'
  | 'received'
  | 'refunded'
  | 'exchanged'
  | 'closed'
  | 'cancelled'
  | 'expired';

export interface QueueEntry {
  rma: string;
  status: ReturnStatus;
  created_at: string;
  order_id: string;
  customer_id: string;
  customer_name: string;
  customer_email: string;
  reason_code: string;
  resolution: string;
  method: string | null;
  items_total: string;
  refund_amount: string;
  item_count: number;
}

export interface QueuePage {
  returns: QueueEntry[];
  next_cursor: string | null;
  waiting_for_review: number;
}

export interface ReturnEvent {
  at: string;
  actor: 'customer' | 'system' | 'staff';
  from: ReturnStatus | null;
  to: ReturnStatus;
  note: string | null;
  staff_name: string | null;
}

export interface ReturnItem {
  line_no: number;
  item_id: string;
  product_id: string;
  name: string | null;
  options: Record<string, string>;
  price: string;
  reason_code: string;
  reason_note: string | null;
  exchange_item_id: string | null;
  exchange_item?: { name: string; options: Record<string, string>; price: string };
}

export interface Shipment {
  method?: string;
  carrier?: string;
  tracking_number?: string;
  label_url?: string;
  [key: string]: unknown;
}

export interface AuditEntry {
  id: number;
  at: string;
  action: string;
  subject: string;
  detail: Record<string, unknown>;
  staff_email: string | null;
  staff_name: string | null;
}

export interface OrderLine {
  line_no: number;
  item_id: string;
  name: string;
  options: Record<string, string>;
  price: string;
}

export interface Order {
  order_id: string;
  status: string;
  placed_at: string;
  delivered_at: string | null;
  items: OrderLine[];
  items_total: string;
  tracking_ids: string[];
}

export interface ReturnDetail {
  rma: string;
  status: ReturnStatus;
  order_id: string;
  customer_id: string;
  items: ReturnItem[];
  resolution: string;
  method: string | null;
  items_total: string;
  fees: string;
  bonus: string;
  refund_amount: string;
  exchange_difference: string;
  keep_item: boolean;
  shipment: Shipment | null;
  events: ReturnEvent[];
  created_at: string;
  updated_at: string;
  customer: { customer_id: string; name: string; email: string; tier: string };
  order: Order;
  moves: ReturnStatus[];
  audit: AuditEntry[];
  thread_id: string | null;
  transcript: ThreadItem[] | null;
}

export interface CustomerSummary {
  customer_id: string;
  first_name: string;
  last_name: string;
  email: string;
  tier: string;
}

export interface Lockout {
  key: string;
  kind: string;
  who: string;
  failures: number;
  locked_until: string;
}

export interface Conversation {
  thread_id: string;
  title: string | null;
  created_at: string;
  updated_at: string;
}

export interface CustomerOverview extends CustomerSummary {
  default_address: Record<string, string> | null;
  orders: Order[];
  returns: QueueEntry[];
  conversations: Conversation[];
  lockouts: Lockout[];
}

export interface StaffMember {
  id: number;
  email: string;
  name: string;
  role: StaffRole;
  disabled: boolean;
  created_at: string;
}

export interface AnalyticsFigures {
  period: { from: string; to: string };
  per_day: { day: string; returns: number; exchanges: number }[];
  by_reason: { reason: string; count: number }[];
  by_resolution: { resolution: string; count: number }[];
  by_method: { method: string; count: number }[];
  money: {
    refunded: string;
    store_credit: string;
    kept_by_exchanges: string;
    kept_by_offers: string;
  };
  retention: { shown: number; accepted: number };
  conversations: {
    started: number;
    handed_off: number;
    contained: number;
    containment: number | null;
  };
  verification_failures: number;
  median_hours_to_refund: number | null;
}

export type HandoffStatus = 'open' | 'claimed' | 'handed_back' | 'closed';

/** The inbox's two lists: open or claimed (oldest first), and over (newest first). */
export type HandoffView = 'active' | 'closed';

export interface Handoff {
  id: number;
  status: HandoffStatus;
  thread_id: string | null;
  customer: { id: string; name: string; email: string } | null;
  summary: string;
  created_at: string;
  /** Until the claim, or until the server wrote this while it is still open. */
  waiting_seconds: number;
  order_id: string | null;
  rma: string | null;
  claimed_by: { id: number; name: string } | null;
  claimed_at: string | null;
  first_reply_at: string | null;
  closed_at: string | null;
  close_note: string | null;
}

export interface HandoffList {
  handoffs: Handoff[];
  counts: { open: number; claimed: number };
}

export interface HandoffDetail {
  handoff: Handoff;
  /** The whole conversation, oldest first. */
  items: ThreadItem[];
}

/** The events of `GET /staff/api/live`, by name. */
export interface StaffLiveEvents {
  /** A hand-off opened or changed. */
  handoff: Handoff;
  /** An item added to a thread whose hand-off is open or claimed. */
  item: { thread_id: string; handoff_id: number; item: ThreadItem };
}
