/** Pure edits on a widget tree, addressed by component `id`. */

import type { WidgetNode, WidgetRoot } from '../protocol';

type Edit = (node: WidgetNode) => WidgetNode;

/** Apply `edit` to the node with `id`; untouched subtrees keep their identity. */
export function editComponent<T extends WidgetNode>(root: T, id: string, edit: Edit): T {
  return visit(root, id, edit) as T;
}

function visit(node: WidgetNode, id: string, edit: Edit): WidgetNode {
  if (node.id === id) return edit(node);
  const children: unknown = (node as { children?: unknown }).children;
  if (Array.isArray(children)) {
    let changed = false;
    const next = children.map((child: WidgetNode) => {
      const edited = isNode(child) ? visit(child, id, edit) : child;
      if (edited !== child) changed = true;
      return edited;
    });
    return changed ? ({ ...node, children: next } as WidgetNode) : node;
  }
  if (isNode(children)) {
    const edited = visit(children, id, edit);
    return edited === children ? node : ({ ...node, children: edited } as WidgetNode);
  }
  return node;
}

function isNode(value: unknown): value is WidgetNode {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string'
  );
}

export function replaceComponent(root: WidgetRoot, id: string, component: WidgetNode): WidgetRoot {
  return editComponent(root, id, () => component);
}

/** Streamed text for a Text or Markdown component; `done` ends its streaming state. */
export function appendStreamingText(
  root: WidgetRoot,
  id: string,
  delta: string,
  done: boolean,
): WidgetRoot {
  return editComponent(root, id, (node) => {
    if (node.type !== 'Text' && node.type !== 'Markdown') return node;
    return { ...node, value: (node.value ?? '') + delta, streaming: !done };
  });
}

export function findComponent(root: WidgetNode, id: string): WidgetNode | null {
  if (root.id === id) return root;
  const children: unknown = (root as { children?: unknown }).children;
  const list = Array.isArray(children) ? children : isNode(children) ? [children] : [];
  for (const child of list) {
    if (!isNode(child)) continue;
    const found = findComponent(child, id);
    if (found) return found;
  }
  return null;
}
