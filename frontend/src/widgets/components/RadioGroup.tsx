import type { RadioGroupNode } from '../../protocol';
import { useFormScope } from '../form-scope';
import { fieldId, humanize } from '../fields';
import { useWidgetHost } from '../host';
import { useAction } from '../use-action';

export function RadioGroupWidget({ node }: { node: RadioGroupNode }) {
  const host = useWidgetHost();
  const form = useFormScope();
  const { fire } = useAction('self');
  const id = fieldId(host.itemId, node.name);
  return (
    <div
      className={`rd-radiogroup rd-radiogroup--${node.direction ?? 'col'}`}
      role="radiogroup"
      id={id}
      aria-label={node.ariaLabel ?? humanize(node.name)}
      aria-required={node.required || undefined}
      data-testid="widget-radiogroup"
    >
      {(node.options ?? []).map((option, index) => (
        <label key={option.value} className="rd-radio">
          <input
            type="radio"
            name={node.name}
            value={option.value}
            defaultChecked={node.defaultValue === option.value}
            disabled={node.disabled || option.disabled}
            required={index === 0 ? node.required : undefined}
            onChange={(event) => {
              if (!node.onChangeAction || !event.currentTarget.checked) return;
              const values = form ? form.values() : { [node.name]: option.value };
              fire(node.onChangeAction, values);
            }}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </div>
  );
}
