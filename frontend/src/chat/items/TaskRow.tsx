import type { Task } from '../../protocol';
import { Icon } from '../../ui/Icon';

export function taskTitle(task: Task): string {
  switch (task.type) {
    case 'custom':
      return task.title ?? task.content ?? 'Working';
    case 'web_search':
      return task.title ?? (task.title_query ? `Searching for ${task.title_query}` : 'Searching');
    case 'thought':
      return task.title ?? 'Thinking';
    case 'file':
      return task.title ?? 'Reading files';
    case 'image':
      return task.title ?? 'Creating an image';
    default:
      return unknownTask(task);
  }
}

function unknownTask(task: never): string {
  return (task as { title?: string }).title ?? 'Working';
}

function taskDetail(task: Task): string | null {
  if (task.type === 'custom' && task.title && task.content) return task.content;
  if (task.type === 'thought') return task.content;
  return null;
}

export function TaskRow({ task }: { task: Task }) {
  const status = task.status_indicator ?? 'none';
  const icon = task.type === 'custom' && task.icon ? task.icon : null;
  const detail = taskDetail(task);
  return (
    <li className={`rd-task rd-task--${status}`} data-testid="workflow-task" data-status={status}>
      <span className="rd-task__status" aria-hidden="true">
        {status === 'loading' ? (
          <span className="rd-spinner" />
        ) : status === 'complete' ? (
          <Icon name="check-circle" size={16} />
        ) : icon ? (
          <Icon name={icon} size={16} />
        ) : (
          <Icon name="dot" size={16} />
        )}
      </span>
      <span className="rd-task__body">
        <span className="rd-task__title">
          {taskTitle(task)}
          {status === 'loading' ? <span className="rd-sr-only"> (in progress)</span> : null}
          {status === 'complete' ? <span className="rd-sr-only"> (done)</span> : null}
        </span>
        {detail ? <span className="rd-task__detail">{detail}</span> : null}
      </span>
    </li>
  );
}
