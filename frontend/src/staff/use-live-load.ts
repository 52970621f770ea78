/**
 * Loading what a page shows and keeping it current from the live stream.
 *
 * Events that arrive while a load is on its way are kept and applied to its
 * answer: the stream delivers changes in order, so replaying them over the
 * snapshot gives the newest state whichever side of the snapshot they fell.
 * When a connection opens (the first, or again after a drop) the page loads
 * again, since events from before it may be missing.
 */

import { useCallback, useEffect, useRef, useState } from 'react';
import { useStaffLive, type StaffLiveMessage } from './live';
import type { Loaded } from './use-load';

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
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [round, setRound] = useState(0);
  // Non-null while a load is on its way: the events to apply to its answer.
  const missed = useRef<StaffLiveMessage[] | null>(null);
  const applyRef = useRef(apply);
  applyRef.current = apply;

  useEffect(() => {
    let current = true;
    missed.current = [];
    setLoading(true);
    setError(null);
    load().then(
      (value) => {
        if (!current) return;
        const meanwhile = missed.current ?? [];
        missed.current = null;
        setData(meanwhile.reduce((state, message) => applyRef.current(state, message), value));
        setLoading(false);
      },
      (failure: unknown) => {
        if (!current) return;
        missed.current = null;
        setError(failure instanceof Error ? failure.message : String(failure));
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
    // The caller names what the load depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, round]);

  const reload = useCallback(() => setRound((n) => n + 1), []);

  const update = useCallback(
    (change: (data: T) => T) => setData((old) => (old === null ? old : change(old))),
    [],
  );
  useStaffLive((message) => {
    if (message.type === 'open') reload();
    else if (missed.current) missed.current.push(message);
    else update((old) => applyRef.current(old, message));
  });

  return { data, error, loading, reload, set: setData, update };
}
