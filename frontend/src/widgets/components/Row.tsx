import type { RowNode } from '../../protocol';
import { useWidgetTheme } from '../host';
import { WidgetChildren } from '../WidgetRenderer';
import { boxStyle } from '../style';

export function RowWidget({ node }: { node: RowNode }) {
  const theme = useWidgetTheme();
  const style = boxStyle({ align: 'center', gap: 2, ...node }, 'row', theme);
  return (
    <div className="rd-row" style={style} data-testid="widget-row">
      <WidgetChildren nodes={node.children} />
    </div>
  );
}
