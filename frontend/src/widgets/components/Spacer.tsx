import type { SpacerNode } from '../../protocol';
import { px } from '../style';

export function SpacerWidget({ node }: { node: SpacerNode }) {
  const min = px(node.minSize);
  return (
    <div
      className="rd-spacer"
      style={{ minWidth: min, minHeight: min }}
      aria-hidden="true"
      data-testid="widget-spacer"
    />
  );
}
