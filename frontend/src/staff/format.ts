/** How the console writes statuses, money and times. */

import type { HandoffStatus, ReturnStatus } from './types';

const STATUS_LABELS: Record<ReturnStatus, string> = {
  requested: 'Requested',
  approved: 'Approved',
  needs_review: 'Needs review',
  rejected: 'Rejected',
  awaiting_shipment: 'Awaiting shipment',
  in_transit: 'In transit',
  received: 'Received',
  refunded: 'Refunded',
  exchanged: 'Exchanged',
  closed: 'Closed',
  cancelled: 'Cancelled',
  expired: 'Expired',
};

export const ALL_STATUSES = Object.keys(STATUS_LABELS) as ReturnStatus[];

export function statusLabel(status: ReturnStatus): string {
  return STATUS_LABELS[status] ?? status;
}

const HANDOFF_STATUS_LABELS: Record<HandoffStatus, string> = {
  open: 'Waiting',
  claimed: 'Claimed',
  handed_back: 'Handed back',
  closed: 'Closed',
};

export function handoffStatusLabel(status: HandoffStatus): string {
  return HANDOFF_STATUS_LABELS[status] ?? status;
}

/** What the button for a move says. */
const MOVE_LABELS: Partial<Record<ReturnStatus, string>> = {
  approved: 'Approve',
  rejected: 'Reject',
  in_transit: 'Mark in transit',
  received: 'Mark received',
  refunded: 'Mark refunded',
  exchanged: 'Mark exchanged',
  closed: 'Close',
};

export function moveLabel(status: ReturnStatus): string {
  return MOVE_LABELS[status] ?? statusLabel(status);
}

// Codes whose words alone read wrong.
const CODE_LABELS: Record<string, string> = {
  QR_DROP_OFF: 'QR code drop-off',
  STORE_DROP_OFF: 'Store drop-off',
  SCHEDULE_PICKUP: 'Pickup',
  NONE: 'Item kept',
  KEEP_WITH_DISCOUNT: 'Keep with discount',
  VIP: 'VIP',
};

/** `PREPAID_LABEL` → `Prepaid label`. */
export function codeLabel(code: string | null): string {
  if (!code) return '—';
  const known = CODE_LABELS[code.toUpperCase()];
  if (known) return known;
  const words = code.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const MONEY = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

export function money(amount: string): string {
  const value = Number(amount);
  return Number.isFinite(value) ? MONEY.format(value) : amount;
}

const DATE_TIME = new Intl.DateTimeFormat('en-US', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

export function dateTime(iso: string): string {
  const moment = new Date(iso);
  return Number.isNaN(moment.getTime()) ? iso : `${DATE_TIME.format(moment)} UTC`;
}

export function optionsText(options: Record<string, string>): string {
  return Object.entries(options)
    .map(([name, value]) => `${name}: ${value}`)
    .join(', ');
}
