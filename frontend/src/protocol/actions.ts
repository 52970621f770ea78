import type { Action, UserMessageInput } from './types';
import type { ActionConfig } from './widgets';

/** A form field's value as sent in an action payload. */
export type FieldValue = string | boolean | string[];
export type FormValues = Record<string, FieldValue>;

/**
 * The action sent for a widget: its type, and its payload with the form's
 * field values merged in by field name (fields win over a payload key of the
 * same name, since they are what the user just chose).
 */
export function toAction(config: ActionConfig, values: FormValues = {}): Action {
  const base = config.payload;
  const hasValues = Object.keys(values).length > 0;
  if (!hasValues) {
    return base === undefined ? { type: config.type } : { type: config.type, payload: base };
  }
  const payload =
    base !== null && typeof base === 'object' && !Array.isArray(base)
      ? { ...(base as Record<string, unknown>), ...values }
      : { ...values };
  return { type: config.type, payload };
}

/** The input of a plain text message. */
export function textInput(text: string): UserMessageInput {
  return {
    content: [{ type: 'input_text', text }],
    attachments: [],
    inference_options: {},
  };
}
