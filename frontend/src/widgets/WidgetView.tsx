import { Component, useMemo, type ErrorInfo, type ReactNode } from 'react';
import type { ThemeName, WidgetRoot } from '../protocol';
import { LabelledFieldsContext, labelledFieldNames } from './fields';
import { type WidgetHost, WidgetHostContext, WidgetThemeContext } from './host';
import { WidgetNodeView } from './WidgetRenderer';

export interface WidgetViewProps {
  widget: WidgetRoot;
  host: WidgetHost;
  theme: ThemeName;
}

/** A widget item's root, with everything its components read from context. */
export function WidgetView({ widget, host, theme }: WidgetViewProps) {
  const labelled = useMemo(() => labelledFieldNames(widget), [widget]);
  const busy = host.busyScope === 'container';
  return (
    <WidgetHostContext.Provider value={host}>
      <WidgetThemeContext.Provider value={theme}>
        <LabelledFieldsContext.Provider value={labelled}>
          <div
            className={busy ? 'rd-widget rd-widget--busy' : 'rd-widget'}
            aria-busy={busy || undefined}
          >
            <WidgetBoundary resetKey={widget}>
              <WidgetNodeView node={widget} />
            </WidgetBoundary>
            {busy ? <span className="rd-widget__spinner rd-spinner" aria-hidden="true" /> : null}
          </div>
        </LabelledFieldsContext.Provider>
      </WidgetThemeContext.Provider>
    </WidgetHostContext.Provider>
  );
}

interface BoundaryProps {
  children: ReactNode;
  /** A new widget (after an update) gets a fresh chance to render. */
  resetKey: unknown;
}

interface BoundaryState {
  failed: boolean;
  resetKey: unknown;
}

/** Malformed widget JSON of a known type (say, a Chart without data) stays contained. */
class WidgetBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(): Partial<BoundaryState> {
    return { failed: true };
  }

  static getDerivedStateFromProps(
    props: BoundaryProps,
    state: BoundaryState,
  ): Partial<BoundaryState> | null {
    return props.resetKey === state.resetKey ? null : { failed: false, resetKey: props.resetKey };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('widget failed to render', error, info.componentStack);
  }

  override render() {
    if (this.state.failed) {
      return (
        <div className="rd-unknown" role="note" data-testid="widget-error">
          This part of the message couldn't be displayed.
        </div>
      );
    }
    return this.props.children;
  }
}
