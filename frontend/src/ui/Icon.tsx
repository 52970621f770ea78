import type { CSSProperties } from 'react';
import { iconShape } from './icon-paths';

export interface IconProps {
  name: string;
  /** Pixel size; the icon is square. */
  size?: number;
  /** Set only when the icon alone carries meaning; otherwise it is hidden from screen readers. */
  label?: string;
  className?: string;
  style?: CSSProperties;
}

export function Icon({ name, size = 20, label, className, style }: IconProps) {
  const shape = iconShape(name);
  const a11y = label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true as const };
  return (
    <svg
      className={className ? `rd-icon ${className}` : 'rd-icon'}
      style={style}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      focusable="false"
      data-icon={shape ? name : 'unknown'}
      {...a11y}
    >
      {shape ?? <circle cx="12" cy="12" r="4" />}
    </svg>
  );
}
