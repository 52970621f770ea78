import type { DividerNode } from '../../protocol';
import { useWidgetTheme } from '../host';
import { color, px, space } from '../style';

export function DividerWidget({ node }: { node: DividerNode }) {
  const theme = useWidgetTheme();
  const gap = space(node.spacing);
  return (
    <hr
      className={node.flush ? 'rd-divider rd-flush' : 'rd-divider'}
      style={{
        borderTopColor: color(node.color, 'border', theme),
        borderTopWidth: px(node.size),
        marginTop: gap,
        marginBottom: gap,
      }}
      data-testid="widget-divider"
    />
  );
}
