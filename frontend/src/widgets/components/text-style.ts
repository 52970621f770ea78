import type { TextProps } from '../../protocol';

/** Class names shared by Text, Title, Caption and Label. */
export function textClasses(
  base: string,
  node: Partial<TextProps>,
  size: string,
  streaming = false,
): string {
  return [
    base,
    `${base}--${size}`,
    node.weight ? `rd-weight-${node.weight}` : '',
    node.textAlign ? `rd-align-${node.textAlign}` : '',
    node.truncate ? 'rd-truncate' : '',
    node.maxLines ? 'rd-clamp' : '',
    streaming ? 'rd-streaming' : '',
  ]
    .filter(Boolean)
    .join(' ');
}
