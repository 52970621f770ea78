/**
 * The fields of a Form (or of a Card rendered as one), read by name when
 * an action fires inside it.
 */

import { createContext, useContext } from 'react';
import type { ActionConfig, FieldValue, FormValues } from '../protocol';

export interface FormScope {
  /** The current values of every named field inside the scope. */
  values(): FormValues;
  /**
   * Called by a submit button's click just before the browser validates
   * and submits, so the submit handler knows which action to send.
   */
  armSubmit(action: ActionConfig | undefined, sourceId: string): void;
  /**
   * A Form nested inside a Card-as-form cannot be a second <form> element,
   * so its submit buttons validate and submit through this instead.
   */
  submitNested: (() => void) | null;
}

export const FormScopeContext = createContext<FormScope | null>(null);
export const useFormScope = (): FormScope | null => useContext(FormScopeContext);

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** Read named fields under `root`: checkboxes as booleans, multi-selects as lists, the rest as text. */
export function collectFields(root: ParentNode | null): FormValues {
  const values: FormValues = {};
  if (!root) return values;
  const fields = root.querySelectorAll<Field>('input[name], select[name], textarea[name]');
  for (const field of fields) {
    if (field.disabled || !field.name) continue;
    const value = fieldValue(field);
    if (value !== undefined) values[field.name] = value;
  }
  return values;
}

function fieldValue(field: Field): FieldValue | undefined {
  if (field instanceof HTMLInputElement) {
    if (field.type === 'checkbox') return field.checked;
    if (field.type === 'radio') return field.checked ? field.value : undefined;
    return field.value;
  }
  if (field instanceof HTMLSelectElement && field.multiple) {
    return Array.from(field.selectedOptions, (option) => option.value);
  }
  return field.value;
}

/** Check every field under `root` and show the browser's message on the first invalid one. */
export function validateFields(root: ParentNode | null): boolean {
  if (!root) return true;
  const fields = root.querySelectorAll<Field>('input[name], select[name], textarea[name]');
  for (const field of fields) {
    if (!field.disabled && !field.checkValidity()) {
      field.reportValidity();
      return false;
    }
  }
  return true;
}
