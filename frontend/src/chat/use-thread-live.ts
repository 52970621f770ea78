/**
 * While a conversation is open, follow what others add to it: a person from
 * the store's team taking over, their replies, a return's news. The stream
 * ends when another conversation opens (or none), and with the page.
 */

import { useEffect, type Dispatch } from 'react';
import type { ChatKitClient } from '../protocol';
import type { ChatAction } from '../thread/state';

export function useThreadLive(
  client: ChatKitClient,
  threadId: string | null,
  dispatch: Dispatch<ChatAction>,
): void {
  useEffect(() => {
    if (!threadId) return;
    const live = client.live(threadId, {
      on: {
        person: ({ name }) => dispatch({ type: 'person', name: name ?? null }),
        item: ({ item }) => dispatch({ type: 'pushed-item', item }),
      },
      // Not the shopper's to act on: a thread that is not theirs (404) simply has no
      // live news, and a server without the stream leaves the chat as it was.
    });
    return () => live.close();
  }, [client, threadId, dispatch]);
}
