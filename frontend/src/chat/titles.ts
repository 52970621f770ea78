import type { ThreadMetadata } from '../protocol';

const MAX_TITLE = 60;

/** A conversation title from the first thing the customer said. */
export function titleFromText(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= MAX_TITLE) return line;
  const cut = line.slice(0, MAX_TITLE);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_TITLE / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export function displayTitle(thread: Pick<ThreadMetadata, 'title'>): string {
  return thread.title?.trim() || 'New conversation';
}

/**
 * Server timestamps carry no zone and are in the server's local time; read
 * as local time here, which is right whenever both sit in the same zone.
 */
export function parseTimestamp(value: string): Date | null {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function relativeDay(value: string, now: Date = new Date()): string {
  const date = parseTimestamp(value);
  if (!date) return '';
  const startOf = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((startOf(now) - startOf(date)) / 86_400_000);
  if (days <= 0) return date.toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });
  if (days === 1) return 'Yesterday';
  if (days < 7) return date.toLocaleDateString(undefined, { weekday: 'long' });
  return date.toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    year: date.getFullYear() === now.getFullYear() ? undefined : 'numeric',
  });
}
