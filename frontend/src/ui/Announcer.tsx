import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';

type Announce = (message: string) => void;
const AnnouncerContext = createContext<Announce>(() => undefined);

/** Say something to screen readers once, without it being part of the visible page. */
export const useAnnounce = (): Announce => useContext(AnnouncerContext);

const SETTLE_MS = 50;

export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState('');
  const queued = useRef<string[]>([]);
  const announce = useCallback((next: string) => {
    queued.current.push(next);
    if (queued.current.length > 1) return;
    // Clearing first makes a repeated message ("Copied") be read again; messages
    // that arrive together are read together rather than the last one alone.
    setMessage('');
    window.setTimeout(() => {
      setMessage(queued.current.join(' '));
      queued.current = [];
    }, SETTLE_MS);
  }, []);
  return (
    <AnnouncerContext.Provider value={announce}>
      {children}
      <div className="rd-sr-only" role="status" aria-live="polite" data-testid="announcer">
        {message}
      </div>
    </AnnouncerContext.Provider>
  );
}
