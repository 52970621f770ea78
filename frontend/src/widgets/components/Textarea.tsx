import type { TextareaNode } from '../../protocol';
import { fieldId, humanize, useLabelledFields } from '../fields';
import { useWidgetHost } from '../host';
import { controlClasses } from './control-style';

export function TextareaWidget({ node }: { node: TextareaNode }) {
  const host = useWidgetHost();
  const labelled = useLabelledFields();
  const rows = node.rows ?? 3;
  return (
    <textarea
      className={
        controlClasses('rd-textarea', node.variant ?? 'outline', node.size, false) +
        (node.autoResize ? ' rd-autoresize' : '')
      }
      id={fieldId(host.itemId, node.name)}
      name={node.name}
      rows={rows}
      style={
        node.autoResize && node.maxRows ? { maxHeight: `${node.maxRows * 1.5 + 1}em` } : undefined
      }
      defaultValue={node.defaultValue}
      required={node.required}
      placeholder={node.placeholder}
      autoFocus={node.autoFocus}
      disabled={node.disabled}
      aria-label={labelled.has(node.name) ? undefined : (node.placeholder ?? humanize(node.name))}
      onFocus={node.autoSelect ? (event) => event.currentTarget.select() : undefined}
      data-testid="widget-textarea"
    />
  );
}
