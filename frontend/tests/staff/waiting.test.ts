import { describe, expect, it } from 'vitest';
import type { Handoff } from '../../src/staff/types';
import { arrived, waitingSeconds, waitingText } from '../../src/staff/waiting';

describe('waitingText', () => {
  it('says a wait in minutes, hours and days', () => {
    expect(waitingText(42)).toBe('under 1 min');
    expect(waitingText(240)).toBe('4 min');
    expect(waitingText(3600)).toBe('1 h');
    expect(waitingText(3900)).toBe('1 h 5 min');
    expect(waitingText(86_400)).toBe('1 day');
    expect(waitingText(2 * 86_400 + 3 * 3600)).toBe('2 days 3 h');
  });
});

describe('waitingSeconds', () => {
  const base = { waiting_seconds: 240 } as Handoff;

  it('keeps counting for an open one, from when it arrived', () => {
    const open = arrived({ ...base, status: 'open' }, 1_000_000);
    expect(waitingSeconds(open, 1_000_000 + 90_000)).toBe(330);
  });

  it('stops at the claim', () => {
    const claimed = arrived({ ...base, status: 'claimed' }, 1_000_000);
    expect(waitingSeconds(claimed, 1_000_000 + 90_000)).toBe(240);
  });
});
