import type { E2ETest } from '../harness';
import { embedded } from './embedded';
import { handoff, handoffAcrossProcesses } from './handoff';
import { historyReopen } from './history';
import { returnByClicks } from './return-by-clicks';
import { returnByTyping } from './return-by-typing';
import { returnMixed } from './return-mixed';
import { severalRequests } from './several-requests';
import { smoke } from './smoke';
import { staffReview } from './staff-review';

/** Every end-to-end case, run in this order, each in a fresh browser context. */
export const ALL_TESTS: E2ETest[] = [
  smoke,
  returnByClicks,
  returnByTyping,
  returnMixed,
  severalRequests,
  historyReopen,
  embedded,
  staffReview,
  handoff,
  handoffAcrossProcesses,
];
