import type { ButtonNode } from '../../protocol';
import { isChosenAnswer } from '../chosen';
import { useFormScope } from '../form-scope';
import { ControlButton } from '../parts/ControlButton';
import { useAction } from '../use-action';

export function ButtonWidget({ node }: { node: ButtonNode }) {
  const form = useFormScope();
  const { sourceId, busy, locked, fire } = useAction('self');
  const submits = Boolean(node.submit && form);
  const color = node.color ?? (node.style === 'primary' ? 'primary' : 'secondary');
  const variant = node.variant ?? (node.style === 'secondary' ? 'outline' : 'solid');
  return (
    <ControlButton
      label={node.label}
      iconStart={node.iconStart}
      iconEnd={node.iconEnd}
      iconSize={node.iconSize}
      color={color}
      variant={variant}
      size={node.size}
      pill={node.pill}
      uniform={node.uniform}
      block={node.block}
      disabled={node.disabled}
      chosen={isChosenAnswer(node)}
      busy={busy}
      locked={locked}
      type={submits && !form?.submitNested ? 'submit' : 'button'}
      testId="widget-button"
      onClick={() => {
        if (submits && form) {
          form.armSubmit(node.onClickAction, sourceId);
          // A real <form> submits itself after this click; a nested one needs a push.
          form.submitNested?.();
          return;
        }
        if (node.onClickAction) fire(node.onClickAction, form ? form.values() : {});
      }}
    />
  );
}
