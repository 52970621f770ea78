import type { TitleNode } from '../../protocol';
import { useWidgetTheme } from '../host';
import { color } from '../style';
import { textClasses } from './text-style';

export function TitleWidget({ node }: { node: TitleNode }) {
  const theme = useWidgetTheme();
  return (
    <h3
      className={textClasses('rd-title', { weight: 'semibold', ...node }, node.size ?? 'md')}
      style={{ color: color(node.color, 'text', theme), WebkitLineClamp: node.maxLines }}
      data-testid="widget-title"
    >
      {node.value}
    </h3>
  );
}
