/** URLs from widget JSON, checked before they reach an attribute. */

const SAFE_IMAGE = /^(?:https?:\/\/|\/(?!\/)|data:image\/(?:png|jpe?g|gif|webp|avif);)/i;

export function safeImageSrc(src: string | undefined | null): string | null {
  if (typeof src !== 'string') return null;
  const trimmed = src.trim();
  return SAFE_IMAGE.test(trimmed) ? trimmed : null;
}

/** A thread may restrict image hosts; relative and inline images are always the app's own. */
export function imageAllowed(src: string, allowedDomains: readonly string[] | null): boolean {
  if (!allowedDomains || !/^https?:\/\//i.test(src)) return true;
  let host: string;
  try {
    host = new URL(src).hostname.toLowerCase();
  } catch {
    return false;
  }
  return allowedDomains.some((domain) => {
    const wanted = domain.toLowerCase().replace(/^\*\./, '');
    return host === wanted || host.endsWith(`.${wanted}`);
  });
}
