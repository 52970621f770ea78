/** The visitor's past conversations, newest first, as the server lists them. */

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChatKitClient, ThreadMetadata } from '../protocol';
import { errorView } from './error-view';

const PAGE_SIZE = 30;

export interface ThreadHistory {
  threads: ThreadMetadata[];
  hasMore: boolean;
  loading: boolean;
  error: string | null;
  refresh(): Promise<void>;
  loadMore(): Promise<void>;
  /** Show a thread the chat just created or changed, without waiting for a refresh. */
  upsert(thread: ThreadMetadata): void;
  rename(threadId: string, title: string): Promise<boolean>;
  remove(threadId: string): Promise<boolean>;
}

function metadata(thread: ThreadMetadata & { items?: unknown }): ThreadMetadata {
  const { items: _items, ...rest } = thread;
  return rest;
}

export function useThreadHistory(client: ChatKitClient): ThreadHistory {
  const [threads, setThreads] = useState<ThreadMetadata[]>([]);
  const [after, setAfter] = useState<string | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const request = useRef(0);

  const refresh = useCallback(async () => {
    const id = ++request.current;
    setLoading(true);
    try {
      const page = await client.listThreads({ limit: PAGE_SIZE, order: 'desc' });
      if (id !== request.current) return;
      setThreads(page.data.map(metadata));
      setAfter(page.after);
      setHasMore(page.has_more);
      setError(null);
    } catch (failure) {
      if (id === request.current) setError(errorView(failure).message);
    } finally {
      if (id === request.current) setLoading(false);
    }
  }, [client]);

  const loadMore = useCallback(async () => {
    if (!hasMore || !after) return;
    const id = ++request.current;
    setLoading(true);
    try {
      const page = await client.listThreads({ limit: PAGE_SIZE, order: 'desc', after });
      if (id !== request.current) return;
      setThreads((known) => {
        const seen = new Set(known.map((thread) => thread.id));
        return [...known, ...page.data.map(metadata).filter((thread) => !seen.has(thread.id))];
      });
      setAfter(page.after);
      setHasMore(page.has_more);
    } catch (failure) {
      if (id === request.current) setError(errorView(failure).message);
    } finally {
      if (id === request.current) setLoading(false);
    }
  }, [client, after, hasMore]);

  const upsert = useCallback((thread: ThreadMetadata) => {
    const entry = metadata(thread);
    setThreads((known) => {
      const index = known.findIndex((existing) => existing.id === entry.id);
      if (index === -1) return [entry, ...known];
      return known.map((existing, at) => (at === index ? { ...existing, ...entry } : existing));
    });
  }, []);

  const rename = useCallback(
    async (threadId: string, title: string) => {
      try {
        upsert(await client.renameThread(threadId, title));
        return true;
      } catch (failure) {
        setError(errorView(failure).message);
        return false;
      }
    },
    [client, upsert],
  );

  const remove = useCallback(
    async (threadId: string) => {
      try {
        await client.deleteThread(threadId);
        setThreads((known) => known.filter((thread) => thread.id !== threadId));
        return true;
      } catch (failure) {
        setError(errorView(failure).message);
        return false;
      }
    },
    [client],
  );

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return { threads, hasMore, loading, error, refresh, loadMore, upsert, rename, remove };
}
