import type { MouseEvent } from 'react';
import type { ButtonColor, ControlSize, ControlVariant } from '../../protocol';
import { Icon } from '../../ui/Icon';

export interface ControlButtonProps {
  label?: string;
  iconStart?: string;
  iconEnd?: string;
  iconSize?: 'sm' | 'md' | 'lg' | 'xl' | '2xl';
  color?: ButtonColor;
  variant?: ControlVariant;
  size?: ControlSize;
  pill?: boolean;
  uniform?: boolean;
  block?: boolean;
  /** Disabled by the widget itself: not focusable. */
  disabled?: boolean;
  /** Temporarily unavailable (a reply is streaming): stays focusable, ignores clicks. */
  locked?: boolean;
  /** The answer picked on a locked card: its check mark is hidden from screen readers, so say it. */
  chosen?: boolean;
  busy?: boolean;
  type?: 'button' | 'submit';
  onClick?: (event: MouseEvent<HTMLButtonElement>) => void;
  testId?: string;
}

const ICON_PX = { sm: 14, md: 16, lg: 18, xl: 20, '2xl': 24 } as const;

/**
 * Read after the label; not aria-pressed, which would make a disabled button a toggle.
 * It starts with a comma, not a space: a name computed from content trims each child,
 * so a leading space can be lost and leave "Defective(chosen)".
 */
const CHOSEN_SUFFIX = ', chosen';

export function ControlButton({
  label,
  iconStart,
  iconEnd,
  iconSize = 'md',
  color = 'secondary',
  variant = 'solid',
  size = 'md',
  pill = false,
  uniform = false,
  block = false,
  disabled = false,
  locked = false,
  chosen = false,
  busy = false,
  type = 'button',
  onClick,
  testId,
}: ControlButtonProps) {
  const classes = [
    'rd-btn',
    `rd-btn--${color}`,
    `rd-btn--${variant}`,
    `rd-btn--size-${size}`,
    pill ? 'rd-btn--pill' : '',
    uniform ? 'rd-btn--uniform' : '',
    block ? 'rd-btn--block' : '',
    busy ? 'rd-btn--busy' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const iconPx = ICON_PX[iconSize] ?? 16;
  const iconOnly = !label && Boolean(iconStart || iconEnd);
  const iconName = (iconStart ?? iconEnd ?? '').replace(/^\w+:/, '').replace(/-/g, ' ');
  return (
    <button
      type={type}
      className={classes}
      disabled={disabled}
      aria-disabled={locked || busy || undefined}
      aria-busy={busy || undefined}
      aria-label={iconOnly ? `${iconName}${chosen ? CHOSEN_SUFFIX : ''}` : undefined}
      data-testid={testId}
      onClick={(event) => {
        if (locked || busy) {
          event.preventDefault();
          return;
        }
        onClick?.(event);
      }}
    >
      {busy ? <span className="rd-spinner" aria-hidden="true" /> : null}
      {iconStart ? <Icon name={iconStart} size={iconPx} /> : null}
      {label ? <span className="rd-btn__label">{label}</span> : null}
      {chosen && !iconOnly ? <span className="rd-sr-only">{CHOSEN_SUFFIX}</span> : null}
      {iconEnd ? <Icon name={iconEnd} size={iconPx} /> : null}
    </button>
  );
}
