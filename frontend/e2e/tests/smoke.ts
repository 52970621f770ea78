/**
 * The page loads with the configured branding, a message gets a streamed
 * reply, and the conversation is in the history after a reload. Checked for
 * accessibility in both themes and at phone width.
 */

import { expectAccessible } from '../axe';
import { assert, defineTest } from '../harness';

export const smoke = defineTest(
  'smoke: greeting streams and survives a reload',
  async ({ baseUrl, page, chat, screenshot, log }) => {
    const branding = (await (await fetch(`${baseUrl}/api/branding`)).json()) as { name: string };

    await chat.goto();
    assert(
      (await chat.brandName.innerText()) === branding.name,
      'the header shows the configured brand name',
    );
    await page.getByTestId('empty-state').waitFor();
    await expectAccessible(page, 'empty state, light');
    await screenshot('1-empty');

    // Capture the raw stream to prove the reply arrived as deltas, not all at once.
    const streamed = page.waitForResponse(
      async (response) =>
        response.url().endsWith('/chatkit') &&
        (response.request().postData() ?? '').includes('"threads.create"'),
    );
    await chat.send('hi');
    const response = await streamed;
    assert(
      (response.headers()['content-type'] ?? '').includes('text/event-stream'),
      'the reply is sent as server-sent events',
    );
    const reply = await chat.waitForReply(1);
    const body = await response.text();
    const deltas = body.match(/"assistant_message\.content_part\.text_delta"/g)?.length ?? 0;
    log(`reply arrived in ${deltas} text deltas: "${reply.slice(0, 60)}…"`);
    assert(deltas > 1, `the reply streamed in pieces (saw ${deltas} deltas)`);
    assert(
      reply.length > 0 && /ReturnDesk/.test(reply),
      `the assistant greets by name (got "${reply}")`,
    );
    assert((await chat.userMessages.count()) === 1, 'the user message is shown once');
    assert(
      (await chat.userMessages.first().innerText()).includes('hi'),
      'the user message shows what was typed',
    );

    await chat.historyItems.first().waitFor();
    const titles = await chat.historyTitles();
    assert(
      titles.length === 1 && titles[0] === 'hi',
      `the new conversation is listed as "hi" (got ${JSON.stringify(titles)})`,
    );
    await expectAccessible(page, 'conversation, light');
    await screenshot('2-conversation-light');

    await chat.reload();
    await chat.waitForReply(1);
    const afterReload = await chat.historyTitles();
    assert(
      afterReload.length === 1 && afterReload[0] === 'hi',
      'the conversation is still listed after a reload',
    );
    assert(
      (await chat.userMessages.count()) === 1,
      'the open conversation is reopened after a reload',
    );
    const active = await page.locator('[data-testid="thread-item"].rd-thread--active').count();
    assert(active === 1, 'the reopened conversation is marked as the current one');

    await chat.toggleTheme();
    assert((await chat.theme()) === 'dark', 'the theme toggle switches to dark');
    await expectAccessible(page, 'conversation, dark');
    await screenshot('3-conversation-dark');

    await page.setViewportSize({ width: 390, height: 844 });
    await chat.toggleTheme();
    await expectAccessible(page, 'conversation, phone width');
    await screenshot('4-phone');
    await chat.openHistory();
    await screenshot('5-phone-history');
    await page.keyboard.press('Escape');
  },
);
