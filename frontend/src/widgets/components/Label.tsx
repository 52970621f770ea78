import type { LabelNode } from '../../protocol';
import { fieldId } from '../fields';
import { useWidgetHost, useWidgetTheme } from '../host';
import { color } from '../style';
import { textClasses } from './text-style';

export function LabelWidget({ node }: { node: LabelNode }) {
  const host = useWidgetHost();
  const theme = useWidgetTheme();
  return (
    <label
      className={textClasses('rd-label', { weight: 'medium', ...node }, node.size ?? 'sm')}
      htmlFor={fieldId(host.itemId, node.fieldName)}
      style={{ color: color(node.color, 'text', theme) }}
      data-testid="widget-label"
    >
      {node.value}
    </label>
  );
}
