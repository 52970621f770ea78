/** The store's name, tagline, logo, colour and favicon, from `/api/branding`. */

export interface Branding {
  name: string;
  tagline: string | null;
  logoUrl: string | null;
  primaryColor: string | null;
  faviconUrl: string | null;
}

export const DEFAULT_BRANDING: Branding = {
  name: 'ReturnDesk',
  tagline: 'Returns, exchanges and order help',
  logoUrl: null,
  primaryColor: null,
  faviconUrl: null,
};

interface BrandingBody {
  name?: unknown;
  tagline?: unknown;
  logo_url?: unknown;
  primary_color?: unknown;
  favicon_url?: unknown;
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

const HEX = /^#[0-9a-f]{6}$/i;
const SAFE_URL = /^(?:https?:\/\/|\/(?!\/))/i;

export function parseBranding(body: unknown): Branding {
  const raw = (typeof body === 'object' && body !== null ? body : {}) as BrandingBody;
  const url = (value: unknown) => {
    const candidate = text(value);
    return candidate && SAFE_URL.test(candidate) ? candidate : null;
  };
  const colour = text(raw.primary_color);
  return {
    name: text(raw.name) ?? DEFAULT_BRANDING.name,
    tagline: text(raw.tagline),
    logoUrl: url(raw.logo_url),
    primaryColor: colour && HEX.test(colour) ? colour : null,
    faviconUrl: url(raw.favicon_url),
  };
}

export async function fetchBranding(fetchImpl: typeof fetch = fetch): Promise<Branding> {
  const response = await fetchImpl('/api/branding', {
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`branding request failed: ${response.status}`);
  return parseBranding(await response.json());
}

/** Relative luminance per WCAG 2. */
export function luminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

/** White or near-black, whichever reads better on the brand colour. */
export function onColor(hex: string): string {
  const l = luminance(hex);
  const onWhite = 1.05 / (l + 0.05);
  const onDark = (l + 0.05) / (luminance('#111827') + 0.05);
  return onWhite >= onDark ? '#ffffff' : '#111827';
}

/**
 * Apply branding to the page. The colour goes into `--rd-brand-primary`,
 * which branding.css reads: a store that replaces branding.css with its own
 * colours therefore wins over the configured one.
 */
export function applyBranding(branding: Branding, doc: Document = document): void {
  doc.title = branding.tagline ? `${branding.name} · ${branding.tagline}` : branding.name;
  const root = doc.documentElement;
  if (branding.primaryColor) {
    root.style.setProperty('--rd-brand-primary', branding.primaryColor);
    root.style.setProperty('--rd-brand-on-primary', onColor(branding.primaryColor));
  }
  if (branding.faviconUrl) {
    let link = doc.querySelector<HTMLLinkElement>('link[rel="icon"]');
    if (!link) {
      link = doc.createElement('link');
      link.rel = 'icon';
      doc.head.appendChild(link);
    }
    link.removeAttribute('type');
    link.href = branding.faviconUrl;
  }
}
