/** The staff console, as tests use it: by roles, labels and data-testid, never by styling. */

import type { Locator, Page } from 'playwright-core';
import { STAFF } from '../server';

export class StaffPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async signIn(): Promise<void> {
    await this.page.goto(new URL('/staff', this.baseUrl).href);
    await this.page.getByLabel('Email').fill(STAFF.email);
    await this.page.getByLabel('Password').fill(STAFF.password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
    await this.page.getByTestId('staff-name').waitFor();
  }

  get queue(): Locator {
    return this.page.getByTestId('queue');
  }

  /** Search the returns queue and wait for the table to show the answer. */
  async searchQueue(text: string): Promise<void> {
    await this.page.getByRole('link', { name: 'Returns', exact: true }).click();
    await this.page.getByRole('searchbox', { name: 'Search' }).fill(text);
    await this.page.getByRole('button', { name: 'Apply' }).click();
    // The table is replaced once the answer arrives: wait until every row is one it found.
    await this.page.waitForFunction((wanted) => {
      const rows = Array.from(document.querySelectorAll('[data-testid="queue"] tbody tr'));
      return (
        rows.length > 0 &&
        rows.every((row) => (row.textContent ?? '').toLowerCase().includes(wanted.toLowerCase()))
      );
    }, text);
  }

  async openReturn(rma: string): Promise<void> {
    await this.queue.getByRole('link', { name: rma }).click();
    await this.page.getByRole('heading', { level: 1, name: rma }).waitFor();
  }

  status(): Promise<string> {
    return this.page.locator('.rd-staff-page__head [data-status]').innerText();
  }

  /** Click a decision and wait until the page says the move was made. */
  async decide(label: string): Promise<void> {
    const before = await this.status();
    await this.page
      .getByRole('group', { name: 'Decisions' })
      .getByRole('button', { name: label })
      .click();
    await this.page
      .locator('.rd-staff-page__head [data-status]')
      .filter({ hasNotText: before })
      .waitFor();
  }

  /** Tab to a decision's button and press Enter, as someone without a mouse would. */
  async decideByKeyboard(label: string): Promise<void> {
    const before = await this.status();
    const target = this.page
      .getByRole('group', { name: 'Decisions' })
      .getByRole('button', { name: label });
    await this.page.getByRole('heading', { level: 1 }).click();
    for (let presses = 0; presses < 40; presses += 1) {
      await this.page.keyboard.press('Tab');
      if (await target.evaluate((button) => button === document.activeElement)) break;
    }
    await this.page.keyboard.press('Enter');
    await this.page
      .locator('.rd-staff-page__head [data-status]')
      .filter({ hasNotText: before })
      .waitFor();
  }

  /** The Inbox, from the console's navigation; resolves once its list and counts are in. */
  async openInbox(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Console' })
      .getByRole('link', { name: 'Inbox', exact: true })
      .click();
    await this.page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
    await this.inboxCounts.waitFor();
  }

  get inbox(): Locator {
    return this.page.getByTestId('inbox');
  }

  /** The Inbox heading's "N waiting · M claimed". */
  get inboxCounts(): Locator {
    return this.page.getByTestId('inbox-counts');
  }

  /** Beside the Inbox link on every page: how many wait for someone (empty when none). */
  get waitingBadge(): Locator {
    return this.page.getByTestId('waiting-count');
  }

  /** How many hand-offs wait and how many are claimed, as the Inbox heading says. */
  async inboxTally(): Promise<{ open: number; claimed: number }> {
    const text = await this.inboxCounts.innerText();
    const match = /(\d+) waiting · (\d+) claimed/.exec(text);
    if (!match) throw new Error(`the Inbox counts read "${text}"`);
    return { open: Number(match[1]), claimed: Number(match[2]) };
  }

  /** The Inbox row of this shopper's hand-off. */
  inboxRow(shopperName: string): Locator {
    return this.inbox
      .locator('tbody tr')
      .filter({ has: this.page.getByRole('link', { name: shopperName, exact: true }) });
  }

  /** Open a shopper's hand-off from the Inbox. */
  async openHandoff(shopperName: string): Promise<void> {
    await this.inboxRow(shopperName).getByRole('link', { name: shopperName, exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name: `Hand-off: ${shopperName}` }).waitFor();
  }

  get timeline(): Locator {
    return this.page.getByTestId('timeline');
  }

  get transcript(): Locator {
    return this.page.getByTestId('transcript');
  }

  async toggleTheme(): Promise<void> {
    await this.page.getByRole('button', { name: /Switch to (dark|light) theme/ }).click();
  }
}
