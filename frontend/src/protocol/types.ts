/**
 * ChatKit threads, items, stream events and requests, as JSON on the wire.
 * Timestamps stay strings: the server sends them without a time zone.
 */

import type { ActionConfig, IconName, WidgetNode, WidgetRoot } from './widgets';

export interface Page<T> {
  data: T[];
  has_more: boolean;
  after: string | null;
}

export type ThreadStatus =
  | { type: 'active' }
  | { type: 'locked'; reason?: string | null }
  | { type: 'closed'; reason?: string | null };

export interface ThreadMetadata {
  id: string;
  title?: string | null;
  created_at: string;
  status?: ThreadStatus;
  allowed_image_domains?: string[] | null;
  metadata?: Record<string, unknown>;
}

export interface Thread extends ThreadMetadata {
  items: Page<ThreadItem>;
}

// Sources and annotations

interface SourceBase {
  title: string;
  description?: string | null;
  timestamp?: string | null;
  group?: string | null;
}
export interface UrlSource extends SourceBase {
  type: 'url';
  url: string;
  attribution?: string | null;
}
export interface FileSource extends SourceBase {
  type: 'file';
  filename: string;
}
export interface EntitySource extends SourceBase {
  type: 'entity';
  id: string;
  icon?: IconName | null;
  label?: string | null;
  inline_label?: string | null;
}
export type Source = UrlSource | FileSource | EntitySource;

export interface Annotation {
  type: 'annotation';
  source: Source;
  index?: number | null;
}

// Items

interface ItemBase {
  id: string;
  thread_id: string;
  created_at: string;
}

export interface UserTextContent {
  type: 'input_text';
  text: string;
}
export interface UserTagContent {
  type: 'input_tag';
  id: string;
  text: string;
  data: Record<string, unknown>;
  group?: string | null;
  interactive?: boolean;
}
export type UserMessageContent = UserTextContent | UserTagContent;

export interface InferenceOptions {
  tool_choice?: { id: string } | null;
  model?: string | null;
}

export interface Attachment {
  type: 'file' | 'image';
  id: string;
  name: string;
  mime_type: string;
  preview_url?: string;
}

export interface UserMessageItem extends ItemBase {
  type: 'user_message';
  content: UserMessageContent[];
  attachments?: Attachment[];
  quoted_text?: string | null;
  inference_options?: InferenceOptions;
}

export interface AssistantMessageContent {
  type: 'output_text';
  text: string;
  annotations?: Annotation[];
}

export interface AssistantMessageItem extends ItemBase {
  type: 'assistant_message';
  content: AssistantMessageContent[];
}

export interface ClientToolCallItem extends ItemBase {
  type: 'client_tool_call';
  status: 'pending' | 'completed';
  call_id: string;
  name: string;
  arguments: Record<string, unknown>;
  output?: unknown;
}

export interface WidgetItem extends ItemBase {
  type: 'widget';
  widget: WidgetRoot;
  copy_text?: string | null;
}

export interface GeneratedImage {
  id: string;
  url: string;
}

export interface GeneratedImageItem extends ItemBase {
  type: 'generated_image';
  image?: GeneratedImage | null;
}

export interface StructuredInputQuestion {
  id: string;
  type: 'multiple_choice' | 'freeform';
  question: string;
  description?: string | null;
  options?: Array<{ value: string }>;
  answer?: { values: string[]; skipped: boolean } | null;
}

export interface StructuredInputItem extends ItemBase {
  type: 'structured_input';
  status: 'pending' | 'answered' | 'skipped';
  inputs: StructuredInputQuestion[];
}

export type TaskStatusIndicator = 'none' | 'loading' | 'complete';

interface TaskBase {
  status_indicator?: TaskStatusIndicator;
  title?: string | null;
}
export interface CustomTask extends TaskBase {
  type: 'custom';
  icon?: IconName | null;
  content?: string | null;
}
export interface SearchTask extends TaskBase {
  type: 'web_search';
  title_query?: string | null;
  queries?: string[];
  sources?: UrlSource[];
}
export interface ThoughtTask extends TaskBase {
  type: 'thought';
  content: string;
}
export interface FileTask extends TaskBase {
  type: 'file';
  sources?: FileSource[];
}
export interface ImageTask extends TaskBase {
  type: 'image';
}
export type Task = CustomTask | SearchTask | ThoughtTask | FileTask | ImageTask;

export type WorkflowSummary = { title: string; icon?: IconName | null } | { duration: number };

export interface Workflow {
  type: 'custom' | 'reasoning';
  tasks: Task[];
  summary?: WorkflowSummary | null;
  expanded?: boolean;
}

export interface WorkflowItem extends ItemBase {
  type: 'workflow';
  workflow: Workflow;
}

export interface TaskItem extends ItemBase {
  type: 'task';
  task: Task;
}

export interface EndOfTurnItem extends ItemBase {
  type: 'end_of_turn';
}

export type ThreadItem =
  | UserMessageItem
  | AssistantMessageItem
  | ClientToolCallItem
  | WidgetItem
  | GeneratedImageItem
  | StructuredInputItem
  | WorkflowItem
  | TaskItem
  | EndOfTurnItem;

// Item updates

export interface ContentPartAdded {
  type: 'assistant_message.content_part.added';
  content_index: number;
  content: AssistantMessageContent;
}
export interface ContentPartTextDelta {
  type: 'assistant_message.content_part.text_delta';
  content_index: number;
  delta: string;
}
export interface ContentPartAnnotationAdded {
  type: 'assistant_message.content_part.annotation_added';
  content_index: number;
  annotation_index: number;
  annotation: Annotation;
}
export interface ContentPartDone {
  type: 'assistant_message.content_part.done';
  content_index: number;
  content: AssistantMessageContent;
}
export interface WidgetStreamingTextValueDelta {
  type: 'widget.streaming_text.value_delta';
  component_id: string;
  delta: string;
  done: boolean;
}
export interface WidgetRootUpdated {
  type: 'widget.root.updated';
  widget: WidgetRoot;
}
export interface WidgetComponentUpdated {
  type: 'widget.component.updated';
  component_id: string;
  component: WidgetNode;
}
export interface WorkflowTaskAdded {
  type: 'workflow.task.added';
  task_index: number;
  task: Task;
}
export interface WorkflowTaskUpdated {
  type: 'workflow.task.updated';
  task_index: number;
  task: Task;
}
export interface GeneratedImageUpdated {
  type: 'generated_image.updated';
  image: GeneratedImage;
  progress?: number | null;
}

export type ThreadItemUpdate =
  | ContentPartAdded
  | ContentPartTextDelta
  | ContentPartAnnotationAdded
  | ContentPartDone
  | WidgetStreamingTextValueDelta
  | WidgetRootUpdated
  | WidgetComponentUpdated
  | WorkflowTaskAdded
  | WorkflowTaskUpdated
  | GeneratedImageUpdated;

// Stream events

export interface ThreadCreatedEvent {
  type: 'thread.created';
  thread: Thread;
}
export interface ThreadUpdatedEvent {
  type: 'thread.updated';
  thread: Thread;
}
export interface ThreadItemAddedEvent {
  type: 'thread.item.added';
  item: ThreadItem;
}
export interface ThreadItemUpdatedEvent {
  type: 'thread.item.updated';
  item_id: string;
  update: ThreadItemUpdate;
}
export interface ThreadItemDoneEvent {
  type: 'thread.item.done';
  item: ThreadItem;
}
export interface ThreadItemRemovedEvent {
  type: 'thread.item.removed';
  item_id: string;
}
export interface ThreadItemReplacedEvent {
  type: 'thread.item.replaced';
  item: ThreadItem;
}
export interface StreamOptionsEvent {
  type: 'stream_options';
  stream_options: { allow_cancel: boolean };
}
export interface ProgressUpdateEvent {
  type: 'progress_update';
  icon?: IconName | null;
  text: string;
}
export interface ClientEffectEvent {
  type: 'client_effect';
  name: string;
  data?: Record<string, unknown>;
}
export interface ErrorEvent {
  type: 'error';
  code?: string;
  message?: string | null;
  allow_retry?: boolean;
}
export type NoticeLevel = 'info' | 'warning' | 'danger';
export interface NoticeEvent {
  type: 'notice';
  level: NoticeLevel;
  /** Markdown. */
  message: string;
  title?: string | null;
}

export type ThreadStreamEvent =
  | ThreadCreatedEvent
  | ThreadUpdatedEvent
  | ThreadItemAddedEvent
  | ThreadItemUpdatedEvent
  | ThreadItemDoneEvent
  | ThreadItemRemovedEvent
  | ThreadItemReplacedEvent
  | StreamOptionsEvent
  | ProgressUpdateEvent
  | ClientEffectEvent
  | ErrorEvent
  | NoticeEvent;

// Requests

export interface UserMessageInput {
  content: UserMessageContent[];
  attachments: string[];
  quoted_text?: string | null;
  inference_options: InferenceOptions;
}

/** What is sent for a widget action: just its type and payload. */
export interface Action {
  type: string;
  payload?: unknown;
}

export type FeedbackKind = 'positive' | 'negative';
export type SortOrder = 'asc' | 'desc';

export interface ListParams {
  limit?: number;
  order?: SortOrder;
  after?: string | null;
}

export type StreamingRequest =
  | { type: 'threads.create'; params: { input: UserMessageInput } }
  | { type: 'threads.add_user_message'; params: { thread_id: string; input: UserMessageInput } }
  | {
      type: 'threads.custom_action';
      params: { thread_id: string; item_id: string | null; action: Action };
    }
  | { type: 'threads.retry_after_item'; params: { thread_id: string; item_id: string } };

export type JsonRequest =
  | { type: 'threads.get_by_id'; params: { thread_id: string } }
  | { type: 'threads.list'; params: ListParams }
  | { type: 'threads.update'; params: { thread_id: string; title: string } }
  | { type: 'threads.delete'; params: { thread_id: string } }
  | { type: 'items.list'; params: ListParams & { thread_id: string } }
  | {
      type: 'items.feedback';
      params: { thread_id: string; item_ids: string[]; kind: FeedbackKind };
    };

export type ChatKitRequest = StreamingRequest | JsonRequest;

// ReturnDesk's own addition to the protocol: `GET /chatkit/live?thread_id=…`, what
// happens in the open thread outside the shopper's own turns (a person answering).

export interface ThreadLiveEvents {
  /** Who from the store's team handles the conversation; null while the assistant does. */
  person: { name: string | null };
  /** An item someone else added: a staff reply (a widget), a notice, a return's news. */
  item: { item: ThreadItem };
}

export type { ActionConfig };
