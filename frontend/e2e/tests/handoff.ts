/**
 * Hand-off to a person, shopper and staff member each in a browser context of
 * their own: once on the run's app, and once with each on a process of their
 * own sharing one PostgreSQL database, so that what one process writes must
 * reach the other's live streams through the database.
 */

import { defineTest } from '../harness';
import { startApps } from '../server';
import { customerOf, returnsOf } from '../store';
import { handOffAndBack } from './handoff-flow';

/** The end of a process's log, for a failure's report. */
const LOG_TAIL_CHARS = 3000;

export const handoff = defineTest(
  'hand-off: a person answers the shopper live, then hands back',
  (context) => handOffAndBack(context, context.baseUrl, context.baseUrl),
);

export const handoffAcrossProcesses = defineTest(
  'hand-off: the same with shopper and staff on two processes sharing PostgreSQL',
  async (context) => {
    const group = await startApps(2, 'postgres');
    const [shopperApp, staffApp] = group.apps;
    try {
      if (!shopperApp || !staffApp) throw new Error('two app processes were to start');
      context.log(`shopper's app at ${shopperApp.baseUrl}, staff's at ${staffApp.baseUrl}`);
      await handOffAndBack(
        {
          ...context,
          returnsOf: (customerId) => returnsOf(shopperApp, customerId),
          customerOf: (customerId) => customerOf(shopperApp, customerId),
        },
        shopperApp.baseUrl,
        staffApp.baseUrl,
      );
      // The chat's live stream would hold the shutdown up until cut. After a failure the
      // page stays, for the run's screenshot of it.
      await context.page.goto('about:blank');
    } catch (error) {
      const logs = group.apps
        .map((app, index) => ({ name: `app ${index + 1}`, log: app.log().trim() }))
        .filter(({ log }) => log)
        .map(({ name, log }) => `${name} log:\n${log.slice(-LOG_TAIL_CHARS)}`);
      throw new Error([(error as Error).message, ...logs].join('\n'));
    } finally {
      await group.stop();
    }
  },
);
