/**
 * Loading what a page shows and keeping it current from the live stream.
 *
 * Events that arrive while a load is on its way are kept and applied to its
 * answer: the stream delivers changes in order, so replaying them over the
 * snapshot gives the newest state whichever side of the snapshot they fell.
 * When a connection opens (the first, or again after a drop) the page loads
 * again, since events from before it may be missing.
 */

import { useCallback, useRef } from 'react';
import { useStaffLive, type StaffLiveMessage } from './live';
import { useLoad, type Loaded } from './use-load';

export type ApplyLive<T> = (data: T, message: StaffLiveMessage) => T;

export interface LiveLoaded<T> extends Loaded<T> {
  /** Change what is shown (with an answer to an action), from its newest state. */
  update(change: (data: T) => T): void;
}

export function useLiveLoad<T>(
  load: () => Promise<T>,
  deps: readonly unknown[],
  apply: ApplyLive<T>,
): LiveLoaded<T> {
  // Non-null while a load is on its way: the events to apply to its answer.
  const missed = useRef<StaffLiveMessage[] | null>(null);
  const applyRef = useRef(apply);
  applyRef.current = apply;

  const loaded = useLoad<T>(async () => {
    const meanwhile: StaffLiveMessage[] = [];
    missed.current = meanwhile;
    try {
      const value = await load();
      return meanwhile.reduce<T>((state, message) => applyRef.current(state, message), value);
    } finally {
      // A newer load may have started meanwhile: its list is its own.
      if (missed.current === meanwhile) missed.current = null;
    }
    // The caller names what the load depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  const { set, reload } = loaded;

  const update = useCallback(
    (change: (data: T) => T) => set((old) => (old === null ? old : change(old))),
    [set],
  );
  useStaffLive((message) => {
    if (message.type === 'open') reload();
    else if (missed.current) missed.current.push(message);
    else update((old) => applyRef.current(old, message));
  });

  return { ...loaded, update };
}
