import { useMemo, useRef } from 'react';
import type { ActionConfig, FormNode } from '../../protocol';
import {
  type FormScope,
  FormScopeContext,
  collectFields,
  useFormScope,
  validateFields,
} from '../form-scope';
import { useWidgetTheme } from '../host';
import { WidgetChildren } from '../WidgetRenderer';
import { boxStyle } from '../style';
import { useAction } from '../use-action';

interface Armed {
  action: ActionConfig | undefined;
  sourceId: string;
}

export function FormWidget({ node }: { node: FormNode }) {
  const theme = useWidgetTheme();
  const outer = useFormScope();
  const { sourceId, fireFrom } = useAction('container');
  const ref = useRef<HTMLElement | null>(null);
  const armed = useRef<Armed | null>(null);

  // The scope below is created once; it reads the latest props through this ref.
  const latest = useRef({ node, sourceId, fireFrom });
  latest.current = { node, sourceId, fireFrom };

  const submit = () => {
    const current = latest.current;
    // A submit button without an action of its own submits the form's action.
    const action = armed.current?.action ?? current.node.onSubmitAction;
    const from = armed.current?.sourceId ?? current.sourceId;
    armed.current = null;
    if (action) current.fireFrom(from, action, collectFields(ref.current));
  };

  // HTML forms cannot nest: inside a Card-as-form this one becomes a group
  // whose buttons validate and submit it by hand.
  const nested = outer !== null;
  const scope = useMemo<FormScope>(
    () => ({
      values: () => collectFields(ref.current),
      armSubmit: (action, from) => {
        armed.current = { action, sourceId: from };
      },
      submitNested: nested
        ? () => {
            if (validateFields(ref.current)) submit();
            else armed.current = null;
          }
        : null,
    }),
    [nested],
  );

  const style = boxStyle({ gap: 3, ...node }, node.direction ?? 'col', theme);
  return (
    <FormScopeContext.Provider value={scope}>
      {nested ? (
        <div
          ref={(element) => {
            ref.current = element;
          }}
          role="group"
          className="rd-form"
          style={style}
          data-testid="widget-form"
        >
          <WidgetChildren nodes={node.children} />
        </div>
      ) : (
        <form
          ref={(element) => {
            ref.current = element;
          }}
          className="rd-form"
          style={style}
          data-testid="widget-form"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <WidgetChildren nodes={node.children} />
        </form>
      )}
    </FormScopeContext.Provider>
  );
}
