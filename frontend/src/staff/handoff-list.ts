/**
 * A list of hand-offs kept current from the live stream. Pure: the hooks that
 * load and listen call these.
 */

import type { StaffLiveMessage } from './live';
import type { Handoff, HandoffDetail, HandoffList, HandoffStatus, HandoffView } from './types';

export function isActive(status: HandoffStatus): boolean {
  return status === 'open' || status === 'claimed';
}

export function viewOf(status: HandoffStatus): HandoffView {
  return isActive(status) ? 'active' : 'closed';
}

/**
 * Where a changed hand-off goes: replaced where it stands, out of a list it no
 * longer belongs to, or in as the newest (last of the active ones, which are
 * oldest first; first of the closed ones, which are newest first). Nothing is
 * re-sorted, so the server's order stands.
 */
export function applyToList(list: HandoffList, message: StaffLiveMessage, view: HandoffView) {
  if (message.type !== 'handoff') return list;
  const changed = message.handoff;
  const before = list.handoffs.find((handoff) => handoff.id === changed.id);
  const belongs = viewOf(changed.status) === view;
  let handoffs: Handoff[];
  if (before) {
    handoffs = belongs
      ? list.handoffs.map((handoff) => (handoff.id === changed.id ? changed : handoff))
      : list.handoffs.filter((handoff) => handoff.id !== changed.id);
  } else if (belongs) {
    handoffs = view === 'active' ? [...list.handoffs, changed] : [changed, ...list.handoffs];
  } else {
    handoffs = list.handoffs;
  }
  return { handoffs, counts: view === 'active' ? recount(list, before, changed) : list.counts };
}

/**
 * The open and claimed counts after a change. The active list holds every open
 * and claimed hand-off, so one missing from it was neither before.
 */
function recount(list: HandoffList, before: Handoff | undefined, after: Handoff) {
  const counts = { ...list.counts };
  if (before?.status === 'open' || before?.status === 'claimed') counts[before.status] -= 1;
  if (after.status === 'open' || after.status === 'claimed') counts[after.status] += 1;
  return { open: Math.max(0, counts.open), claimed: Math.max(0, counts.claimed) };
}

/** A hand-off's page: its own changes, and new items of its conversation (each id once). */
export function applyToDetail(detail: HandoffDetail, message: StaffLiveMessage): HandoffDetail {
  const { handoff } = detail;
  if (message.type === 'handoff') {
    return message.handoff.id === handoff.id ? { ...detail, handoff: message.handoff } : detail;
  }
  if (message.type !== 'item') return detail;
  const ours =
    message.handoff_id === handoff.id ||
    (handoff.thread_id !== null && message.thread_id === handoff.thread_id);
  return ours ? { ...detail, items: upsertItem(detail.items, message.item) } : detail;
}

export function upsertItem<T extends { id: string }>(items: T[], item: T): T[] {
  const index = items.findIndex((existing) => existing.id === item.id);
  return index === -1
    ? [...items, item]
    : items.map((existing, at) => (at === index ? item : existing));
}
