/**
 * What a rendered widget needs from the chat around it: where to send an
 * action, whether actions are allowed now, and which control is busy.
 */

import { createContext, useContext } from 'react';
import type { ActionConfig, FormValues, ThemeName } from '../protocol';

/** Where the spinner goes while an action runs. */
export type BusyScope = 'self' | 'container' | 'none';

export interface ActionRequest {
  action: ActionConfig;
  values: FormValues;
  /** Which control started it, so that one control can show it is busy. */
  sourceId: string;
  /** Used when the action's loadingBehavior is `auto`. */
  defaultScope: Exclude<BusyScope, 'none'>;
}

export interface WidgetHost {
  /** The widget item the actions come from. */
  itemId: string;
  dispatch(request: ActionRequest): void;
  /** True while another reply is streaming: clicks wait. */
  locked: boolean;
  /** The control whose action is running in this widget, if any. */
  busySourceId: string | null;
  busyScope: BusyScope | null;
  allowedImageDomains: string[] | null;
}

const noop: WidgetHost = {
  itemId: '',
  dispatch: () => undefined,
  locked: false,
  busySourceId: null,
  busyScope: null,
  allowedImageDomains: null,
};

export const WidgetHostContext = createContext<WidgetHost>(noop);
export const useWidgetHost = (): WidgetHost => useContext(WidgetHostContext);

export const WidgetThemeContext = createContext<ThemeName>('light');
export const useWidgetTheme = (): ThemeName => useContext(WidgetThemeContext);

export function busyScopeOf(action: ActionConfig, fallback: Exclude<BusyScope, 'none'>): BusyScope {
  const behaviour = action.loadingBehavior ?? 'auto';
  return behaviour === 'auto' ? fallback : behaviour;
}
