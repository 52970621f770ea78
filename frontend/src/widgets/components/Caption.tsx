import type { CaptionNode } from '../../protocol';
import { useWidgetTheme } from '../host';
import { color } from '../style';
import { textClasses } from './text-style';

export function CaptionWidget({ node }: { node: CaptionNode }) {
  const theme = useWidgetTheme();
  return (
    <p
      className={textClasses('rd-caption', node, node.size ?? 'md')}
      style={{ color: color(node.color, 'text', theme), WebkitLineClamp: node.maxLines }}
      data-testid="widget-caption"
    >
      {node.value}
    </p>
  );
}
