/** What a test case gets, and how it is declared. */

import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ChatPage } from './pages/chat';
import { StaffPage } from './pages/staff';
import { REPO_ROOT, type RunningApp } from './server';
import { customerOf, returnsOf, type StoredCustomer, type StoredReturn } from './store';

/** The repository's top-level test-results/ (git-ignored), whichever folder the run starts in. */
export const RESULTS_DIR = join(REPO_ROOT, 'test-results');

export interface TestContext {
  baseUrl: string;
  page: Page;
  chat: ChatPage;
  /** Save a full-page screenshot as test-results/<test>-<name>.png (of `page` unless given). */
  screenshot(name: string, of?: Page): Promise<string>;
  /** Like `screenshot`, with the window made tall enough to show the whole conversation. */
  screenshotConversation(name: string): Promise<string>;
  /** The customer's returns in the app's database, newest first. */
  returnsOf(customerId: string): Promise<StoredReturn[]>;
  /** The customer as the app's database holds them now. */
  customerOf(customerId: string): Promise<StoredCustomer>;
  /** A token the store's site would sign for this customer (embedded mode). */
  customerToken(customerId: string): string;
  /** A second visitor (own cookie), for tests that need one; of another app if given its URL. */
  newVisitor(baseUrl?: string): Promise<ChatPage>;
  /** The staff console in a browser context of its own, not signed in yet (of `baseUrl` if given). */
  staffConsole(baseUrl?: string): Promise<StaffPage>;
  log(message: string): void;
}

export interface E2ETest {
  name: string;
  run(context: TestContext): Promise<void>;
}

export function defineTest(name: string, run: E2ETest['run']): E2ETest {
  return { name, run };
}

/** Tallest window a conversation screenshot grows to. */
const MAX_SCREENSHOT_HEIGHT = 8000;

export async function makeContext(
  browser: Browser,
  app: RunningApp,
  testName: string,
): Promise<{ context: TestContext; close(): Promise<void> }> {
  const { baseUrl } = app;
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
  const screenshot = async (name: string, of: Page = page) => {
    const path = join(RESULTS_DIR, `${slug}-${name}.png`);
    await of.screenshot({ path, fullPage: true });
    return path;
  };
  const context: TestContext = {
    baseUrl,
    page,
    chat: new ChatPage(page, baseUrl),
    screenshot,
    screenshotConversation: async (name) => {
      // The messages scroll inside the page, so a full-page shot alone shows only the end.
      const viewport = page.viewportSize() ?? { width: 1280, height: 820 };
      const hidden = await page
        .getByTestId('messages')
        .evaluate((messages) => {
          const scroller = messages.parentElement ?? messages;
          return scroller.scrollHeight - scroller.clientHeight;
        })
        .catch(() => 0);
      if (hidden <= 0) return screenshot(name);
      await page.setViewportSize({
        width: viewport.width,
        height: Math.min(viewport.height + hidden, MAX_SCREENSHOT_HEIGHT),
      });
      try {
        return await screenshot(name);
      } finally {
        await page.setViewportSize(viewport);
      }
    },
    returnsOf: (customerId) => returnsOf(app, customerId),
    customerOf: (customerId) => customerOf(app, customerId),
    customerToken: (customerId) => app.customerToken(customerId),
    newVisitor: async (url = baseUrl) => new ChatPage(await open(), url),
    staffConsole: async (url = baseUrl) => new StaffPage(await open(), url),
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
