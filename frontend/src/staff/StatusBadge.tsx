import { handoffStatusLabel, statusLabel } from './format';
import type { HandoffStatus, ReturnStatus } from './types';

export function StatusBadge({ status }: { status: ReturnStatus }) {
  return (
    <span className={`rd-status rd-status--${status}`} data-status={status}>
      {statusLabel(status)}
    </span>
  );
}

export function HandoffStatusBadge({ status }: { status: HandoffStatus }) {
  return (
    <span className={`rd-status rd-status--handoff-${status}`} data-status={status}>
      {handoffStatusLabel(status)}
    </span>
  );
}
