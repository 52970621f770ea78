import { ChatKitError } from '../protocol';
import type { ErrorView } from '../thread/state';

export function errorView(error: unknown): ErrorView {
  if (error instanceof ChatKitError) {
    return { code: error.code, message: error.message, allowRetry: error.allowRetry };
  }
  return {
    code: 'unexpected',
    message: 'Something went wrong. Please try again.',
    allowRetry: true,
  };
}
