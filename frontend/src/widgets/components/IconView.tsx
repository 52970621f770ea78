import type { IconNode, IconSize } from '../../protocol';
import { Icon } from '../../ui/Icon';
import { useWidgetTheme } from '../host';
import { color } from '../style';

const SIZE_PX: Record<IconSize, number> = {
  xs: 12,
  sm: 14,
  md: 16,
  lg: 20,
  xl: 24,
  '2xl': 32,
  '3xl': 40,
};

export function IconWidget({ node }: { node: IconNode }) {
  const theme = useWidgetTheme();
  return (
    <span
      className="rd-widget-icon"
      style={{ color: color(node.color, 'text', theme) }}
      data-testid="widget-icon"
    >
      <Icon name={node.name} size={SIZE_PX[node.size ?? 'md'] ?? 16} />
    </span>
  );
}
