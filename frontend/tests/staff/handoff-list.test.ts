import { describe, expect, it } from 'vitest';
import { applyToDetail, applyToList } from '../../src/staff/handoff-list';
import type { Handoff, HandoffList } from '../../src/staff/types';
import { userItem } from '../helpers/fixtures';

function handoff(id: number, status: Handoff['status'] = 'open'): Handoff {
  return {
    id,
    status,
    thread_id: `thr_${id}`,
    customer: null,
    summary: 'Asked for a person.',
    created_at: '2026-03-09T10:00:00+00:00',
    waiting_seconds: 60,
    order_id: null,
    rma: null,
    claimed_by: status === 'claimed' ? { id: 3, name: 'Ann Smith' } : null,
    claimed_at: null,
    first_reply_at: null,
    closed_at: null,
    close_note: null,
  };
}

const active: HandoffList = {
  handoffs: [handoff(1), handoff(2, 'claimed')],
  counts: { open: 1, claimed: 1 },
};
const ids = (list: HandoffList) => list.handoffs.map((entry) => entry.id);

describe('applyToList', () => {
  it('adds a new active hand-off last (oldest first) and counts it', () => {
    const next = applyToList(active, { type: 'handoff', handoff: handoff(3) }, 'active');
    expect(ids(next)).toEqual([1, 2, 3]);
    expect(next.counts).toEqual({ open: 2, claimed: 1 });
  });

  it('replaces a changed one where it stands, moving it between counts', () => {
    const next = applyToList(active, { type: 'handoff', handoff: handoff(1, 'claimed') }, 'active');
    expect(ids(next)).toEqual([1, 2]);
    expect(next.handoffs[0]?.status).toBe('claimed');
    expect(next.counts).toEqual({ open: 0, claimed: 2 });
  });

  it('takes one that is over out of the active list, and puts it first of the closed ones', () => {
    const over = handoff(2, 'handed_back');
    const left = applyToList(active, { type: 'handoff', handoff: over }, 'active');
    expect(ids(left)).toEqual([1]);
    expect(left.counts).toEqual({ open: 1, claimed: 0 });
    const closed = { handoffs: [handoff(7, 'closed')], counts: { open: 0, claimed: 0 } };
    expect(ids(applyToList(closed, { type: 'handoff', handoff: over }, 'closed'))).toEqual([2, 7]);
  });

  it('counts the same event twice only once (a replay after reconnecting)', () => {
    const message = { type: 'handoff', handoff: handoff(3) } as const;
    const twice = applyToList(applyToList(active, message, 'active'), message, 'active');
    expect(ids(twice)).toEqual([1, 2, 3]);
    expect(twice.counts).toEqual({ open: 2, claimed: 1 });
  });
});

describe('applyToDetail', () => {
  const detail = { handoff: handoff(1), items: [userItem('u1', 'Hi', 'thr_1')] };

  it("adds its conversation's items once each, and nobody else's", () => {
    const item = userItem('u2', 'Still there?', 'thr_1');
    const message = { type: 'item', thread_id: 'thr_1', handoff_id: 1, item } as const;
    const next = applyToDetail(applyToDetail(detail, message), message);
    expect(next.items.map((entry) => entry.id)).toEqual(['u1', 'u2']);
    const other = { ...message, thread_id: 'thr_9', handoff_id: 9 };
    expect(applyToDetail(detail, other)).toBe(detail);
  });

  it('follows its own changes only', () => {
    const claimed = handoff(1, 'claimed');
    expect(applyToDetail(detail, { type: 'handoff', handoff: claimed }).handoff).toBe(claimed);
    expect(applyToDetail(detail, { type: 'handoff', handoff: handoff(5) })).toBe(detail);
  });
});
