/**
 * Widget props to CSS. Tokens map to the app's CSS variables so widgets
 * follow the theme and the store's branding; anything else is taken as CSS.
 */

import type { CSSProperties } from 'react';
import type {
  Alignment,
  BlockProps,
  BorderSpec,
  Borders,
  BoxProps,
  ColorValue,
  Justification,
  Length,
  Radius,
  Spacing,
  ThemeName,
} from '../protocol';

/** One spacing unit, as in the widget schema's `gap={2}` (8px). */
export const SPACING_UNIT_PX = 4;

export function space(value: Length | undefined): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'number' ? `${value * SPACING_UNIT_PX}px` : value;
}

export function px(value: Length | undefined): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'number' ? `${value}px` : value;
}

export function spacing(
  value: Length | Spacing | undefined,
  property: 'padding' | 'margin',
): CSSProperties {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object') return { [property]: space(value) };
  const top = value.top ?? value.y;
  const bottom = value.bottom ?? value.y;
  const left = value.left ?? value.x;
  const right = value.right ?? value.x;
  const style: Record<string, string | undefined> = {
    [`${property}Top`]: space(top),
    [`${property}Right`]: space(right),
    [`${property}Bottom`]: space(bottom),
    [`${property}Left`]: space(left),
  };
  return dropUndefined(style);
}

const RADIUS: Record<Radius, string> = {
  none: '0',
  '2xs': '2px',
  xs: '4px',
  sm: '6px',
  md: '8px',
  lg: '12px',
  xl: '16px',
  '2xl': '20px',
  '3xl': '24px',
  '4xl': '32px',
  full: '9999px',
  '100%': '100%',
};

export function radius(value: Radius | undefined): string | undefined {
  return value === undefined ? undefined : (RADIUS[value] ?? undefined);
}

export type ColorRole = 'text' | 'background' | 'border' | 'chart';

const TOKENS: Record<ColorRole, Record<string, string>> = {
  text: {
    prose: 'var(--rd-text)',
    primary: 'var(--rd-text)',
    emphasis: 'var(--rd-text-strong)',
    secondary: 'var(--rd-text-muted)',
    tertiary: 'var(--rd-text-subtle)',
    success: 'var(--rd-success-text)',
    warning: 'var(--rd-warning-text)',
    danger: 'var(--rd-danger-text)',
  },
  background: {
    surface: 'var(--rd-surface)',
    'surface-secondary': 'var(--rd-surface-2)',
    'surface-tertiary': 'var(--rd-surface-3)',
    'surface-elevated': 'var(--rd-surface-elevated)',
    'surface-elevated-secondary': 'var(--rd-surface-2)',
  },
  border: {
    default: 'var(--rd-border)',
    subtle: 'var(--rd-border-subtle)',
    strong: 'var(--rd-border-strong)',
  },
  chart: {
    blue: 'var(--rd-chart-blue)',
    purple: 'var(--rd-chart-purple)',
    orange: 'var(--rd-chart-orange)',
    green: 'var(--rd-chart-green)',
    red: 'var(--rd-chart-red)',
    yellow: 'var(--rd-chart-yellow)',
    pink: 'var(--rd-chart-pink)',
  },
};

// Hue and saturation per palette name; shades 50..950 set the lightness.
const PALETTE: Record<string, [number, number]> = {
  gray: [220, 9],
  slate: [215, 19],
  zinc: [240, 5],
  red: [0, 74],
  orange: [25, 90],
  amber: [38, 92],
  yellow: [48, 90],
  lime: [84, 70],
  green: [142, 64],
  emerald: [160, 78],
  teal: [173, 70],
  cyan: [189, 85],
  sky: [199, 89],
  blue: [217, 86],
  indigo: [239, 80],
  violet: [258, 85],
  purple: [271, 76],
  fuchsia: [292, 80],
  pink: [330, 78],
  rose: [350, 85],
};

const SHADE_LIGHTNESS: Record<string, number> = {
  '50': 97,
  '100': 94,
  '200': 87,
  '300': 77,
  '400': 64,
  '500': 52,
  '600': 44,
  '700': 36,
  '800': 28,
  '900': 21,
  '950': 13,
};

export function primitiveColor(token: string): string | null {
  const match = /^([a-z]+)-(\d{2,3})$/.exec(token);
  if (!match) return null;
  const hue = PALETTE[match[1] ?? ''];
  const lightness = SHADE_LIGHTNESS[match[2] ?? ''];
  if (!hue || lightness === undefined) return null;
  return `hsl(${hue[0]} ${hue[1]}% ${lightness}%)`;
}

export function color(
  value: ColorValue | undefined | null,
  role: ColorRole,
  theme: ThemeName,
): string | undefined {
  if (value === undefined || value === null) return undefined;
  const raw = typeof value === 'string' ? value : theme === 'dark' ? value.dark : value.light;
  if (typeof raw !== 'string' || raw === '') return undefined;
  return TOKENS[role][raw] ?? primitiveColor(raw) ?? raw;
}

function borderEdge(edge: number | BorderSpec | undefined, theme: ThemeName): string | undefined {
  if (edge === undefined || edge === null) return undefined;
  if (typeof edge === 'number') return `${edge}px solid var(--rd-border)`;
  const edgeColor = color(edge.color, 'border', theme) ?? 'var(--rd-border)';
  return `${edge.size}px ${edge.style ?? 'solid'} ${edgeColor}`;
}

export function border(
  value: number | BorderSpec | Borders | undefined,
  theme: ThemeName,
): CSSProperties {
  if (value === undefined || value === null) return {};
  if (typeof value === 'number' || 'size' in value) {
    return { border: borderEdge(value as number | BorderSpec, theme) };
  }
  const sides = value as Borders;
  return dropUndefined({
    borderTop: borderEdge(sides.top ?? sides.y, theme),
    borderBottom: borderEdge(sides.bottom ?? sides.y, theme),
    borderLeft: borderEdge(sides.left ?? sides.x, theme),
    borderRight: borderEdge(sides.right ?? sides.x, theme),
  });
}

export function blockStyle(props: BlockProps): CSSProperties {
  return dropUndefined({
    width: px(props.width ?? props.size),
    height: px(props.height ?? props.size),
    minWidth: px(props.minWidth ?? props.minSize),
    minHeight: px(props.minHeight ?? props.minSize),
    maxWidth: px(props.maxWidth ?? props.maxSize),
    maxHeight: px(props.maxHeight ?? props.maxSize),
    aspectRatio: props.aspectRatio === undefined ? undefined : String(props.aspectRatio),
    borderRadius: radius(props.radius),
    ...spacing(props.margin, 'margin'),
  });
}

const ALIGN: Record<Alignment, string> = {
  start: 'flex-start',
  center: 'center',
  end: 'flex-end',
  baseline: 'baseline',
  stretch: 'stretch',
};

const JUSTIFY: Record<Justification, string> = {
  start: 'flex-start',
  center: 'center',
  end: 'flex-end',
  between: 'space-between',
  around: 'space-around',
  evenly: 'space-evenly',
  stretch: 'stretch',
};

export function alignItems(value: Alignment | undefined): string | undefined {
  return value ? ALIGN[value] : undefined;
}

export function justifyContent(value: Justification | undefined): string | undefined {
  return value ? JUSTIFY[value] : undefined;
}

export function flexValue(value: number | string | undefined): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'number' ? `${value} ${value} 0%` : value;
}

export function boxStyle(
  props: BoxProps,
  direction: 'row' | 'col',
  theme: ThemeName,
): CSSProperties {
  return dropUndefined({
    display: 'flex',
    flexDirection: direction === 'row' ? 'row' : 'column',
    alignItems: alignItems(props.align),
    justifyContent: justifyContent(props.justify),
    flexWrap: props.wrap,
    flex: flexValue(props.flex),
    gap: space(props.gap),
    background: color(props.background, 'background', theme),
    ...spacing(props.padding, 'padding'),
    ...border(props.border, theme),
    ...blockStyle(props),
  });
}

export function dropUndefined<T extends Record<string, unknown>>(style: T): CSSProperties {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(style)) {
    if (value !== undefined) out[key] = value;
  }
  return out as CSSProperties;
}
