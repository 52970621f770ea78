/**
 * A whole return without typing a word: a suggestion starts the conversation,
 * then every step is a card (verification form, item picker, reason,
 * resolution, method, summary). Each card is locked once answered, with the
 * choice marked.
 */

import { assert, defineTest } from '../harness';
import { LIAM_LEE as shopper } from '../shoppers';
import { expectFinishedReturn } from './finished-return';

export const returnByClicks = defineTest('return by clicks only', async (context) => {
  const { chat, page } = context;
  await chat.goto();
  await page.getByTestId('empty-state').waitFor();

  await chat.startWith('Return');
  await chat.verifyByEmail(shopper.email);
  const verified = await chat.lastReply();
  assert(
    verified.includes(`Thanks, ${shopper.firstName}`),
    'the shopper is verified by the email form',
  );
  // The request the suggestion made is kept through verification: no menu in between.
  assert(
    verified.includes('Which items would you like to return?'),
    `the return asked for before verifying goes ahead (${verified})`,
  );

  await chat.pickItems(shopper.orderId, [shopper.item.name]);

  await chat.choose('Defective');
  const reasons = chat.widgetWithButton('Defective');
  const reasonCard = await chat.answeredState(reasons);
  assert(
    reasonCard.enabled === 0 && reasonCard.chosen.join() === 'Defective',
    `the reason card is locked with "Defective" marked (${JSON.stringify(reasonCard)})`,
  );

  await chat.choose(new RegExp(`^Refund \\$${shopper.item.price.replace('.', '\\.')} to `));
  await chat.choose('Print a prepaid label');
  const summary = chat.widgetWithButton('Confirm return');
  const summaryText = await summary.innerText();
  assert(
    summaryText.includes(shopper.item.name) && summaryText.includes(`$${shopper.item.price}`),
    'the summary names the item and its price',
  );
  await chat.choose('Confirm return');

  await expectFinishedReturn(context, shopper, {
    reason: 'DEFECTIVE',
    resolution: 'REFUND',
    method: 'PREPAID_LABEL',
  });
  assert(
    (await chat.userMessages.count()) === 1,
    'the only message the shopper sent is the suggestion that started it',
  );
});
