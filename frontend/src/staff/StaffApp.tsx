import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ThemeName } from '../protocol';
import { useTheme } from '../ui/use-theme';
import { StaffApi } from './api';
import { AnalyticsPage } from './pages/AnalyticsPage';
import { CustomerPage } from './pages/CustomerPage';
import { CustomersPage } from './pages/CustomersPage';
import { ConversationPage } from './pages/ConversationPage';
import { HandoffPage } from './pages/HandoffPage';
import { InboxPage } from './pages/InboxPage';
import { QueuePage } from './pages/QueuePage';
import { ReturnPage } from './pages/ReturnPage';
import { TeamPage } from './pages/TeamPage';
import { applyToList } from './handoff-list';
import { StaffLiveProvider } from './live';
import { routeOf, useLocation } from './router';
import { Shell } from './Shell';
import { SignIn } from './SignIn';
import type { StaffSession } from './types';
import { Loading } from './notes';
import { useLiveLoad } from './use-live-load';

export interface StaffAppProps {
  api?: StaffApi;
}

/** The console: sign-in until there is a session, then its pages. */
export function StaffApp({ api: givenApi }: StaffAppProps) {
  const api = useMemo(() => givenApi ?? new StaffApi(), [givenApi]);
  const [session, setSession] = useState<StaffSession | null | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);
  const { theme, toggle } = useTheme();

  useEffect(() => {
    api.session().then(setSession, (error: unknown) => {
      setSession(null);
      setProblem(error instanceof Error ? error.message : String(error));
    });
  }, [api]);

  const signOut = useCallback(() => {
    void api.signOut().finally(() => setSession(null));
  }, [api]);

  if (session === undefined) {
    return <Loading />;
  }
  if (session === null) {
    return <SignIn api={api} problem={problem} onSignedIn={setSession} />;
  }
  // Signed in: one live stream for every page, until signing out.
  return (
    <StaffLiveProvider api={api}>
      <Console
        api={api}
        session={session}
        theme={theme}
        onToggleTheme={toggle}
        onSignOut={signOut}
      />
    </StaffLiveProvider>
  );
}

interface ConsoleProps {
  api: StaffApi;
  session: StaffSession;
  theme: ThemeName;
  onToggleTheme(): void;
  onSignOut(): void;
}

/** The signed-in console: the page the address names, in the header and navigation. */
function Console({ api, session, theme, onToggleTheme, onSignOut }: ConsoleProps) {
  const location = useLocation();
  const waiting = useWaitingCount(api);
  const route = routeOf(location.path);
  let page;
  switch (route.page) {
    case 'inbox':
      page = <InboxPage api={api} query={location.query} />;
      break;
    case 'handoff':
      page = <HandoffPage api={api} handoffId={route.handoffId} session={session} theme={theme} />;
      break;
    case 'queue':
      page = <QueuePage api={api} query={location.query} />;
      break;
    case 'return':
      page = <ReturnPage api={api} rma={route.rma} theme={theme} />;
      break;
    case 'customers':
      page = <CustomersPage api={api} query={location.query} />;
      break;
    case 'customer':
      page = <CustomerPage api={api} customerId={route.customerId} session={session} />;
      break;
    case 'conversation':
      page = <ConversationPage api={api} threadId={route.threadId} theme={theme} />;
      break;
    case 'analytics':
      page = <AnalyticsPage api={api} query={location.query} theme={theme} />;
      break;
    case 'team':
      page = <TeamPage api={api} session={session} />;
      break;
    default:
      page = (
        <section className="rd-staff-page">
          <h1>Page not found</h1>
          <p>There is no console page at this address.</p>
        </section>
      );
  }
  return (
    <Shell
      session={session}
      route={route}
      theme={theme}
      onToggleTheme={onToggleTheme}
      onSignOut={onSignOut}
      waiting={waiting}
    >
      {page}
    </Shell>
  );
}

/** Hand-offs nobody has claimed, kept current; null until known (or when it cannot be). */
function useWaitingCount(api: StaffApi): number | null {
  const active = useLiveLoad(
    () => api.handoffs('active'),
    [api],
    (list, message) => applyToList(list, message, 'active'),
  );
  return active.data?.counts.open ?? null;
}
