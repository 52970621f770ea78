/** Everything that can go wrong talking to the ChatKit endpoint, as one error type. */

export type ChatKitErrorKind =
  /** The server answered 4xx/5xx, usually with `{"error": {"code", "message"}}`. */
  | 'http'
  /** The request never got an answer (offline, server down, CORS). */
  | 'network'
  /** The answer was not what the protocol promises. */
  | 'protocol';

export class ChatKitError extends Error {
  readonly kind: ChatKitErrorKind;
  readonly code: string;
  readonly status: number | null;
  readonly allowRetry: boolean;

  constructor(
    kind: ChatKitErrorKind,
    code: string,
    message: string,
    options: { status?: number | null; allowRetry?: boolean; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'ChatKitError';
    this.kind = kind;
    this.code = code;
    this.status = options.status ?? null;
    this.allowRetry = options.allowRetry ?? kind !== 'http';
  }
}

const FALLBACK_BY_STATUS: Record<number, string> = {
  400: 'That request could not be understood.',
  401: 'Please sign in again.',
  403: "You don't have access to that.",
  404: 'That conversation could not be found.',
  409: 'That changed in the meantime. Please try again.',
  413: 'That message is too long.',
  429: 'Too many requests. Please wait a moment and try again.',
};

interface ErrorBody {
  error?: { code?: unknown; message?: unknown };
}

/** Turn a non-2xx response into a ChatKitError with the server's own message when it gave one. */
export async function errorFromResponse(response: Response): Promise<ChatKitError> {
  let code = 'http_error';
  let message: string | null = null;
  try {
    const body = (await response.json()) as ErrorBody;
    if (body && typeof body === 'object' && body.error) {
      if (typeof body.error.code === 'string') code = body.error.code;
      if (typeof body.error.message === 'string' && body.error.message.trim()) {
        message = body.error.message;
      }
    }
  } catch {
    // Not JSON (a proxy's error page, say): fall back to a message by status.
  }
  const fallback =
    FALLBACK_BY_STATUS[response.status] ??
    (response.status >= 500
      ? 'Something went wrong on our side. Please try again.'
      : `The request failed (${response.status}).`);
  return new ChatKitError('http', code, message ?? fallback, {
    status: response.status,
    allowRetry: response.status >= 500 || response.status === 429,
  });
}

export function isAbortError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'name' in error &&
    (error as { name: unknown }).name === 'AbortError'
  );
}
