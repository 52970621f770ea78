import type { TaskItem } from '../../protocol';
import { TaskRow } from './TaskRow';

export function TaskView({ item }: { item: TaskItem }) {
  return (
    <div className="rd-msg rd-workflow" data-testid="message-task" data-item-id={item.id}>
      <ol className="rd-workflow__tasks">
        <TaskRow task={item.task} />
      </ol>
    </div>
  );
}
