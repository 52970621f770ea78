/**
 * The open conversation: sends messages and actions, applies what streams
 * back, and keeps one stream at a time (the server would only queue a second
 * turn of the thread behind the first, and the shopper would see neither
 * answer until both were done).
 */

import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import {
  ChatKitError,
  type ActionConfig,
  type ChatKitClient,
  type EventStream,
  type FeedbackKind,
  type ThreadMetadata,
  type ThreadStreamEvent,
  isAbortError,
  textInput,
} from '../protocol';
import { type ChatState, chatReducer, initialChatState } from '../thread/state';
import { loadThread } from '../thread/load-thread';
import { type ActionRequest, type BusyScope, busyScopeOf } from '../widgets/host';
import { errorView } from './error-view';
import type { ThreadMemory } from './thread-memory';
import { titleFromText } from './titles';
import { useThreadLive } from './use-thread-live';

export interface PendingAction {
  itemId: string;
  sourceId: string;
  scope: BusyScope;
}

export type SendResult = 'sent' | 'failed' | 'stopped';

interface StreamOutcome {
  result: SendResult;
  /** The thread as the stream last described it (thread.created or thread.updated). */
  thread: ThreadMetadata | null;
}

export interface ChatOptions {
  client: ChatKitClient;
  memory: ThreadMemory;
  /** A thread was created, renamed or otherwise changed: the history should show it. */
  onThreadChanged?: (thread: ThreadMetadata) => void;
  /** Actions a widget marks `handler: "client"` are the page's to handle. */
  onClientAction?: (action: ActionConfig, itemId: string) => void;
  onClientEffect?: (name: string, data: Record<string, unknown>) => void;
}

export interface Chat {
  state: ChatState;
  pendingAction: PendingAction | null;
  send(text: string): Promise<SendResult>;
  stop(): void;
  retry(userItemId?: string): Promise<void>;
  runAction(itemId: string, request: ActionRequest): void;
  feedback(itemIds: string[], kind: FeedbackKind): Promise<void>;
  openThread(threadId: string): Promise<void>;
  newChat(): void;
  dismissNotice(id: number): void;
  dismissError(): void;
}

export function useChat(options: ChatOptions): Chat {
  const [state, dispatch] = useReducer(chatReducer, initialChatState);
  const [pendingAction, setPendingAction] = useState<PendingAction | null>(null);
  const stateRef = useRef(state);
  stateRef.current = state;
  const optionsRef = useRef(options);
  optionsRef.current = options;
  const run = useRef<{ id: number; controller: AbortController | null }>({
    id: 0,
    controller: null,
  });
  const lastText = useRef<string | null>(null);
  useThreadLive(options.client, state.thread?.id ?? null, dispatch);

  /** Start a new run, ending any earlier one; returns its id. */
  const begin = useCallback((): { id: number; signal: AbortSignal } => {
    run.current.controller?.abort();
    const controller = new AbortController();
    run.current = { id: run.current.id + 1, controller };
    return { id: run.current.id, signal: controller.signal };
  }, []);

  const onEvent = useCallback((event: ThreadStreamEvent) => {
    const { memory, onThreadChanged, onClientEffect } = optionsRef.current;
    if (event.type === 'thread.created') memory.set(event.thread.id);
    if (event.type === 'thread.created' || event.type === 'thread.updated') {
      onThreadChanged?.(event.thread);
    }
    if (event.type === 'client_effect') onClientEffect?.(event.name, event.data ?? {});
  }, []);

  const stream = useCallback(
    async (
      start: (signal: AbortSignal) => EventStream,
      userText: string | null,
    ): Promise<StreamOutcome> => {
      const { id, signal } = begin();
      dispatch({ type: 'stream-start', userText });
      let result: SendResult = 'sent';
      let echoed = userText === null;
      let thread: ThreadMetadata | null = null;
      try {
        for await (const event of start(signal)) {
          if (run.current.id !== id) break;
          dispatch({ type: 'event', event });
          onEvent(event);
          if ('item' in event && event.item.type === 'user_message') echoed = true;
          if (event.type === 'thread.created' || event.type === 'thread.updated')
            thread = event.thread;
        }
      } catch (error) {
        if (signal.aborted || isAbortError(error)) result = 'stopped';
        else {
          result = 'failed';
          if (run.current.id === id) dispatch({ type: 'failed', error: errorView(error) });
        }
      }
      if (run.current.id === id) {
        run.current.controller = null;
        dispatch({ type: 'stream-end', stopped: result === 'stopped' });
        setPendingAction(null);
      }
      // A message the server never took is the composer's to give back.
      return { result: result === 'failed' && !echoed ? 'failed' : result, thread };
    },
    [begin, onEvent],
  );

  /** Title a thread the server left untitled, from the text that started it. */
  const nameNewThread = useCallback(async (thread: ThreadMetadata | null, text: string) => {
    if (!thread || thread.title?.trim()) return;
    try {
      const renamed = await optionsRef.current.client.renameThread(thread.id, titleFromText(text));
      dispatch({ type: 'thread-changed', thread: renamed });
      optionsRef.current.onThreadChanged?.(renamed);
    } catch {
      // An untitled thread is still listed (as "New conversation"); nothing to tell the user.
    }
  }, []);

  const send = useCallback(
    async (text: string): Promise<SendResult> => {
      const trimmed = text.trim();
      if (!trimmed || stateRef.current.phase !== 'idle') return 'failed';
      const { client } = optionsRef.current;
      const thread = stateRef.current.thread;
      const input = textInput(trimmed);
      lastText.current = trimmed;
      const outcome = await stream(
        (signal) =>
          thread
            ? client.addUserMessage(thread.id, input, { signal })
            : client.createThread(input, { signal }),
        trimmed,
      );
      if (!thread) await nameNewThread(outcome.thread, trimmed);
      return outcome.result;
    },
    [stream, nameNewThread],
  );

  const stop = useCallback(() => {
    run.current.controller?.abort();
  }, []);

  const retry = useCallback(
    async (userItemId?: string) => {
      const current = stateRef.current;
      if (current.phase === 'streaming') return;
      if (!current.thread) {
        if (lastText.current) await send(lastText.current);
        return;
      }
      const target =
        userItemId ?? [...current.items].reverse().find((item) => item.type === 'user_message')?.id;
      if (!target) return;
      const threadId = current.thread.id;
      dispatch({ type: 'truncate-after', itemId: target });
      await stream(
        (signal) => optionsRef.current.client.retryAfterItem(threadId, target, { signal }),
        null,
      );
    },
    [send, stream],
  );

  const runAction = useCallback(
    (itemId: string, request: ActionRequest) => {
      const { action } = request;
      if (action.handler === 'client') {
        optionsRef.current.onClientAction?.(action, itemId);
        return;
      }
      const current = stateRef.current;
      if (!current.thread || current.phase === 'streaming') return;
      const threadId = current.thread.id;
      setPendingAction({
        itemId,
        sourceId: request.sourceId,
        scope: busyScopeOf(action, request.defaultScope),
      });
      void stream(
        (signal) =>
          optionsRef.current.client.customAction(threadId, itemId, action, request.values, {
            signal,
          }),
        null,
      );
    },
    [stream],
  );

  const feedback = useCallback(async (itemIds: string[], kind: FeedbackKind) => {
    const thread = stateRef.current.thread;
    if (!thread) return;
    dispatch({ type: 'feedback', itemIds, kind });
    try {
      await optionsRef.current.client.feedback(thread.id, itemIds, kind);
    } catch (error) {
      dispatch({ type: 'failed', error: { ...errorView(error), allowRetry: false } });
    }
  }, []);

  const openThread = useCallback(
    async (threadId: string) => {
      const { id, signal } = begin();
      setPendingAction(null);
      dispatch({ type: 'loading' });
      try {
        const loaded = await loadThread(optionsRef.current.client, threadId, { signal });
        if (run.current.id !== id) return;
        optionsRef.current.memory.set(threadId);
        dispatch({ type: 'loaded', thread: loaded.thread, items: loaded.items });
      } catch (error) {
        if (signal.aborted || run.current.id !== id) return;
        const missing = error instanceof ChatKitError && error.status === 404;
        if (missing) optionsRef.current.memory.clear();
        dispatch({ type: 'reset' });
        dispatch({
          type: 'failed',
          error: missing
            ? {
                code: 'not_found',
                message: 'That conversation is no longer available.',
                allowRetry: false,
              }
            : errorView(error),
        });
      } finally {
        if (run.current.id === id) run.current.controller = null;
      }
    },
    [begin],
  );

  const newChat = useCallback(() => {
    begin();
    run.current.controller = null;
    setPendingAction(null);
    optionsRef.current.memory.clear();
    lastText.current = null;
    dispatch({ type: 'reset' });
  }, [begin]);

  // Reopen the conversation that was open before the page was reloaded.
  useEffect(() => {
    const remembered = optionsRef.current.memory.get();
    if (remembered) void openThread(remembered);
    return () => run.current.controller?.abort();
  }, [openThread]);

  return {
    state,
    pendingAction,
    send,
    stop,
    retry,
    runAction,
    feedback,
    openThread,
    newChat,
    dismissNotice: useCallback((id: number) => dispatch({ type: 'dismiss-notice', id }), []),
    dismissError: useCallback(() => dispatch({ type: 'dismiss-error' }), []),
  };
}
