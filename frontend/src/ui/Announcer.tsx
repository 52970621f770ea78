import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

type Announce = (message: string) => void;
const AnnouncerContext = createContext<Announce>(() => undefined);

/** Say something to screen readers once, without it being part of the visible page. */
export const useAnnounce = (): Announce => useContext(AnnouncerContext);

export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState('');
  const announce = useCallback((next: string) => {
    // Clearing first makes a repeated message ("Copied") be read again.
    setMessage('');
    window.setTimeout(() => setMessage(next), 30);
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
