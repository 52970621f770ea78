import type { ColNode } from '../../protocol';
import { useWidgetTheme } from '../host';
import { WidgetChildren } from '../WidgetRenderer';
import { boxStyle } from '../style';

export function ColWidget({ node }: { node: ColNode }) {
  const theme = useWidgetTheme();
  return (
    <div
      className="rd-col"
      style={boxStyle({ gap: 2, ...node }, 'col', theme)}
      data-testid="widget-col"
    >
      <WidgetChildren nodes={node.children} />
    </div>
  );
}
