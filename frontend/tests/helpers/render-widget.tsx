import { render } from '@testing-library/react';
import { vi } from 'vitest';
import {
  type Action,
  type ThemeName,
  type WidgetNode,
  type WidgetRoot,
  toAction,
} from '../../src/protocol';
import type { ActionRequest, WidgetHost } from '../../src/widgets/host';
import { WidgetView } from '../../src/widgets/WidgetView';

export interface RenderedWidget {
  container: HTMLElement;
  dispatch: ReturnType<typeof vi.fn<(request: ActionRequest) => void>>;
  /** The actions that would go to the server, form values merged, in order. */
  sent(): Action[];
  rerender(widget: WidgetRoot, host?: Partial<WidgetHost>): void;
}

/** Render widget JSON as a widget item would show it; a bare component is wrapped in a Basic root. */
export function renderWidget(
  widget: WidgetRoot | WidgetNode,
  host: Partial<WidgetHost> = {},
  theme: ThemeName = 'light',
): RenderedWidget {
  const dispatch = vi.fn<(request: ActionRequest) => void>();
  const root = (
    ['Card', 'ListView', 'Basic'].includes(widget.type)
      ? widget
      : { type: 'Basic', children: [widget] }
  ) as WidgetRoot;
  const makeHost = (overrides: Partial<WidgetHost>): WidgetHost => ({
    itemId: 'wid_1',
    dispatch,
    locked: false,
    busySourceId: null,
    busyScope: null,
    allowedImageDomains: null,
    ...overrides,
  });
  const view = render(<WidgetView widget={root} host={makeHost(host)} theme={theme} />);
  return {
    container: view.container,
    dispatch,
    sent: () => dispatch.mock.calls.map(([request]) => toAction(request.action, request.values)),
    rerender: (next, overrides = {}) =>
      view.rerender(
        <WidgetView widget={next} host={makeHost({ ...host, ...overrides })} theme={theme} />,
      ),
  };
}
