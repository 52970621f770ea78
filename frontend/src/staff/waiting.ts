/**
 * How long a shopper has waited for a person. The server says so as of when
 * it wrote the hand-off (`waiting_seconds`, its own clock); an open one keeps
 * counting from when that JSON arrived here, so a clock set wrong on either
 * side does not show.
 */

import type { Handoff } from './types';

// Keyed by the object itself: every hand-off is a fresh object from the network.
const ARRIVED = new WeakMap<Handoff, number>();

/** Note that this hand-off arrived now; returns it. */
export function arrived<T extends Handoff>(handoff: T, at: number = Date.now()): T {
  ARRIVED.set(handoff, at);
  return handoff;
}

export function waitingSeconds(handoff: Handoff, now: number = Date.now()): number {
  const at = ARRIVED.get(handoff);
  if (handoff.status !== 'open' || at === undefined) return handoff.waiting_seconds;
  return handoff.waiting_seconds + Math.max(0, Math.floor((now - at) / 1000));
}

/** `4 min`, `1 h 5 min`, `2 days 3 h`; under a minute is `under 1 min`. */
export function waitingText(seconds: number): string {
  if (seconds < 60) return 'under 1 min';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  const unit = days === 1 ? 'day' : 'days';
  return hours % 24 ? `${days} ${unit} ${hours % 24} h` : `${days} ${unit}`;
}
