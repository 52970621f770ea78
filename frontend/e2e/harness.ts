/** What a test case gets, and how it is declared. */

import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ChatPage } from './pages/chat';

export const RESULTS_DIR = resolve(import.meta.dirname, '..', 'test-results');

export interface TestContext {
  baseUrl: string;
  page: Page;
  chat: ChatPage;
  /** Save a full-page screenshot as test-results/<test>-<name>.png. */
  screenshot(name: string): Promise<string>;
  /** A second visitor (own cookie), for tests that need one. */
  newVisitor(): Promise<ChatPage>;
  log(message: string): void;
}

export interface E2ETest {
  name: string;
  run(context: TestContext): Promise<void>;
}

export function defineTest(name: string, run: E2ETest['run']): E2ETest {
  return { name, run };
}

export async function makeContext(
  browser: Browser,
  baseUrl: string,
  testName: string,
): Promise<{ context: TestContext; close(): Promise<void> }> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const contexts: BrowserContext[] = [];
  const open = async () => {
    const browserContext = await browser.newContext({ viewport: { width: 1280, height: 820 } });
    contexts.push(browserContext);
    const page = await browserContext.newPage();
    page.setDefaultTimeout(10_000);
    return page;
  };
  const page = await open();
  const slug = testName.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
  // Screenshots from an earlier run of this test would be mistaken for this one's.
  for (const name of readdirSync(RESULTS_DIR)) {
    if (name.startsWith(`${slug}-`)) rmSync(join(RESULTS_DIR, name));
  }
  const context: TestContext = {
    baseUrl,
    page,
    chat: new ChatPage(page, baseUrl),
    screenshot: async (name) => {
      const path = join(RESULTS_DIR, `${slug}-${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    newVisitor: async () => new ChatPage(await open(), baseUrl),
    log: (message) => console.log(`    ${message}`),
  };
  return {
    context,
    close: async () => {
      for (const browserContext of contexts) await browserContext.close();
    },
  };
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}
