import type { InputNode } from '../../protocol';
import { fieldId, humanize, useLabelledFields } from '../fields';
import { useWidgetHost } from '../host';
import { controlClasses } from './control-style';

export function InputWidget({ node }: { node: InputNode }) {
  const host = useWidgetHost();
  const labelled = useLabelledFields();
  return (
    <input
      className={controlClasses('rd-input', node.variant ?? 'outline', node.size, node.pill)}
      id={fieldId(host.itemId, node.name)}
      name={node.name}
      type={node.inputType ?? 'text'}
      defaultValue={node.defaultValue}
      required={node.required}
      pattern={node.pattern}
      placeholder={node.placeholder}
      autoFocus={node.autoFocus}
      disabled={node.disabled}
      autoComplete={node.allowAutofillExtensions ? undefined : 'off'}
      data-1p-ignore={node.allowAutofillExtensions ? undefined : true}
      aria-label={labelled.has(node.name) ? undefined : (node.placeholder ?? humanize(node.name))}
      onFocus={node.autoSelect ? (event) => event.currentTarget.select() : undefined}
      data-testid="widget-input"
    />
  );
}
