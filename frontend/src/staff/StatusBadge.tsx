import { statusLabel } from './format';
import type { ReturnStatus } from './types';

export function StatusBadge({ status }: { status: ReturnStatus }) {
  return (
    <span className={`rd-status rd-status--${status}`} data-status={status}>
      {statusLabel(status)}
    </span>
  );
}
