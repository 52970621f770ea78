/**
 * Typing and clicking by turns, each step answered the other way from the
 * one before: the conversation accepts either at every card.
 */

import { assert, defineTest } from '../harness';
import { YUSUF_GARCIA as shopper } from '../shoppers';
import { expectFinishedReturn } from './finished-return';

export const returnMixed = defineTest('return by typing and clicking in turns', async (context) => {
  const { chat } = context;
  await chat.goto();

  await chat.say('hi');
  await chat.verifyByName(shopper.firstName, shopper.lastName, shopper.zip);
  assert(
    (await chat.lastReply()).includes(`Thanks, ${shopper.firstName}`),
    'the shopper is verified by name and ZIP code',
  );

  await chat.say('I need to return something');
  await chat.pickItems(shopper.orderId, [shopper.item.name]);

  await chat.say('changed my mind');
  const offer = chat.widgetWithButton('No thanks');
  await chat.choose('No thanks');
  assert((await chat.answeredState(offer)).enabled === 0, 'the declined offer is locked');

  await chat.say('store credit please');
  assert(
    (await chat.lastReply()).includes('or on a new gift card?'),
    'store credit without a destination asks where it should go',
  );
  await chat.say('on a new gift card');
  await chat.choose('Schedule a pickup');
  const summary = await chat.widgetWithButton('Confirm return').innerText();
  assert(
    summary.includes(shopper.item.name) && /store credit|gift card/i.test(summary),
    'the summary shows the item and the store credit',
  );
  await chat.say('yes');

  await expectFinishedReturn(context, shopper, {
    reason: 'UNWANTED',
    resolution: 'STORE_CREDIT',
    method: 'SCHEDULE_PICKUP',
  });
  assert((await chat.userMessages.count()) === 6, 'six of the ten steps were typed');
});
