/**
 * The staff API over fetch. The session cookie goes along on its own (same origin);
 * every change carries the session's CSRF token, as the server requires.
 */

import { openLiveStream, type LiveStream, type LiveStreamOptions } from '../protocol/live';
import type {
  AnalyticsFigures,
  CustomerOverview,
  CustomerSummary,
  Handoff,
  HandoffDetail,
  HandoffList,
  HandoffView,
  Lockout,
  QueuePage,
  ReturnDetail,
  ReturnStatus,
  StaffMember,
  StaffRole,
  StaffLiveEvents,
  StaffSession,
} from './types';
import type { ThreadItem } from '../protocol';
import { arrived } from './waiting';

export const BASE = '/staff/api';

/** What the team may start for a shopper from a hand-off. */
export type ShopperRequest = 'return' | 'cancellation';

export class StaffApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'StaffApiError';
  }
}

async function errorOf(response: Response): Promise<StaffApiError> {
  let message = `The server answered ${response.status}.`;
  try {
    const body = (await response.json()) as { error?: { message?: string } };
    if (body.error?.message) message = body.error.message;
  } catch {
    // Not JSON (a proxy's page): the status says enough.
  }
  return new StaffApiError(message, response.status);
}

export class StaffApi {
  private csrfToken = '';

  constructor(private readonly fetchImpl: typeof fetch = (...args) => fetch(...args)) {}

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    let response: Response;
    try {
      response = await this.fetchImpl(`${BASE}${path}`, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new StaffApiError('The server cannot be reached. Check the connection.', 0);
    }
    if (!response.ok) throw await errorOf(response);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  private remember(session: StaffSession): StaffSession {
    this.csrfToken = session.csrf_token;
    return session;
  }

  async session(): Promise<StaffSession | null> {
    try {
      return this.remember(await this.request<StaffSession>('GET', '/session'));
    } catch (error) {
      if (error instanceof StaffApiError && error.status === 403) return null;
      throw error;
    }
  }

  async signIn(email: string, password: string): Promise<StaffSession> {
    return this.remember(await this.request<StaffSession>('POST', '/session', { email, password }));
  }

  signOut(): Promise<void> {
    return this.request('DELETE', '/session');
  }

  queue(query: URLSearchParams): Promise<QueuePage> {
    return this.request('GET', `/returns?${query.toString()}`);
  }

  returnDetail(rma: string): Promise<ReturnDetail> {
    return this.request('GET', `/returns/${encodeURIComponent(rma)}`);
  }

  move(rma: string, to: ReturnStatus, note: string | null): Promise<ReturnDetail> {
    return this.request('POST', `/returns/${encodeURIComponent(rma)}/moves`, { to, note });
  }

  customers(q: string): Promise<{ customers: CustomerSummary[] }> {
    return this.request('GET', `/customers?${new URLSearchParams({ q }).toString()}`);
  }

  customer(id: string): Promise<CustomerOverview> {
    return this.request('GET', `/customers/${encodeURIComponent(id)}`);
  }

  conversation(threadId: string): Promise<{ thread_id: string; transcript: ThreadItem[] }> {
    return this.request('GET', `/conversations/${encodeURIComponent(threadId)}`);
  }

  analytics(period: URLSearchParams): Promise<AnalyticsFigures> {
    return this.request('GET', `/analytics?${period.toString()}`);
  }

  lockouts(): Promise<{ lockouts: Lockout[] }> {
    return this.request('GET', '/lockouts');
  }

  liftLockout(key: string): Promise<void> {
    return this.request('POST', '/lockouts/lift', { key });
  }

  staff(): Promise<{ staff: StaffMember[] }> {
    return this.request('GET', '/staff');
  }

  addStaff(member: {
    email: string;
    name: string;
    role: StaffRole;
    password: string;
  }): Promise<StaffMember> {
    return this.request('POST', '/staff', member);
  }

  disableStaff(email: string): Promise<StaffMember> {
    return this.request('POST', `/staff/${encodeURIComponent(email)}/disable`, {});
  }

  // Hand-offs: every one that arrives is noted, so an open one's wait keeps counting.

  async handoffs(view: HandoffView): Promise<HandoffList> {
    const list = await this.request<HandoffList>('GET', `/handoffs?view=${view}`);
    list.handoffs.forEach((handoff) => arrived(handoff));
    // A status nobody is in may be left out of the counts.
    return {
      ...list,
      counts: { open: list.counts?.open ?? 0, claimed: list.counts?.claimed ?? 0 },
    };
  }

  async handoff(id: number): Promise<HandoffDetail> {
    const detail = await this.request<HandoffDetail>('GET', `/handoffs/${id}`);
    arrived(detail.handoff);
    return detail;
  }

  claim(id: number): Promise<Handoff> {
    return this.changeHandoff(id, 'claim');
  }

  async reply(id: number, text: string): Promise<{ handoff: Handoff; item: ThreadItem }> {
    const answer = await this.request<{ handoff: Handoff; item: ThreadItem }>(
      'POST',
      `/handoffs/${id}/reply`,
      { text },
    );
    arrived(answer.handoff);
    return answer;
  }

  handBack(id: number): Promise<Handoff> {
    return this.changeHandoff(id, 'hand-back');
  }

  closeHandoff(id: number, note: string): Promise<Handoff> {
    return this.changeHandoff(id, 'close', { note });
  }

  /** Start a return or a cancellation in the shopper's chat, which they then confirm. */
  startForShopper(id: number, request: ShopperRequest, orderId: string): Promise<Handoff> {
    return this.changeHandoff(id, 'start', { request, order_id: orderId });
  }

  private async changeHandoff(id: number, change: string, body?: unknown): Promise<Handoff> {
    const answer = await this.request<{ handoff: Handoff }>(
      'POST',
      `/handoffs/${id}/${change}`,
      body,
    );
    return arrived(answer.handoff);
  }

  /** The console's live stream: hand-offs opening and changing, and their threads' new items. */
  live(options: Omit<LiveStreamOptions<StaffLiveEvents>, 'url' | 'fetch'>): LiveStream {
    return openLiveStream<StaffLiveEvents>({
      ...options,
      url: `${BASE}/live`,
      fetch: this.fetchImpl,
    });
  }
}
