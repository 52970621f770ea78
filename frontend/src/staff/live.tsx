/**
 * One live stream for the whole console (`/staff/api/live`), shared by
 * whatever is on screen: the header's count, the inbox, a hand-off's page.
 * A browser allows only a few connections per server, so each of them
 * opening its own would soon block the rest of the console's requests.
 */

import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { LiveStatus } from '../protocol/live';
import type { StaffApi } from './api';
import { arrived } from './waiting';
import type { Handoff, StaffLiveEvents } from './types';

export type StaffLiveMessage =
  | { type: 'handoff'; handoff: Handoff }
  | ({ type: 'item' } & StaffLiveEvents['item'])
  /**
   * A connection opened: events may have been missed before it (the first one,
   * or one the server could not resume), so what was loaded should be again.
   */
  | { type: 'open' };

type Listener = (message: StaffLiveMessage) => void;

interface LiveHub {
  subscribe(listener: Listener): () => void;
  status: LiveStatus;
}

const LiveContext = createContext<LiveHub>({
  subscribe: () => () => undefined,
  status: 'closed',
});

export function StaffLiveProvider({ api, children }: { api: StaffApi; children: ReactNode }) {
  const listeners = useRef(new Set<Listener>());
  const [status, setStatus] = useState<LiveStatus>('connecting');

  useEffect(() => {
    const tell = (message: StaffLiveMessage) => {
      for (const listener of [...listeners.current]) listener(message);
    };
    const live = api.live({
      on: {
        handoff: (handoff) => tell({ type: 'handoff', handoff: arrived(handoff) }),
        item: (event) => tell({ type: 'item', ...event }),
      },
      onStatus: (next) => {
        setStatus(next);
        if (next === 'open') tell({ type: 'open' });
      },
    });
    return () => live.close();
  }, [api]);

  const subscribe = useCallback((listener: Listener) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);
  const hub = useMemo(() => ({ subscribe, status }), [subscribe, status]);

  return <LiveContext.Provider value={hub}>{children}</LiveContext.Provider>;
}

/** Calls `listener` with every live message while mounted; it may change between renders. */
export function useStaffLive(listener: Listener): void {
  const { subscribe } = useContext(LiveContext);
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => subscribe((message) => latest.current(message)), [subscribe]);
}

/** Whether live updates flow now (`open`), or are being restored. */
export function useStaffLiveStatus(): LiveStatus {
  return useContext(LiveContext).status;
}
