import type { ControlSize } from '../../protocol';

/** Class names shared by the text-like form controls. */
export function controlClasses(
  base: string,
  variant: string,
  size: ControlSize | undefined,
  pill: boolean | undefined,
  block = true,
): string {
  return [
    'rd-control',
    base,
    `rd-control--${variant}`,
    `rd-control--size-${size ?? 'md'}`,
    pill ? 'rd-control--pill' : '',
    block ? 'rd-control--block' : '',
  ]
    .filter(Boolean)
    .join(' ');
}
