import type { ThemeName } from '../../protocol';
import type { StaffApi } from '../api';
import { Transcript } from '../Transcript';
import { useLoad } from '../use-load';
import { ErrorNote } from '../notes';

export interface ConversationPageProps {
  api: StaffApi;
  threadId: string;
  theme: ThemeName;
}

export function ConversationPage({ api, threadId, theme }: ConversationPageProps) {
  const loaded = useLoad(() => api.conversation(threadId), [api, threadId]);
  return (
    <section className="rd-staff-page" aria-labelledby="conversation-title">
      <h1 id="conversation-title">Conversation</h1>
      <p className="rd-staff-muted rd-mono">{threadId}</p>
      <ErrorNote message={loaded.error} />
      {loaded.data ? <Transcript items={loaded.data.transcript} theme={theme} /> : null}
    </section>
  );
}
