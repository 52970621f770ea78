import { useEffect, useRef } from 'react';
import type { ChatState } from '../thread/state';
import { useAnnounce } from '../ui/Announcer';
import { assistantText } from './items/AssistantMessage';

const MAX_SPOKEN = 400;

/**
 * Read each answer aloud once it has finished arriving. The message list is
 * not a live region: a screen reader would otherwise repeat a reply at every
 * delta, and read a whole conversation again when it is reopened.
 */
export function useReplyAnnouncements(state: ChatState, speaker: string): void {
  const announce = useAnnounce();
  const spoken = useRef(new Set<string>());
  useEffect(() => {
    for (const id of state.liveItemIds) {
      if (spoken.current.has(id) || state.activeItemIds.includes(id)) continue;
      const item = state.items.find((entry) => entry.id === id);
      if (item?.type !== 'assistant_message') continue;
      spoken.current.add(id);
      const text = assistantText(item)
        .replace(/[*_`#>]/g, '')
        .trim();
      if (!text) continue;
      announce(`${speaker}: ${text.length > MAX_SPOKEN ? `${text.slice(0, MAX_SPOKEN)}…` : text}`);
    }
  }, [state.liveItemIds, state.activeItemIds, state.items, speaker, announce]);
}
