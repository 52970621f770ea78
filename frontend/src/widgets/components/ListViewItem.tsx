import type { KeyboardEvent } from 'react';
import type { ListViewItemNode } from '../../protocol';
import { WidgetChildren } from '../WidgetRenderer';
import { alignItems, space } from '../style';
import { useAction } from '../use-action';

export function ListViewItemWidget({ node }: { node: ListViewItemNode }) {
  const { busy, locked, fire } = useAction('container');
  const action = node.onClickAction;
  const style = { gap: space(node.gap ?? 3), alignItems: alignItems(node.align ?? 'center') };
  const content = <WidgetChildren nodes={node.children} />;
  if (!action) {
    return (
      <div className="rd-listitem" style={style} data-testid="widget-listitem">
        {content}
      </div>
    );
  }
  const activate = () => fire(action);
  return (
    <div
      className="rd-listitem rd-listitem--action"
      style={style}
      role="button"
      tabIndex={0}
      aria-disabled={locked || undefined}
      aria-busy={busy || undefined}
      data-testid="widget-listitem"
      onClick={activate}
      onKeyDown={(event: KeyboardEvent<HTMLDivElement>) => {
        if (event.target !== event.currentTarget) return;
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          activate();
        }
      }}
    >
      {content}
    </div>
  );
}
