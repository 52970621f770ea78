import type { E2ETest } from '../harness';
import { smoke } from './smoke';

/** Every end-to-end case, run in this order, each in a fresh browser context. */
export const ALL_TESTS: E2ETest[] = [smoke];
