import { useCallback, useMemo } from 'react';
import type { WidgetHost } from '../widgets/host';
import type { Chat } from './use-chat';

/** A WidgetHost per widget item, wired to the chat's action runner and busy state. */
export function useWidgetHosts(chat: Chat): (itemId: string) => WidgetHost {
  const { runAction, pendingAction, state } = chat;
  const locked = state.phase !== 'idle';
  const allowedImageDomains = state.thread?.allowed_image_domains ?? null;
  const cache = useMemo(
    () => new Map<string, WidgetHost>(),
    [runAction, pendingAction, locked, allowedImageDomains],
  );
  return useCallback(
    (itemId: string) => {
      let host = cache.get(itemId);
      if (!host) {
        const mine = pendingAction?.itemId === itemId ? pendingAction : null;
        host = {
          itemId,
          dispatch: (request) => runAction(itemId, request),
          locked,
          busySourceId: mine?.sourceId ?? null,
          busyScope: mine?.scope ?? null,
          allowedImageDomains,
        };
        cache.set(itemId, host);
      }
      return host;
    },
    [cache, runAction, pendingAction, locked, allowedImageDomains],
  );
}
