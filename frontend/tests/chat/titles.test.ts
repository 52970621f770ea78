import { describe, expect, it } from 'vitest';
import { displayTitle, relativeDay, titleFromText } from '../../src/chat/titles';

describe('titles', () => {
  it('titles a conversation from its first message, cut at a word', () => {
    expect(titleFromText('  hi   there \n')).toBe('hi there');
    const long =
      'I ordered two pairs of trail running shoes last week and one pair is the wrong size';
    const title = titleFromText(long);
    expect(title.length).toBeLessThanOrEqual(61);
    expect(title.endsWith('…')).toBe(true);
    expect(long.startsWith(title.slice(0, -1))).toBe(true);
  });

  it('names untitled conversations', () => {
    expect(displayTitle({ title: null })).toBe('New conversation');
    expect(displayTitle({ title: 'Shoes' })).toBe('Shoes');
  });

  it('dates conversations relative to today', () => {
    const now = new Date(2026, 0, 15, 12, 0);
    expect(relativeDay('2026-01-14T09:00:00', now)).toBe('Yesterday');
    expect(relativeDay('2026-01-15T09:05:00', now)).toMatch(/9:05/);
    expect(relativeDay('not a date', now)).toBe('');
  });
});
