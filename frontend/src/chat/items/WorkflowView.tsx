import { useId, useState } from 'react';
import type { WorkflowItem } from '../../protocol';
import { Icon } from '../../ui/Icon';
import { TaskRow } from './TaskRow';

function summaryText(item: WorkflowItem, running: boolean): string {
  const summary = item.workflow.summary;
  if (summary && 'title' in summary) return summary.title;
  if (summary && 'duration' in summary) {
    const seconds = Math.max(1, Math.round(summary.duration));
    return `Worked for ${seconds} second${seconds === 1 ? '' : 's'}`;
  }
  if (running) return item.workflow.type === 'reasoning' ? 'Thinking…' : 'Working on it…';
  return item.workflow.type === 'reasoning' ? 'Thought it through' : 'Steps taken';
}

export function WorkflowView({ item, running }: { item: WorkflowItem; running: boolean }) {
  const [open, setOpen] = useState(item.workflow.expanded ?? running);
  const listId = useId();
  const expanded = open || running;
  const tasks = item.workflow.tasks ?? [];
  const summary = item.workflow.summary;
  const icon = summary && 'title' in summary && summary.icon ? summary.icon : null;
  return (
    <div className="rd-msg rd-workflow" data-testid="message-workflow" data-item-id={item.id}>
      <button
        type="button"
        className="rd-workflow__summary"
        aria-expanded={expanded}
        aria-controls={listId}
        onClick={() => setOpen(!expanded)}
        disabled={running}
      >
        {running ? (
          <span className="rd-spinner" aria-hidden="true" />
        ) : (
          <Icon name={icon ?? 'check-circle'} size={16} />
        )}
        <span>{summaryText(item, running)}</span>
        {tasks.length > 0 && !running ? (
          <Icon name="chevron-down" size={16} className={expanded ? 'rd-rot-180' : ''} />
        ) : null}
      </button>
      {tasks.length > 0 ? (
        <ol className="rd-workflow__tasks" id={listId} hidden={!expanded}>
          {tasks.map((task, index) => (
            <TaskRow key={index} task={task} />
          ))}
        </ol>
      ) : null}
    </div>
  );
}
