/**
 * The open conversation as the UI sees it, and how stream events change it.
 * Pure: the hook that talks to the server only dispatches.
 */

import type {
  FeedbackKind,
  NoticeLevel,
  ThreadItem,
  ThreadMetadata,
  ThreadStreamEvent,
} from '../protocol';
import { applyItemUpdate } from './item-updates';

export interface NoticeView {
  id: number;
  level: NoticeLevel;
  title: string | null;
  /** Markdown. */
  message: string;
}

export interface ErrorView {
  code: string;
  message: string;
  allowRetry: boolean;
}

export interface ProgressView {
  icon: string | null;
  text: string;
}

export type Phase = 'idle' | 'loading' | 'streaming';

export interface ChatState {
  thread: ThreadMetadata | null;
  items: ThreadItem[];
  phase: Phase;
  /** Shown at once while the server has not yet echoed the user's message. */
  pendingUserText: string | null;
  /** Items added by the stream and not yet done: they render as still typing. */
  activeItemIds: string[];
  /** Items that arrived live in this view (not loaded with the thread), oldest first. */
  liveItemIds: string[];
  /** Of those, the ones someone else added through the thread's live stream (a person's replies). */
  pushedItemIds: string[];
  /** Who from the store's team handles the conversation; null while the assistant does. */
  person: string | null;
  progress: ProgressView | null;
  allowCancel: boolean;
  notices: NoticeView[];
  error: ErrorView | null;
  stopped: boolean;
  feedback: Record<string, FeedbackKind>;
  noticeCount: number;
}

export const initialChatState: ChatState = {
  thread: null,
  items: [],
  phase: 'idle',
  pendingUserText: null,
  activeItemIds: [],
  liveItemIds: [],
  pushedItemIds: [],
  person: null,
  progress: null,
  allowCancel: true,
  notices: [],
  error: null,
  stopped: false,
  feedback: {},
  noticeCount: 0,
};

export type ChatAction =
  | { type: 'reset' }
  | { type: 'loading' }
  | { type: 'loaded'; thread: ThreadMetadata; items: ThreadItem[] }
  | { type: 'stream-start'; userText: string | null }
  | { type: 'event'; event: ThreadStreamEvent }
  | { type: 'stream-end'; stopped: boolean }
  | { type: 'failed'; error: ErrorView }
  | { type: 'dismiss-notice'; id: number }
  | { type: 'dismiss-error' }
  | { type: 'truncate-after'; itemId: string }
  | { type: 'feedback'; itemIds: string[]; kind: FeedbackKind }
  | { type: 'thread-changed'; thread: ThreadMetadata }
  | { type: 'pushed-item'; item: ThreadItem }
  | { type: 'person'; name: string | null };

export function chatReducer(state: ChatState, action: ChatAction): ChatState {
  switch (action.type) {
    case 'reset':
      return initialChatState;
    case 'loading':
      return { ...initialChatState, phase: 'loading' };
    case 'loaded':
      return { ...initialChatState, thread: action.thread, items: action.items };
    case 'stream-start':
      return {
        ...state,
        phase: 'streaming',
        pendingUserText: action.userText,
        error: null,
        stopped: false,
        progress: null,
        allowCancel: true,
      };
    case 'event':
      return applyEvent(state, action.event);
    case 'stream-end':
      return {
        ...state,
        phase: 'idle',
        pendingUserText: null,
        activeItemIds: [],
        progress: null,
        stopped: action.stopped,
      };
    case 'failed':
      return { ...state, phase: 'idle', error: action.error, progress: null };
    case 'dismiss-notice':
      return { ...state, notices: state.notices.filter((notice) => notice.id !== action.id) };
    case 'dismiss-error':
      return { ...state, error: null };
    case 'truncate-after': {
      // The server drops later items on retry without announcing it, so the UI drops them too.
      const index = state.items.findIndex((item) => item.id === action.itemId);
      return index === -1 ? state : { ...state, items: state.items.slice(0, index + 1) };
    }
    case 'feedback': {
      const feedback = { ...state.feedback };
      for (const id of action.itemIds) feedback[id] = action.kind;
      return { ...state, feedback };
    }
    case 'thread-changed':
      return state.thread?.id === action.thread.id
        ? { ...state, thread: metadataOf(action.thread) }
        : state;
    case 'pushed-item': {
      // The live stream may repeat an item (a replay after reconnecting, or one the
      // shopper's own stream also carried): the same id replaces, never duplicates.
      if (action.item.thread_id !== state.thread?.id) return state;
      const index = state.items.findIndex((item) => item.id === action.item.id);
      return {
        ...state,
        items:
          index === -1
            ? [...state.items, action.item]
            : state.items.map((item, at) => (at === index ? action.item : item)),
        liveItemIds: addId(state.liveItemIds, action.item.id),
        pushedItemIds: addId(state.pushedItemIds, action.item.id),
      };
    }
    case 'person':
      return state.person === action.name ? state : { ...state, person: action.name };
  }
}

export function applyEvent(state: ChatState, event: ThreadStreamEvent): ChatState {
  switch (event.type) {
    case 'thread.created':
    case 'thread.updated':
      return { ...state, thread: metadataOf(event.thread) };
    case 'thread.item.added':
      return {
        ...withItem(state, event.item),
        activeItemIds:
          event.item.type === 'user_message'
            ? state.activeItemIds
            : addId(state.activeItemIds, event.item.id),
        progress: null,
      };
    case 'thread.item.updated':
      return {
        ...state,
        items: state.items.map((item) =>
          item.id === event.item_id ? applyItemUpdate(item, event.update) : item,
        ),
      };
    case 'thread.item.done':
      return {
        ...withItem(state, event.item),
        activeItemIds: state.activeItemIds.filter((id) => id !== event.item.id),
      };
    case 'thread.item.replaced':
      return withItem(state, event.item);
    case 'thread.item.removed':
      return {
        ...state,
        items: state.items.filter((item) => item.id !== event.item_id),
        activeItemIds: state.activeItemIds.filter((id) => id !== event.item_id),
      };
    case 'stream_options':
      return { ...state, allowCancel: event.stream_options.allow_cancel };
    case 'progress_update':
      return { ...state, progress: { icon: event.icon ?? null, text: event.text } };
    case 'error':
      return {
        ...state,
        error: {
          code: event.code ?? 'custom',
          message: event.message?.trim() || errorText(event.code),
          allowRetry: event.allow_retry ?? false,
        },
      };
    case 'notice':
      return {
        ...state,
        noticeCount: state.noticeCount + 1,
        notices: [
          ...state.notices,
          {
            id: state.noticeCount + 1,
            level: event.level,
            title: event.title ?? null,
            message: event.message,
          },
        ],
      };
    case 'client_effect':
      return state;
    default:
      return skipUnknown(event, state);
  }
}

function skipUnknown(_event: never, state: ChatState): ChatState {
  return state;
}

function withItem(state: ChatState, item: ThreadItem): ChatState {
  const index = state.items.findIndex((existing) => existing.id === item.id);
  const items =
    index === -1
      ? [...state.items, item]
      : state.items.map((existing, at) => (at === index ? item : existing));
  const echoed = item.type === 'user_message';
  return {
    ...state,
    items,
    liveItemIds: addId(state.liveItemIds, item.id),
    pendingUserText: echoed ? null : state.pendingUserText,
  };
}

function addId(ids: string[], id: string): string[] {
  return ids.includes(id) ? ids : [...ids, id];
}

function metadataOf(thread: ThreadMetadata & { items?: unknown }): ThreadMetadata {
  const { items: _items, ...metadata } = thread;
  return metadata;
}

function errorText(code: string | undefined): string {
  if (code === 'stream.error') return 'Something went wrong while answering. Please try again.';
  return 'Something went wrong. Please try again.';
}
