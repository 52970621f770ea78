import { useCallback, useId } from 'react';
import type { ActionConfig, FormValues } from '../protocol';
import { type BusyScope, useWidgetHost } from './host';

export interface ActionBinding {
  sourceId: string;
  /** This control's own action is running and it shows so. */
  busy: boolean;
  /** Another reply is streaming, or an action is running: clicks are ignored. */
  locked: boolean;
  fire(action: ActionConfig, values?: FormValues): void;
  /** Fire on behalf of another control (a form submitted by one of its buttons). */
  fireFrom(sourceId: string, action: ActionConfig, values?: FormValues): void;
}

/** Wire one control to the widget's host, with its own busy state. */
export function useAction(defaultScope: Exclude<BusyScope, 'none'>): ActionBinding {
  const host = useWidgetHost();
  const sourceId = useId();
  const busy = host.busySourceId === sourceId && host.busyScope === 'self';
  const locked = host.locked || host.busyScope !== null;
  const fireFrom = useCallback(
    (from: string, action: ActionConfig, values: FormValues = {}) => {
      if (locked) return;
      host.dispatch({ action, values, sourceId: from, defaultScope });
    },
    [host, locked, defaultScope],
  );
  const fire = useCallback(
    (action: ActionConfig, values: FormValues = {}) => fireFrom(sourceId, action, values),
    [fireFrom, sourceId],
  );
  return { sourceId, busy, locked, fire, fireFrom };
}
