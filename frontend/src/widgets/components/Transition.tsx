import type { TransitionNode } from '../../protocol';
import { WidgetNodeView } from '../WidgetRenderer';

export function TransitionWidget({ node }: { node: TransitionNode }) {
  const child = node.children;
  if (!child) return null;
  // A new child key remounts the wrapper, which replays the CSS entry animation.
  return (
    <div
      className="rd-transition"
      key={child.key ?? child.id ?? child.type}
      data-testid="widget-transition"
    >
      <WidgetNodeView node={child} />
    </div>
  );
}
