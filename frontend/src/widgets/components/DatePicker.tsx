import type { DatePickerNode } from '../../protocol';
import { useFormScope } from '../form-scope';
import { fieldId, humanize, useLabelledFields } from '../fields';
import { useWidgetHost } from '../host';
import { useAction } from '../use-action';
import { controlClasses } from './control-style';

/** `<input type=date>` wants YYYY-MM-DD; the schema sends ISO date-times. */
export function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const match = /^\d{4}-\d{2}-\d{2}/.exec(value);
  return match ? match[0] : undefined;
}

export function DatePickerWidget({ node }: { node: DatePickerNode }) {
  const host = useWidgetHost();
  const form = useFormScope();
  const labelled = useLabelledFields();
  const { fire } = useAction('self');
  return (
    <input
      type="date"
      className={controlClasses(
        'rd-date',
        node.variant ?? 'outline',
        node.size,
        node.pill,
        node.block ?? false,
      )}
      id={fieldId(host.itemId, node.name)}
      name={node.name}
      defaultValue={isoDate(node.defaultValue)}
      min={isoDate(node.min)}
      max={isoDate(node.max)}
      disabled={node.disabled}
      aria-label={labelled.has(node.name) ? undefined : (node.placeholder ?? humanize(node.name))}
      data-testid="widget-datepicker"
      onChange={(event) => {
        if (!node.onChangeAction) return;
        const values = form ? form.values() : { [node.name]: event.currentTarget.value };
        fire(node.onChangeAction, values);
      }}
    />
  );
}
