import type { ButtonNode } from '../protocol';

/**
 * Whether a Button is the answer the shopper chose on a card the server has
 * locked (src/returndesk/widgets/lock.py). Locking disables every button, makes
 * the chosen one primary with a check mark and every other one secondary, and
 * takes the check mark off the others. The style is checked too: a card locked
 * by an earlier version may still show a check on a button that was not chosen
 * ("Confirm return" carries one before it is answered).
 */
export function isChosenAnswer(node: ButtonNode): boolean {
  const checked = node.iconStart === 'check' || node.iconEnd === 'check';
  return Boolean(node.disabled) && node.style === 'primary' && checked;
}
