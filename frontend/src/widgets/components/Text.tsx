import type { CSSProperties } from 'react';
import type { TextNode } from '../../protocol';
import { fieldId, humanize, useLabelledFields } from '../fields';
import { useWidgetHost, useWidgetTheme } from '../host';
import { color, px } from '../style';
import { textClasses } from './text-style';

export function TextWidget({ node }: { node: TextNode }) {
  const theme = useWidgetTheme();
  const host = useWidgetHost();
  const labelled = useLabelledFields();
  const style: CSSProperties = {
    color: color(node.color, 'text', theme),
    width: px(node.width),
    fontStyle: node.italic ? 'italic' : undefined,
    textDecoration: node.lineThrough ? 'line-through' : undefined,
    minHeight: node.minLines ? `${node.minLines * 1.5}em` : undefined,
    WebkitLineClamp: node.maxLines,
  };
  const classes = textClasses('rd-text', node, node.size ?? 'md', node.streaming);
  const editable = node.editable;
  if (editable) {
    return (
      <input
        className={`${classes} rd-text--editable`}
        style={style}
        id={fieldId(host.itemId, editable.name)}
        name={editable.name}
        defaultValue={node.value}
        placeholder={editable.placeholder}
        required={editable.required}
        pattern={editable.pattern}
        autoFocus={editable.autoFocus}
        autoComplete={editable.autoComplete ?? 'off'}
        aria-label={
          labelled.has(editable.name)
            ? undefined
            : (editable.placeholder ?? humanize(editable.name))
        }
        onFocus={editable.autoSelect ? (event) => event.currentTarget.select() : undefined}
        data-testid="widget-text"
      />
    );
  }
  return (
    <p
      className={classes}
      style={style}
      aria-busy={node.streaming || undefined}
      data-testid="widget-text"
    >
      {node.value}
    </p>
  );
}
