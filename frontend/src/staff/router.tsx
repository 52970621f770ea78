/**
 * The console's few pages live under /staff: a route is the path, filters are the
 * query string, so the back button and a pasted link both work. A handful of
 * routes does not justify a routing library; this is the History API and a hook.
 */

import { useEffect, useState, type AnchorHTMLAttributes, type MouseEvent } from 'react';

const CHANGED = 'returndesk:navigate';

export interface Location {
  path: string;
  query: URLSearchParams;
}

function current(): Location {
  return { path: window.location.pathname, query: new URLSearchParams(window.location.search) };
}

export function navigate(to: string, { replace = false } = {}): void {
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(CHANGED));
}

export function useLocation(): Location {
  const [location, setLocation] = useState(current);
  useEffect(() => {
    const update = () => setLocation(current());
    window.addEventListener('popstate', update);
    window.addEventListener(CHANGED, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(CHANGED, update);
    };
  }, []);
  return location;
}

export type Route =
  | { page: 'inbox' }
  | { page: 'handoff'; handoffId: number }
  | { page: 'queue' }
  | { page: 'return'; rma: string }
  | { page: 'customers' }
  | { page: 'customer'; customerId: string }
  | { page: 'conversation'; threadId: string }
  | { page: 'analytics' }
  | { page: 'team' }
  | { page: 'not-found' };

export function routeOf(path: string): Route {
  const parts = path.replace(/\/+$/, '').split('/').slice(2).map(decodeURIComponent);
  const [first, second] = parts;
  if (parts.length === 0 || (first === 'returns' && parts.length === 1)) return { page: 'queue' };
  if (first === 'returns' && second && parts.length === 2) return { page: 'return', rma: second };
  if (first === 'inbox' && parts.length === 1) return { page: 'inbox' };
  if (first === 'inbox' && second && /^\d+$/.test(second) && parts.length === 2)
    return { page: 'handoff', handoffId: Number(second) };
  if (first === 'customers' && parts.length === 1) return { page: 'customers' };
  if (first === 'customers' && second && parts.length === 2)
    return { page: 'customer', customerId: second };
  if (first === 'conversations' && second && parts.length === 2)
    return { page: 'conversation', threadId: second };
  if (first === 'analytics' && parts.length === 1) return { page: 'analytics' };
  if (first === 'team' && parts.length === 1) return { page: 'team' };
  return { page: 'not-found' };
}

export const paths = {
  inbox: (view?: 'active' | 'closed') => `/staff/inbox${view === 'closed' ? '?view=closed' : ''}`,
  handoff: (id: number) => `/staff/inbox/${id}`,
  queue: (query?: URLSearchParams) => `/staff/returns${query?.size ? `?${query}` : ''}`,
  return: (rma: string) => `/staff/returns/${encodeURIComponent(rma)}`,
  customers: (q?: string) => `/staff/customers${q ? `?${new URLSearchParams({ q })}` : ''}`,
  customer: (id: string) => `/staff/customers/${encodeURIComponent(id)}`,
  conversation: (id: string) => `/staff/conversations/${encodeURIComponent(id)}`,
  analytics: (query?: URLSearchParams) => `/staff/analytics${query?.size ? `?${query}` : ''}`,
  team: () => '/staff/team',
};

export interface LinkProps extends AnchorHTMLAttributes<HTMLAnchorElement> {
  to: string;
}

/** An ordinary link (open in a new tab works) that stays in the page on a plain click. */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    const modified = event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
    if (event.defaultPrevented || event.button !== 0 || modified) return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={follow} {...rest} />;
}
