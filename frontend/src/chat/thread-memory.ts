/**
 * Which conversation was open, kept across reloads. The conversation itself
 * lives on the server under the visitor's cookie; only its id is kept here.
 */

const KEY = 'returndesk.openThread';

export interface ThreadMemory {
  get(): string | null;
  set(threadId: string): void;
  clear(): void;
}

export function localThreadMemory(storage: Storage | null = safeLocalStorage()): ThreadMemory {
  return {
    get: () => {
      try {
        return storage?.getItem(KEY) ?? null;
      } catch {
        return null;
      }
    },
    set: (threadId) => {
      try {
        storage?.setItem(KEY, threadId);
      } catch {
        // Private mode or a full quota: the app still works, it just forgets on reload.
      }
    },
    clear: () => {
      try {
        storage?.removeItem(KEY);
      } catch {
        // As above.
      }
    },
  };
}

export function safeLocalStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}
