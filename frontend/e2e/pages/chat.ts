/** The chat page, as tests use it: by data-testid, never by styling. */

import type { Locator, Page } from 'playwright-core';

const REPLY_TIMEOUT_MS = 15_000;

export class ChatPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async goto(): Promise<void> {
    await this.page.goto(this.baseUrl);
    await this.app.waitFor();
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.app.waitFor();
  }

  get app(): Locator {
    return this.page.getByTestId('app');
  }

  get brandName(): Locator {
    return this.page.getByTestId('brand-name');
  }

  get input(): Locator {
    return this.page.getByTestId('composer-input');
  }

  get userMessages(): Locator {
    return this.page.getByTestId('message-user');
  }

  get assistantMessages(): Locator {
    return this.page.getByTestId('message-assistant');
  }

  get widgets(): Locator {
    return this.page.getByTestId('message-widget');
  }

  get historyItems(): Locator {
    return this.page.getByTestId('thread-item');
  }

  get errorBanner(): Locator {
    return this.page.getByTestId('error-banner');
  }

  /** Type a message and send it with Enter, as a keyboard user would. */
  async send(text: string): Promise<void> {
    await this.input.click();
    await this.input.fill(text);
    await this.input.press('Enter');
  }

  /** Wait until the n-th assistant message (1-based) has finished streaming; returns its text. */
  async waitForReply(count = 1): Promise<string> {
    const message = this.assistantMessages.nth(count - 1);
    await message.waitFor({ timeout: REPLY_TIMEOUT_MS });
    await this.page.waitForFunction(
      (index) => {
        const messages = document.querySelectorAll('[data-testid="message-assistant"]');
        return messages[index]?.getAttribute('data-streaming') === 'false';
      },
      count - 1,
      { timeout: REPLY_TIMEOUT_MS },
    );
    await this.waitIdle();
    return (await message.getByTestId('assistant-text').innerText()).trim();
  }

  /** Wait until nothing is streaming (the Send button is back). */
  async waitIdle(): Promise<void> {
    await this.page.getByTestId('composer-send').waitFor({ timeout: REPLY_TIMEOUT_MS });
  }

  /** Click a widget button by its label, inside the latest widget. */
  async clickWidgetButton(label: string): Promise<void> {
    await this.widgets.last().getByRole('button', { name: label }).click();
  }

  /** Fill a field of the latest widget by its label. */
  async fillWidgetField(label: string, value: string): Promise<void> {
    await this.widgets.last().getByLabel(label).fill(value);
  }

  async newChat(): Promise<void> {
    await this.page.getByTestId('new-chat-header').click();
  }

  async toggleTheme(): Promise<void> {
    await this.page.getByTestId('theme-toggle').click();
  }

  async theme(): Promise<string | null> {
    return this.page.evaluate(() => document.documentElement.getAttribute('data-theme'));
  }

  /** On narrow screens the history is a drawer; open it if it is closed. */
  async openHistory(): Promise<void> {
    const toggle = this.page.getByTestId('sidebar-toggle');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await this.page.getByTestId('thread-history').waitFor({ state: 'visible' });
  }

  async historyTitles(): Promise<string[]> {
    return this.page.getByTestId('thread-open').locator('.rd-thread__title').allInnerTexts();
  }
}
