import { useId, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { ActionConfig, CardNode } from '../../protocol';
import { type FormScope, FormScopeContext, collectFields } from '../form-scope';
import { WidgetThemeContext, useWidgetTheme } from '../host';
import { ControlButton } from '../parts/ControlButton';
import { StatusHeader } from '../parts/StatusHeader';
import { WidgetChildren } from '../WidgetRenderer';
import { border, color, spacing } from '../style';
import { useAction } from '../use-action';

interface Armed {
  action: ActionConfig | undefined;
  sourceId: string;
}

export function CardWidget({ node }: { node: CardNode }) {
  const parentTheme = useWidgetTheme();
  const theme = node.theme ?? parentTheme;
  const confirm = useAction('self');
  const cancel = useAction('self');
  const formRef = useRef<HTMLFormElement>(null);
  const armed = useRef<Armed | null>(null);
  const [open, setOpen] = useState(!node.collapsed);
  const bodyId = useId();

  const scope = useMemo<FormScope>(
    () => ({
      values: () => collectFields(formRef.current),
      armSubmit: (action, sourceId) => {
        armed.current = { action, sourceId };
      },
      submitNested: null,
    }),
    [],
  );

  const style: CSSProperties = {
    background: color(node.background, 'background', theme),
    ...spacing(node.padding, 'padding'),
    ...border(node.border, theme),
  };
  const classes = `rd-card rd-card--${node.size ?? 'md'}`;
  const hasFooter = Boolean(node.confirm || node.cancel);

  const body = (
    <>
      {node.status ? <StatusHeader status={node.status} /> : null}
      {node.collapsed ? (
        <button
          type="button"
          className="rd-card__toggle"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen((value) => !value)}
        >
          {open ? 'Hide details' : 'Show details'}
        </button>
      ) : null}
      <div className="rd-card__body" id={bodyId} hidden={!open}>
        <WidgetChildren nodes={node.children} />
      </div>
      {hasFooter && open ? (
        <div className="rd-card__footer">
          {node.cancel ? (
            <ControlButton
              label={node.cancel.label}
              variant="outline"
              color="secondary"
              busy={cancel.busy}
              locked={cancel.locked}
              testId="card-cancel"
              onClick={() =>
                node.cancel &&
                cancel.fire(node.cancel.action, node.asForm ? collectFields(formRef.current) : {})
              }
            />
          ) : null}
          {node.confirm ? (
            <ControlButton
              label={node.confirm.label}
              color="primary"
              type={node.asForm ? 'submit' : 'button'}
              busy={confirm.busy}
              locked={confirm.locked}
              testId="card-confirm"
              onClick={() => {
                if (!node.confirm) return;
                if (node.asForm) scope.armSubmit(node.confirm.action, confirm.sourceId);
                else confirm.fire(node.confirm.action);
              }}
            />
          ) : null}
        </div>
      ) : null}
    </>
  );

  const content = node.asForm ? (
    <FormScopeContext.Provider value={scope}>
      <form
        ref={formRef}
        className={classes}
        style={style}
        data-theme={node.theme}
        data-testid="widget-card"
        onSubmit={(event) => {
          event.preventDefault();
          const action = armed.current?.action ?? node.confirm?.action;
          const from = armed.current?.sourceId ?? confirm.sourceId;
          armed.current = null;
          if (action) confirm.fireFrom(from, action, collectFields(formRef.current));
        }}
      >
        {body}
      </form>
    </FormScopeContext.Provider>
  ) : (
    <section className={classes} style={style} data-theme={node.theme} data-testid="widget-card">
      {body}
    </section>
  );

  return <WidgetThemeContext.Provider value={theme}>{content}</WidgetThemeContext.Provider>;
}
