import type { CallOptions, ChatKitClient, ThreadItem, ThreadMetadata } from '../protocol';

const PAGE_SIZE = 50;
// A bound, so a server that keeps answering has_more cannot keep the page loading forever.
const MAX_PAGES = 40;

export interface LoadedThread {
  thread: ThreadMetadata;
  items: ThreadItem[];
}

/**
 * A thread with all of its items. `threads.get_by_id` answers with only the
 * oldest page, so the rest is paged in with `items.list` in the same order.
 */
export async function loadThread(
  client: ChatKitClient,
  threadId: string,
  options: CallOptions = {},
): Promise<LoadedThread> {
  const { items: firstPage, ...thread } = await client.getThread(threadId, options);
  const items = [...firstPage.data];
  let page = firstPage;
  for (let pages = 0; page.has_more && page.after && pages < MAX_PAGES; pages += 1) {
    page = await client.listItems(
      threadId,
      { order: 'asc', after: page.after, limit: PAGE_SIZE },
      options,
    );
    items.push(...page.data);
  }
  return { thread, items: dedupe(items) };
}

function dedupe(items: ThreadItem[]): ThreadItem[] {
  const seen = new Set<string>();
  return items.filter((item) => (seen.has(item.id) ? false : (seen.add(item.id), true)));
}
