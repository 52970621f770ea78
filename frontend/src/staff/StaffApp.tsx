import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTheme } from '../ui/use-theme';
import { StaffApi } from './api';
import { AnalyticsPage } from './pages/AnalyticsPage';
import { CustomerPage } from './pages/CustomerPage';
import { CustomersPage } from './pages/CustomersPage';
import { ConversationPage } from './pages/ConversationPage';
import { QueuePage } from './pages/QueuePage';
import { ReturnPage } from './pages/ReturnPage';
import { TeamPage } from './pages/TeamPage';
import { routeOf, useLocation } from './router';
import { Shell } from './Shell';
import { SignIn } from './SignIn';
import type { StaffSession } from './types';
import { Loading } from './notes';

export interface StaffAppProps {
  api?: StaffApi;
}

/** The console: sign-in until there is a session, then its pages. */
export function StaffApp({ api: givenApi }: StaffAppProps) {
  const api = useMemo(() => givenApi ?? new StaffApi(), [givenApi]);
  const [session, setSession] = useState<StaffSession | null | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);
  const { theme, toggle } = useTheme();
  const location = useLocation();

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

  const route = routeOf(location.path);
  let page;
  switch (route.page) {
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
    <Shell session={session} route={route} theme={theme} onToggleTheme={toggle} onSignOut={signOut}>
      {page}
    </Shell>
  );
}
