/**
 * End-to-end run: start the real app, drive Debian's Chromium through each
 * test case, write screenshots to the repository's test-results/, print a
 * summary line.
 *
 *   npm run e2e                 build the UI, then run every case
 *   npx tsx e2e/run.ts smoke    run the cases whose name contains "smoke"
 */

import { launchBrowser } from './browser';
import { makeContext, RESULTS_DIR } from './harness';
import { startApp } from './server';
import { ALL_TESTS } from './tests';

async function main(): Promise<number> {
  const filter = process.argv[2]?.toLowerCase();
  const tests = ALL_TESTS.filter((test) => !filter || test.name.toLowerCase().includes(filter));
  if (tests.length === 0) {
    console.error(`no e2e test matches "${filter}"`);
    return 1;
  }

  const runStarted = Date.now();
  const app = await startApp();
  console.log(`app at ${app.baseUrl}`);
  const browser = await launchBrowser().catch(async (error: unknown) => {
    await app.stop();
    throw error;
  });

  let passed = 0;
  let failed = 0;
  try {
    for (const test of tests) {
      const started = Date.now();
      const { context, close } = await makeContext(browser, app, test.name);
      const consoleErrors: string[] = [];
      context.page.on('pageerror', (error) => consoleErrors.push(error.message));
      context.page.on('console', (message) => {
        // A policy violation means part of the page silently did not run.
        if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
          consoleErrors.push(message.text());
        }
      });
      try {
        await test.run(context);
        if (consoleErrors.length > 0)
          throw new Error(`the page threw: ${consoleErrors.join('; ')}`);
        passed += 1;
        console.log(`  ✓ ${test.name} (${Date.now() - started} ms)`);
      } catch (error) {
        failed += 1;
        const shot = await context.screenshot('failure').catch(() => null);
        console.log(`  ✗ ${test.name}\n    ${(error as Error).message.replace(/\n/g, '\n    ')}`);
        if (shot) console.log(`    screenshot: ${shot}`);
      } finally {
        await close();
      }
    }
  } finally {
    await browser.close();
    await app.stop();
  }
  if (failed > 0) console.log(`server log:\n${app.log().slice(-4000)}`);
  console.log(`\nscreenshots in ${RESULTS_DIR}`);
  console.log(`whole run ${((Date.now() - runStarted) / 1000).toFixed(1)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
