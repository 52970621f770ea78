/**
 * Embedded mode: the store's site opens the page with its customer's signed
 * token in the fragment. The token leaves the address bar at once, survives a
 * reload in sessionStorage, and goes out as X-Customer-Token with every
 * /chatkit call, so the server greets the customer by name without asking
 * who they are.
 */

import { expectAccessible } from '../axe';
import { assert, defineTest } from '../harness';
import { DAIKI_JOHNSON as shopper } from '../shoppers';

export const embedded = defineTest(
  'embedded: a customer token in the address verifies the shopper',
  async ({ page, chat, customerToken, returnsOf, screenshotConversation }) => {
    const token = customerToken(shopper.customerId);
    const sentTokens: Array<string | undefined> = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/chatkit')) {
        sentTokens.push(request.headers()['x-customer-token']);
      }
    });

    await chat.goto(`/#customer_token=${token}`);
    assert(!page.url().includes(token), `the token is gone from the address (${page.url()})`);
    const kept = await page.evaluate(() =>
      window.sessionStorage.getItem('returndesk.customerToken'),
    );
    assert(kept === token, 'the token is kept for the tab');

    await chat.say('hi');
    const greeting = await chat.lastReply();
    assert(
      greeting.startsWith(`Hi, ${shopper.firstName}!`),
      `the shopper is greeted by name, unasked (got "${greeting}")`,
    );
    await chat.widgetWithButton('Return or exchange items').waitFor();
    assert(
      (await chat.widgets.filter({ hasText: "Let's find your account" }).count()) === 0,
      'no verification form is shown',
    );

    await chat.reload();
    await chat.waitIdle();
    assert(!page.url().includes(token), 'the address stays clean after a reload');
    await chat.say('where is my order?');

    assert(sentTokens.length >= 4, `the page called /chatkit (${sentTokens.length} calls)`);
    assert(
      sentTokens.every((sent) => sent === token),
      'every /chatkit call, before and after the reload, carried the token',
    );
    assert(
      (await returnsOf(shopper.customerId)).length === 0,
      'nothing was returned for the shopper',
    );

    await expectAccessible(page, 'embedded conversation');
    await screenshotConversation('verified');
  },
);
