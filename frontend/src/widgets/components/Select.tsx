import type { SelectNode } from '../../protocol';
import { useFormScope } from '../form-scope';
import { fieldId, humanize, useLabelledFields } from '../fields';
import { useWidgetHost } from '../host';
import { useAction } from '../use-action';
import { controlClasses } from './control-style';

export function SelectWidget({ node }: { node: SelectNode }) {
  const host = useWidgetHost();
  const form = useFormScope();
  const labelled = useLabelledFields();
  const { fire } = useAction('self');
  const options = node.options ?? [];
  const hasPlaceholder =
    node.placeholder !== undefined || node.clearable || node.defaultValue === undefined;
  return (
    <select
      className={controlClasses(
        'rd-select',
        node.variant ?? 'outline',
        node.size,
        node.pill,
        node.block ?? true,
      )}
      id={fieldId(host.itemId, node.name)}
      name={node.name}
      defaultValue={node.defaultValue ?? ''}
      disabled={node.disabled}
      aria-label={labelled.has(node.name) ? undefined : (node.placeholder ?? humanize(node.name))}
      data-testid="widget-select"
      onChange={(event) => {
        if (!node.onChangeAction) return;
        const values = form ? form.values() : { [node.name]: event.currentTarget.value };
        fire(node.onChangeAction, values);
      }}
    >
      {hasPlaceholder ? (
        <option value="" disabled={!node.clearable}>
          {node.placeholder ?? 'Choose…'}
        </option>
      ) : null}
      {options.map((option) => (
        <option
          key={option.value}
          value={option.value}
          disabled={option.disabled}
          title={option.description}
        >
          {option.label}
        </option>
      ))}
    </select>
  );
}
