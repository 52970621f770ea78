/** Ids that tie a Label to the control it names, and which controls have one. */

import { createContext, useContext } from 'react';
import type { WidgetNode } from '../protocol';

export function fieldId(itemId: string, name: string): string {
  return `rd-field-${itemId}-${name}`.replace(/[^A-Za-z0-9_-]/g, '_');
}

/** Field names that a Label in the same widget points at. */
export const LabelledFieldsContext = createContext<ReadonlySet<string>>(new Set());
export const useLabelledFields = (): ReadonlySet<string> => useContext(LabelledFieldsContext);

export function labelledFieldNames(root: WidgetNode): Set<string> {
  const names = new Set<string>();
  const walk = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    const typed = node as { type?: unknown; fieldName?: unknown; children?: unknown };
    if (typed.type === 'Label' && typeof typed.fieldName === 'string') names.add(typed.fieldName);
    if (Array.isArray(typed.children)) typed.children.forEach(walk);
    else walk(typed.children);
  };
  walk(root);
  return names;
}

/** A readable fallback name for an unlabelled control: `return_reason` → "Return reason". */
export function humanize(name: string): string {
  const words = name
    .replace(/[_.-]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .trim();
  return words ? words[0]!.toUpperCase() + words.slice(1).toLowerCase() : name;
}
