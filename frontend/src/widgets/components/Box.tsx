import type { BoxNode } from '../../protocol';
import { useWidgetTheme } from '../host';
import { WidgetChildren } from '../WidgetRenderer';
import { boxStyle } from '../style';

export function BoxWidget({ node }: { node: BoxNode }) {
  const theme = useWidgetTheme();
  return (
    <div
      className="rd-box"
      style={boxStyle(node, node.direction ?? 'col', theme)}
      data-testid="widget-box"
    >
      <WidgetChildren nodes={node.children} />
    </div>
  );
}
