/**
 * Embedded mode: the store's site opens the page as
 * `/#customer_token=<signed token>` for its logged-in customer. The token is
 * in the fragment so it never reaches a server log; it is kept for this tab
 * in sessionStorage (a reload keeps it, closing the tab forgets it), taken
 * out of the address bar, and sent as `X-Customer-Token` on every /chatkit
 * call.
 */

export const TOKEN_PARAM = 'customer_token';
export const TOKEN_STORAGE_KEY = 'returndesk.customerToken';

/**
 * The token from the address (removing it from there) or else the one kept
 * for this tab; null when there is none. An empty `#customer_token=` forgets
 * the kept one.
 */
export function takeCustomerToken(win: Window = window): string | null {
  const fragment = new URLSearchParams(win.location.hash.replace(/^#/, ''));
  const given = fragment.get(TOKEN_PARAM);
  if (given === null) return readKept(win);

  fragment.delete(TOKEN_PARAM);
  const rest = fragment.toString();
  const { pathname, search } = win.location;
  // Replace, not push: Back must not bring the token back into the address bar.
  win.history.replaceState(win.history.state, '', `${pathname}${search}${rest ? `#${rest}` : ''}`);

  const token = given.trim() || null;
  keep(win, token);
  return token;
}

function readKept(win: Window): string | null {
  try {
    return win.sessionStorage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    // Storage can be off (a sandboxed frame, strict privacy settings).
    return null;
  }
}

function keep(win: Window, token: string | null): void {
  try {
    if (token) win.sessionStorage.setItem(TOKEN_STORAGE_KEY, token);
    else win.sessionStorage.removeItem(TOKEN_STORAGE_KEY);
  } catch {
    // Without storage the token lasts as long as the page does.
  }
}
