import type { ButtonNode } from '../protocol';

/**
 * Whether a Button is the answer the shopper chose on a card the server has
 * locked (src/returndesk/widgets/lock.py). Locking disables every button, makes
 * the chosen one primary with a check mark and every other one secondary. The
 * check alone is not enough: a button may carry one before it is answered
 * ("Confirm return") and keeps it when another button is chosen.
 */
export function isChosenAnswer(node: ButtonNode): boolean {
  const checked = node.iconStart === 'check' || node.iconEnd === 'check';
  return Boolean(node.disabled) && node.style === 'primary' && checked;
}
