import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useBranding } from '../branding/use-branding';
import { Banners } from '../chat/components/BannerStack';
import { Composer, type ComposerHandle } from '../chat/components/Composer';
import { EmptyState } from '../chat/components/EmptyState';
import { Header } from '../chat/components/Header';
import { HistorySidebar } from '../chat/components/HistorySidebar';
import { MessageList } from '../chat/components/MessageList';
import { PersonBanner } from '../chat/components/PersonBanner';
import { localThreadMemory, type ThreadMemory } from '../chat/thread-memory';
import { useChat } from '../chat/use-chat';
import { useReplyAnnouncements } from '../chat/use-reply-announcements';
import { useThreadHistory } from '../chat/use-thread-history';
import { useWidgetHosts } from '../chat/use-widget-hosts';
import { ChatKitClient } from '../protocol';
import { AnnouncerProvider } from '../ui/Announcer';
import { useFocusRecovery } from '../ui/use-focus-recovery';
import { useMediaQuery } from '../ui/use-media-query';
import { useTheme } from '../ui/use-theme';

export interface AppProps {
  client?: ChatKitClient;
  memory?: ThreadMemory;
  fetchImpl?: typeof fetch;
  /** Embedded mode: the store's token for its logged-in customer, sent with every request. */
  customerToken?: string | null;
}

const WIDE = '(min-width: 900px)';

export function App(props: AppProps) {
  return (
    <AnnouncerProvider>
      <ChatApp {...props} />
    </AnnouncerProvider>
  );
}

function ChatApp({
  client: givenClient,
  memory: givenMemory,
  fetchImpl,
  customerToken = null,
}: AppProps) {
  const client = useMemo(
    () =>
      givenClient ??
      new ChatKitClient({ customerToken, ...(fetchImpl ? { fetch: fetchImpl } : {}) }),
    [givenClient, fetchImpl, customerToken],
  );
  const memory = useMemo(() => givenMemory ?? localThreadMemory(), [givenMemory]);
  const branding = useBranding(fetchImpl);
  const { theme, toggle } = useTheme();
  const history = useThreadHistory(client);
  const chat = useChat({ client, memory, onThreadChanged: history.upsert });
  const widgetHost = useWidgetHosts(chat);
  useReplyAnnouncements(chat.state, branding.name);
  const composer = useRef<ComposerHandle>(null);
  const wide = useMediaQuery(WIDE);
  const [sidebarOpen, setSidebarOpen] = useState(wide);

  // Beside the chat on wide screens, a drawer on narrow ones: crossing over resets it.
  useEffect(() => setSidebarOpen(wide), [wide]);

  const closeDrawer = useCallback(() => {
    if (!wide) setSidebarOpen(false);
  }, [wide]);

  const newChat = useCallback(() => {
    chat.newChat();
    closeDrawer();
    composer.current?.focus();
  }, [chat, closeDrawer]);

  const { state } = chat;
  const streaming = state.phase === 'streaming';
  useFocusRecovery(state.phase !== 'idle', composer);
  const status = state.thread?.status;
  const disabledReason =
    status && status.type !== 'active'
      ? (status.reason ??
        (status.type === 'closed'
          ? 'This conversation is closed.'
          : 'This conversation is locked.'))
      : null;

  return (
    <div className="rd-app" data-testid="app" data-phase={state.phase}>
      <a className="rd-skip" href="#rd-composer-input">
        Skip to message box
      </a>
      <HistorySidebar
        history={history}
        activeId={state.thread?.id ?? null}
        open={sidebarOpen}
        onClose={() => setSidebarOpen(false)}
        onOpen={(threadId) => {
          closeDrawer();
          if (threadId !== state.thread?.id) void chat.openThread(threadId);
        }}
        onNewChat={newChat}
        onDeleted={(threadId) => {
          if (threadId === state.thread?.id) chat.newChat();
        }}
      />
      <div className="rd-main">
        <Header
          branding={branding}
          theme={theme}
          sidebarOpen={sidebarOpen}
          onToggleTheme={toggle}
          onToggleSidebar={() => setSidebarOpen((open) => !open)}
          onNewChat={newChat}
        />
        <main className="rd-chat" aria-label={state.thread?.title?.trim() || 'Conversation'}>
          <MessageList
            state={state}
            theme={theme}
            logoUrl={branding.logoUrl}
            widgetHost={widgetHost}
            onFeedback={(itemId, kind) => void chat.feedback([itemId], kind)}
            onRetry={(userItemId) => void chat.retry(userItemId)}
            empty={
              <EmptyState
                branding={branding}
                disabled={streaming}
                onPrompt={(text) => void chat.send(text)}
              />
            }
            footer={<Banners chat={chat} />}
          />
          <div className="rd-composer-wrap">
            <PersonBanner name={state.person} />
            <Composer
              ref={composer}
              brandName={branding.name}
              streaming={streaming}
              loading={state.phase === 'loading'}
              canStop={state.allowCancel}
              disabledReason={disabledReason}
              onSend={chat.send}
              onStop={chat.stop}
            />
            <p className="rd-disclaimer">
              Answers are generated automatically. Check important details.
            </p>
          </div>
        </main>
      </div>
    </div>
  );
}
