/**
 * The words a widget shows, in reading order, for a screen reader to say
 * when a card arrives on its own (a person's reply) rather than in answer
 * to the shopper.
 */

import type { WidgetNode } from '../protocol';

// The components whose `value` is text the shopper reads.
const TEXT_TYPES = new Set(['Text', 'Title', 'Caption', 'Markdown']);

interface AnyNode {
  type: string;
  value?: unknown;
  children?: unknown;
}

export function widgetPlainText(widget: WidgetNode): string {
  const words: string[] = [];
  const visit = (node: AnyNode) => {
    if (TEXT_TYPES.has(node.type) && typeof node.value === 'string' && node.value.trim()) {
      words.push(node.value.trim());
    }
    const children = Array.isArray(node.children) ? node.children : [node.children];
    for (const child of children) {
      if (child && typeof child === 'object') visit(child as AnyNode);
    }
  };
  visit(widget);
  return words.join('\n');
}
