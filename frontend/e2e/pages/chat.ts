/** The chat page, as tests use it: by data-testid and accessible names, never by styling. */

import type { Locator, Page, Response } from 'playwright-core';

const REPLY_TIMEOUT_MS = 15_000;

/** The requests whose answer streams: a turn of the conversation. */
const STREAMING_REQUEST =
  /"type":"threads\.(create|add_user_message|custom_action|retry_after_item)"/;

/** Return numbers look like R-7K3QX9M2 (in text content, the next element's text may follow). */
export const RETURN_NUMBER = /\bR-[0-9A-Z]{8}/;

export class ChatPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async goto(path = '/'): Promise<void> {
    await this.page.goto(new URL(path, this.baseUrl).href);
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

  /** Above the message box: who from the store's team handles the conversation (empty: nobody). */
  get personBanner(): Locator {
    return this.page.getByTestId('person-banner');
  }

  get historyItems(): Locator {
    return this.page.getByTestId('thread-item');
  }

  get errorBanner(): Locator {
    return this.page.getByTestId('error-banner');
  }

  /** Start a conversation by clicking one of the empty screen's suggestions. */
  async startWith(label: string): Promise<void> {
    const prompt = this.page
      .getByTestId('starter-prompt')
      .and(this.page.getByRole('button', { name: new RegExp(`^${label} `) }));
    await this.act(() => prompt.click());
  }

  /** Type a message and send it with Enter, as a keyboard user would. */
  async send(text: string): Promise<void> {
    await this.input.focus();
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

  /** Wait until nothing is streaming or loading (`data-phase` of the app is `idle`). */
  async waitIdle(): Promise<void> {
    await this.page
      .locator('[data-testid="app"][data-phase="idle"]')
      .waitFor({ timeout: REPLY_TIMEOUT_MS });
  }

  /**
   * Do something that starts a turn (send, click, submit) and wait until its
   * reply has streamed in full and the page is idle again. Fails on an error banner.
   */
  async act(trigger: () => Promise<void>): Promise<void> {
    const answered = this.page.waitForResponse(
      (response: Response) =>
        response.url().endsWith('/chatkit') &&
        STREAMING_REQUEST.test(response.request().postData() ?? ''),
      { timeout: REPLY_TIMEOUT_MS },
    );
    // If the trigger fails first, its error is the one to report, not this wait's.
    answered.catch(() => undefined);
    await trigger();
    const response = await answered;
    const failure = await response.finished();
    if (failure) throw new Error(`the reply stream broke off: ${failure.message}`);
    // The page was streaming since before the request went out, so idle now means done.
    await this.waitIdle();
    if (await this.errorBanner.isVisible()) {
      throw new Error(`the page shows an error: ${(await this.errorBanner.innerText()).trim()}`);
    }
  }

  /** Send a message and wait for the whole reply. */
  async say(text: string): Promise<void> {
    await this.act(() => this.send(text));
  }

  /** The newest widget that has this button (answered cards keep theirs, disabled). */
  widgetWithButton(label: string | RegExp): Locator {
    return this.widgets.filter({ has: this.page.getByRole('button', { name: label }) }).last();
  }

  /** The newest widget that shows this text. */
  widgetWithText(text: string | RegExp): Locator {
    return this.widgets.filter({ hasText: text }).last();
  }

  /** Click a widget button by its label, inside the latest widget. */
  async clickWidgetButton(label: string | RegExp): Promise<void> {
    await this.widgets.last().getByRole('button', { name: label }).click();
  }

  /** Click a button of the newest widget that has it, and wait for the reply. */
  async choose(label: string | RegExp): Promise<void> {
    const button = this.widgetWithButton(label).getByRole('button', { name: label });
    await this.act(() => button.click());
  }

  /** Fill a field of the latest widget by its label. */
  async fillWidgetField(label: string, value: string): Promise<void> {
    await this.widgets.last().getByLabel(label).fill(value);
  }

  /** The verification card, filled in with an email and submitted. */
  async verifyByEmail(email: string): Promise<void> {
    const card = this.widgetWithButton('Verify me');
    await card.getByLabel('Email').fill(email);
    await this.act(() => card.getByRole('button', { name: 'Verify me' }).click());
  }

  /** The verification card, filled in with first name, last name and ZIP code and submitted. */
  async verifyByName(firstName: string, lastName: string, zip: string): Promise<void> {
    const card = this.widgetWithButton('Verify me');
    await card.getByLabel('First name').fill(firstName);
    await card.getByLabel('Last name').fill(lastName);
    await card.getByLabel('ZIP code').fill(zip);
    await this.act(() => card.getByRole('button', { name: 'Verify me' }).click());
  }

  /** In the item picker, tick these items of one order and submit that order's form. */
  async pickItems(orderId: string, itemNames: string[]): Promise<void> {
    const submit = `Return selected items from ${orderId}`;
    const form = this.widgetWithButton(submit)
      .getByTestId('widget-form')
      .filter({ has: this.page.getByRole('button', { name: submit }) });
    for (const name of itemNames) {
      await form.getByRole('checkbox', { name: `Return ${name}`, exact: true }).check();
    }
    await this.act(() => form.getByRole('button', { name: submit }).click());
  }

  /** Text of the newest assistant message. */
  async lastReply(): Promise<string> {
    return (await this.assistantMessages.last().getByTestId('assistant-text').innerText()).trim();
  }

  /** The return number the newest widget that shows one shows. */
  async returnNumber(): Promise<string> {
    const text = await this.widgetWithText(RETURN_NUMBER).innerText();
    const match = RETURN_NUMBER.exec(text);
    if (!match) throw new Error('no return number on the page');
    return match[0];
  }

  /** How an answered card looks to a test: its buttons, and which one is marked as chosen. */
  async answeredState(
    widget: Locator,
  ): Promise<{ enabled: number; disabled: number; chosen: string[] }> {
    const buttons = widget.getByTestId('widget-button');
    let enabled = 0;
    let disabled = 0;
    const chosen: string[] = [];
    for (const button of await buttons.all()) {
      if (await button.isDisabled()) disabled += 1;
      else enabled += 1;
      if ((await button.locator('svg[data-icon="check"]').count()) > 0) {
        // The label alone: the button's text also holds its hidden ", chosen" for screen readers.
        chosen.push((await button.locator('.rd-btn__label').innerText()).trim());
      }
    }
    return { enabled, disabled, chosen };
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

  /** The history entry of the conversation with this title. */
  historyEntry(title: string | RegExp): Locator {
    return this.page.getByTestId('thread-open').filter({ hasText: title });
  }

  /** Open a conversation from the history and wait until its items are in. */
  async openFromHistory(title: string | RegExp): Promise<void> {
    await this.openHistory();
    const loaded = this.page.waitForResponse(
      (response) =>
        response.url().endsWith('/chatkit') &&
        (response.request().postData() ?? '').includes('"threads.get_by_id"'),
      { timeout: REPLY_TIMEOUT_MS },
    );
    loaded.catch(() => undefined);
    await this.historyEntry(title).click();
    await loaded;
    // Later pages, if any, arrive with items.list while the page is still loading.
    await this.waitIdle();
  }

  /** The title of the conversation marked as open in the history. */
  async activeHistoryTitle(): Promise<string | null> {
    const active = this.page.locator('[data-testid="thread-open"][aria-current="page"]');
    if ((await active.count()) !== 1) return null;
    return (await active.locator('.rd-thread__title').innerText()).trim();
  }
}
