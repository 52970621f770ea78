import { useEffect, useRef } from 'react';
import type { ThreadItem } from '../protocol';
import type { ChatState } from '../thread/state';
import { useAnnounce } from '../ui/Announcer';
import { widgetPlainText } from '../widgets/plain-text';
import { assistantText } from './items/AssistantMessage';

const MAX_SPOKEN = 400;

/**
 * Read each answer aloud once it has finished arriving. The message list is
 * not a live region: a screen reader would otherwise repeat a reply at every
 * delta, and read a whole conversation again when it is reopened.
 *
 * A person's reply is a card (it names them) that arrives on its own, so a
 * card pushed through the thread's live stream is read as well; cards that
 * answer the shopper's own turn are not (they follow a spoken reply).
 */
export function useReplyAnnouncements(state: ChatState, speaker: string): void {
  const announce = useAnnounce();
  const spoken = useRef(new Set<string>());
  useEffect(() => {
    for (const id of state.liveItemIds) {
      if (spoken.current.has(id) || state.activeItemIds.includes(id)) continue;
      const item = state.items.find((entry) => entry.id === id);
      const said = item ? spokenText(item, state.pushedItemIds.includes(id)) : null;
      if (said === null) continue;
      spoken.current.add(id);
      const text = said.text.replace(/[*_`#>]/g, '').trim();
      if (!text) continue;
      const short = text.length > MAX_SPOKEN ? `${text.slice(0, MAX_SPOKEN)}…` : text;
      // A card names its author itself; the assistant's words are introduced.
      announce(said.byAssistant ? `${speaker}: ${short}` : short);
    }
  }, [state.liveItemIds, state.activeItemIds, state.pushedItemIds, state.items, speaker, announce]);
}

function spokenText(
  item: ThreadItem,
  pushed: boolean,
): { text: string; byAssistant: boolean } | null {
  if (item.type === 'assistant_message') return { text: assistantText(item), byAssistant: true };
  if (item.type === 'widget' && pushed) {
    return { text: item.copy_text || widgetPlainText(item.widget), byAssistant: false };
  }
  return null;
}
