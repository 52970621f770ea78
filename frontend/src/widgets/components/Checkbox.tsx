import type { CheckboxNode } from '../../protocol';
import { useFormScope } from '../form-scope';
import { fieldId } from '../fields';
import { useWidgetHost } from '../host';
import { useAction } from '../use-action';
import { humanize } from '../fields';

export function CheckboxWidget({ node }: { node: CheckboxNode }) {
  const host = useWidgetHost();
  const form = useFormScope();
  const { fire } = useAction('self');
  return (
    <label className="rd-checkbox" data-testid="widget-checkbox">
      <input
        type="checkbox"
        id={fieldId(host.itemId, node.name)}
        name={node.name}
        defaultChecked={node.defaultChecked}
        disabled={node.disabled}
        required={node.required}
        aria-label={node.label ? undefined : humanize(node.name)}
        onChange={(event) => {
          if (!node.onChangeAction) return;
          const values = form ? form.values() : { [node.name]: event.currentTarget.checked };
          fire(node.onChangeAction, values);
        }}
      />
      {node.label ? <span>{node.label}</span> : null}
    </label>
  );
}
