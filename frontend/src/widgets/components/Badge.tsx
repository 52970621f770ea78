import type { BadgeNode } from '../../protocol';

export function BadgeWidget({ node }: { node: BadgeNode }) {
  const classes = [
    'rd-badge',
    `rd-badge--${node.color ?? 'secondary'}`,
    `rd-badge--${node.variant ?? 'soft'}`,
    `rd-badge--size-${node.size ?? 'sm'}`,
    node.pill ? 'rd-badge--pill' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <span className={classes} data-testid="widget-badge">
      {node.label}
    </span>
  );
}
