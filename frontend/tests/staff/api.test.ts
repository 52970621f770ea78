import { describe, expect, it, vi } from 'vitest';
import { StaffApi, StaffApiError } from '../../src/staff/api';

const SESSION = { email: 'sam@example.com', name: 'Sam Lee', role: 'agent', csrf_token: 'tok-1' };

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

describe('the staff API client', () => {
  it('sends the session token with every change, and never with a read', async () => {
    const fetchImpl = vi.fn(async (url: RequestInfo | URL, _init?: RequestInit) => {
      if (String(url).endsWith('/session')) return json(SESSION);
      return json({ rma: 'R-1', moves: [] });
    });
    const api = new StaffApi(fetchImpl as typeof fetch);

    await api.signIn('sam@example.com', 'a long password here');
    await api.returnDetail('R-1');
    await api.move('R-1', 'approved', null);

    const headers = fetchImpl.mock.calls.map(
      ([, init]) => (init?.headers ?? {}) as Record<string, string>,
    );
    expect(headers[1]?.['x-csrf-token']).toBeUndefined();
    expect(headers[2]?.['x-csrf-token']).toBe('tok-1');
    expect(JSON.parse(String(fetchImpl.mock.calls[2]?.[1]?.body))).toEqual({
      to: 'approved',
      note: null,
    });
  });

  it('reads "no session" as signed out, and any other failure as the server said it', async () => {
    const api = new StaffApi(
      vi.fn(async (url: RequestInfo | URL) =>
        String(url).endsWith('/session')
          ? json({ error: { code: 'forbidden', message: 'Please sign in.' } }, 403)
          : json({ error: { code: 'not_allowed', message: 'It cannot become refunded.' } }, 422),
      ) as typeof fetch,
    );

    expect(await api.session()).toBeNull();
    const failure = await api.move('R-1', 'refunded', null).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StaffApiError);
    expect((failure as StaffApiError).status).toBe(422);
    expect((failure as StaffApiError).message).toBe('It cannot become refunded.');
  });

  it('says the server cannot be reached when the network fails', async () => {
    const api = new StaffApi(
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }) as typeof fetch,
    );
    await expect(api.lockouts()).rejects.toThrow('cannot be reached');
  });
});
