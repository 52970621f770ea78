/**
 * Every icon the UI and widgets draw, as inline SVG on a 24px grid
 * (stroked with currentColor unless marked filled). Bundled, so the page
 * loads nothing from elsewhere.
 */

import type { ReactElement } from 'react';

const filled = { fill: 'currentColor', stroke: 'none' } as const;

const thumbUp = (
  <path d="M7 10v11M14 5.9 13 10h5.8a2 2 0 0 1 1.9 2.5l-2 7A2 2 0 0 1 16.8 21H4a1 1 0 0 1-1-1v-9a1 1 0 0 1 1-1h3l4-8a2.5 2.5 0 0 1 3 3.9z" />
);

/** The icon names of the widget schema. */
export const WIDGET_ICONS = {
  agent: (
    <>
      <rect x="4" y="8" width="16" height="12" rx="3" />
      <path d="M12 4v4M9 13v2M15 13v2" />
      <circle cx="12" cy="3" r="1" />
    </>
  ),
  analytics: <path d="M3 3v18h18M7 15l4-4 3 3 5-6" />,
  atom: (
    <>
      <circle cx="12" cy="12" r="1.5" />
      <ellipse cx="12" cy="12" rx="10" ry="4" />
      <ellipse cx="12" cy="12" rx="10" ry="4" transform="rotate(60 12 12)" />
      <ellipse cx="12" cy="12" rx="10" ry="4" transform="rotate(120 12 12)" />
    </>
  ),
  batch: <path d="M12 3l9 4.5-9 4.5-9-4.5zM3 12l9 4.5 9-4.5M3 16.5 12 21l9-4.5" />,
  bolt: <path d="M13 2 4 14h7l-1 8 9-12h-7z" />,
  'book-open': (
    <path d="M2 5h6a4 4 0 0 1 4 4v11a3 3 0 0 0-3-3H2zM22 5h-6a4 4 0 0 0-4 4v11a3 3 0 0 1 3-3h7z" />
  ),
  'book-closed': <path d="M5 20V4a2 2 0 0 1 2-2h12v16H7a2 2 0 0 0-2 2 2 2 0 0 0 2 2h12v-4" />,
  'book-clock': (
    <>
      <path d="M5 20V4a2 2 0 0 1 2-2h12v9M5 20a2 2 0 0 0 2 2h5" />
      <circle cx="17" cy="17" r="4" />
      <path d="M17 15.5V17l1 1" />
    </>
  ),
  bug: (
    <>
      <rect x="7" y="7" width="10" height="13" rx="5" />
      <path d="M12 10v10M7 13H3M21 13h-4M7 17l-3 2M17 17l3 2M7 9 4 7M17 9l3-2M9 7a3 3 0 0 1 6 0" />
    </>
  ),
  calendar: (
    <>
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M3 10h18M8 3v4M16 3v4" />
    </>
  ),
  chart: <path d="M6 17v-5M12 17V7M18 17V9M3 21h18" />,
  check: <path d="M5 12.5 9.5 17 19 7.5" />,
  'check-circle': (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="m8 12.5 3 3 5-6" />
    </>
  ),
  'check-circle-filled': (
    <>
      <circle cx="12" cy="12" r="10" {...filled} />
      <path d="m8 12.5 3 3 5-6" stroke="var(--rd-icon-on-fill, #fff)" />
    </>
  ),
  'chevron-left': <path d="m15 18-6-6 6-6" />,
  'chevron-right': <path d="m9 18 6-6-6-6" />,
  'circle-question': (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6v.6M12 17h.01" />
    </>
  ),
  clock: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7v5l3 2" />
    </>
  ),
  compass: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="m15.5 8.5-2 5-5 2 2-5z" />
    </>
  ),
  confetti: <path d="M4 20l4-11 7 7zM14 4l1 2M19 9l2-1M17 3l-1 3M20 13l-3-1M11 7c0-2 1-3 3-3" />,
  cube: <path d="m12 2 9 5v10l-9 5-9-5V7zM3 7l9 5 9-5M12 12v10" />,
  desktop: (
    <>
      <rect x="2" y="4" width="20" height="13" rx="2" />
      <path d="M8 21h8M12 17v4" />
    </>
  ),
  document: (
    <path d="M14 3H6a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V9zM14 3v6h6M8 13h8M8 17h5" />
  ),
  dot: <circle cx="12" cy="12" r="3" {...filled} />,
  'dots-horizontal': (
    <>
      <circle cx="5" cy="12" r="1.6" {...filled} />
      <circle cx="12" cy="12" r="1.6" {...filled} />
      <circle cx="19" cy="12" r="1.6" {...filled} />
    </>
  ),
  'dots-vertical': (
    <>
      <circle cx="12" cy="5" r="1.6" {...filled} />
      <circle cx="12" cy="12" r="1.6" {...filled} />
      <circle cx="12" cy="19" r="1.6" {...filled} />
    </>
  ),
  'empty-circle': <circle cx="12" cy="12" r="9" />,
  'external-link': (
    <path d="M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5" />
  ),
  globe: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M3 12h18M12 3c2.5 2.5 3.8 5.5 3.8 9s-1.3 6.5-3.8 9c-2.5-2.5-3.8-5.5-3.8-9S9.5 5.5 12 3z" />
    </>
  ),
  keys: (
    <>
      <circle cx="8" cy="15" r="4" />
      <path d="m11 12 9-9M17 6l3 3M14 9l2 2" />
    </>
  ),
  lab: (
    <path d="M9 3h6M10 3v6L4.5 19a1.5 1.5 0 0 0 1.3 2h12.4a1.5 1.5 0 0 0 1.3-2L14 9V3M7 15h10" />
  ),
  images: (
    <>
      <rect x="7" y="3" width="14" height="14" rx="2" />
      <path d="M3 7v12a2 2 0 0 0 2 2h12M7 14l4-4 4 4 2-2 4 4" />
    </>
  ),
  info: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 11v6M12 7.5h.01" />
    </>
  ),
  lifesaver: (
    <>
      <circle cx="12" cy="12" r="9" />
      <circle cx="12" cy="12" r="4" />
      <path d="m5.6 5.6 3.6 3.6M14.8 14.8l3.6 3.6M18.4 5.6l-3.6 3.6M9.2 14.8l-3.6 3.6" />
    </>
  ),
  lightbulb: (
    <path d="M9 18h6M10 21h4M12 3a6 6 0 0 0-3.5 10.9c.6.5 1 1.2 1 2.1h5c0-.9.4-1.6 1-2.1A6 6 0 0 0 12 3z" />
  ),
  mail: (
    <>
      <rect x="3" y="5" width="18" height="14" rx="2" />
      <path d="m3 7 9 6 9-6" />
    </>
  ),
  'map-pin': (
    <>
      <path d="M12 21s-7-6.2-7-12a7 7 0 0 1 14 0c0 5.8-7 12-7 12z" />
      <circle cx="12" cy="9" r="2.5" />
    </>
  ),
  maps: <path d="M9 4 3 6v14l6-2 6 2 6-2V4l-6 2zM9 4v14M15 6v14" />,
  mobile: (
    <>
      <rect x="7" y="2" width="10" height="20" rx="2" />
      <path d="M11 18h2" />
    </>
  ),
  name: (
    <>
      <path d="M3 12V4a1 1 0 0 1 1-1h8l9 9-9 9z" />
      <circle cx="7.5" cy="7.5" r="1.5" />
    </>
  ),
  notebook: (
    <>
      <rect x="5" y="3" width="14" height="18" rx="2" />
      <path d="M9 3v18M3 7h4M3 12h4M3 17h4" />
    </>
  ),
  'notebook-pencil': (
    <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h7M3 8h4M3 12h4M3 16h4M20.5 8.5l-6 6-2.5.5.5-2.5 6-6a1.4 1.4 0 0 1 2 2z" />
  ),
  'page-blank': <path d="M14 3H6a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V9zM14 3v6h6" />,
  phone: (
    <path d="M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2" />
  ),
  play: <path d="M7 4l13 8-13 8z" />,
  plus: <path d="M12 5v14M5 12h14" />,
  profile: (
    <>
      <circle cx="12" cy="8" r="4" />
      <path d="M4 21a8 8 0 0 1 16 0" />
    </>
  ),
  'profile-card': (
    <>
      <rect x="2" y="4" width="20" height="16" rx="2" />
      <circle cx="9" cy="11" r="2.5" />
      <path d="M5 17a4 4 0 0 1 8 0M15 10h4M15 14h3" />
    </>
  ),
  reload: <path d="M21 12a9 9 0 1 1-2.6-6.4L21 8M21 3v5h-5" />,
  star: <path d="m12 3 2.8 5.7 6.2.9-4.5 4.4 1.1 6.2L12 17.3l-5.6 2.9 1.1-6.2L3 9.6l6.2-.9z" />,
  'star-filled': (
    <path
      d="m12 3 2.8 5.7 6.2.9-4.5 4.4 1.1 6.2L12 17.3l-5.6 2.9 1.1-6.2L3 9.6l6.2-.9z"
      fill="currentColor"
    />
  ),
  search: (
    <>
      <circle cx="11" cy="11" r="7" />
      <path d="m20 20-4-4" />
    </>
  ),
  sparkle: (
    <path d="M12 3c.8 4.6 4.4 8.2 9 9-4.6.8-8.2 4.4-9 9-.8-4.6-4.4-8.2-9-9 4.6-.8 8.2-4.4 9-9z" />
  ),
  'sparkle-double': (
    <path d="M10 6c.6 3.6 3.4 6.4 7 7-3.6.6-6.4 3.4-7 7-.6-3.6-3.4-6.4-7-7 3.6-.6 6.4-3.4 7-7zM19 2c.3 1.4 1.1 2.2 2.5 2.5-1.4.3-2.2 1.1-2.5 2.5-.3-1.4-1.1-2.2-2.5-2.5 1.4-.3 2.2-1.1 2.5-2.5z" />
  ),
  'square-code': (
    <>
      <rect x="3" y="3" width="18" height="18" rx="2" />
      <path d="m10 9-3 3 3 3M14 9l3 3-3 3" />
    </>
  ),
  'square-image': (
    <>
      <rect x="3" y="3" width="18" height="18" rx="2" />
      <circle cx="9" cy="9" r="1.5" />
      <path d="m21 15-5-5L5 21" />
    </>
  ),
  'square-text': (
    <>
      <rect x="3" y="3" width="18" height="18" rx="2" />
      <path d="M7 8h10M7 12h10M7 16h6" />
    </>
  ),
  suitcase: (
    <>
      <rect x="3" y="7" width="18" height="13" rx="2" />
      <path d="M9 7V5a2 2 0 0 1 2-2h2a2 2 0 0 1 2 2v2M3 13h18" />
    </>
  ),
  'settings-slider': (
    <>
      <path d="M4 6h10M18 6h2M4 12h4M12 12h8M4 18h12" />
      <circle cx="16" cy="6" r="2" />
      <circle cx="10" cy="12" r="2" />
      <circle cx="18" cy="18" r="2" />
    </>
  ),
  user: (
    <>
      <circle cx="12" cy="7" r="4" />
      <path d="M5 21v-1a7 7 0 0 1 14 0v1" />
    </>
  ),
  wreath: (
    <path d="M7 20c-3-2-4-6-3-10M17 20c3-2 4-6 3-10M4.5 13c1.5 0 2.5 1 2.5 2.5M4 9c1.5.3 2.3 1.4 2 3M19.5 13c-1.5 0-2.5 1-2.5 2.5M20 9c-1.5.3-2.3 1.4-2 3M9 21h6" />
  ),
  write: <path d="M4 20h4L19 9a2.8 2.8 0 0 0-4-4L4 16zM13.5 6.5l4 4" />,
  'write-alt': (
    <path d="M12 4H6a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-6M18.5 3.5a2.1 2.1 0 0 1 3 3L12 16l-4 1 1-4z" />
  ),
  'write-alt2': <path d="M12 20h9M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1 1-4z" />,
} satisfies Record<string, ReactElement>;

/** Icons the chat itself uses. */
export const UI_ICONS = {
  send: <path d="M12 19V5M5 12l7-7 7 7" />,
  stop: <rect x="6" y="6" width="12" height="12" rx="2" {...filled} />,
  copy: (
    <>
      <rect x="9" y="9" width="11" height="11" rx="2" />
      <path d="M5 15H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1v1" />
    </>
  ),
  'thumbs-up': thumbUp,
  'thumbs-down': <g transform="matrix(1 0 0 -1 0 24)">{thumbUp}</g>,
  menu: <path d="M4 6h16M4 12h16M4 18h16" />,
  close: <path d="M6 6l12 12M18 6 6 18" />,
  sun: (
    <>
      <circle cx="12" cy="12" r="4" />
      <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
    </>
  ),
  moon: <path d="M20 14.5A8 8 0 1 1 9.5 4a6.5 6.5 0 0 0 10.5 10.5z" />,
  trash: <path d="M4 7h16M10 11v6M14 11v6M6 7l1 13a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1l1-13M9 7V4h6v3" />,
  message: <path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12z" />,
  alert: (
    <path d="M10.3 4 2.5 18a2 2 0 0 0 1.7 3h15.6a2 2 0 0 0 1.7-3L13.7 4a2 2 0 0 0-3.4 0zM12 9v4M12 17h.01" />
  ),
  'chevron-down': <path d="m6 9 6 6 6-6" />,
  'arrow-down': <path d="M12 5v14M19 12l-7 7-7-7" />,
  sidebar: (
    <>
      <rect x="3" y="4" width="18" height="16" rx="2" />
      <path d="M9 4v16" />
    </>
  ),
} satisfies Record<string, ReactElement>;

export type WidgetIconName = keyof typeof WIDGET_ICONS;
export type UiIconName = keyof typeof UI_ICONS;

/** Common names from other icon sets, mapped onto the ones bundled here. */
const ALIASES: Record<string, WidgetIconName | UiIconName> = {
  'refresh-cw': 'reload',
  'rotate-ccw': 'reload',
  package: 'cube',
  box: 'cube',
  truck: 'maps',
  'shopping-bag': 'suitcase',
  'credit-card': 'profile-card',
  pencil: 'write',
  edit: 'write-alt',
  'circle-help': 'circle-question',
  'help-circle': 'circle-question',
  'circle-check': 'check-circle',
  'check-circle-2': 'check-circle',
  x: 'close',
  'alert-triangle': 'alert',
  'triangle-alert': 'alert',
  'message-circle': 'message',
  zap: 'bolt',
};

export function iconShape(name: string): ReactElement | null {
  const bare = name.replace(/^(lucide|vendor):/, '');
  const key = (bare in WIDGET_ICONS || bare in UI_ICONS ? bare : ALIASES[bare]) ?? null;
  if (key === null) return null;
  return (
    (WIDGET_ICONS as Record<string, ReactElement>)[key] ??
    (UI_ICONS as Record<string, ReactElement>)[key] ??
    null
  );
}
