/**
 * A whole return typed in plain words, read by the embedded offline model:
 * no card is clicked. The cards still appear, and each is locked once the
 * typed answer has settled it.
 */

import { assert, defineTest } from '../harness';
import { AMELIA_NGUYEN as shopper } from '../shoppers';
import { expectFinishedReturn } from './finished-return';

export const returnByTyping = defineTest('return by typing only', async (context) => {
  const { chat } = context;
  await chat.goto();

  const turns: Array<[said: string, expected: string | RegExp]> = [
    ['hi', /your email/i],
    [`my email is ${shopper.email}`, `Thanks, ${shopper.firstName}`],
    [
      `I want to return the ${shopper.item.name} from ${shopper.orderId}`,
      `You've chosen: ${shopper.item.name}`,
    ],
    ['it stopped working', /make it right/i],
    ['refund please', /send it back/i],
    ["I don't have a printer", /summary/i],
  ];
  for (const [said, expected] of turns) {
    await chat.say(said);
    const reply = await chat.lastReply();
    assert(
      typeof expected === 'string' ? reply.includes(expected) : expected.test(reply),
      `after "${said}" the assistant answers ${String(expected)} (got "${reply}")`,
    );
  }
  const summary = await chat.widgetWithButton('Confirm return').innerText();
  assert(
    summary.includes('QR code') && summary.includes(`$${shopper.item.price}`),
    'the summary shows the QR drop-off and the refund',
  );
  await chat.say('yes');

  await expectFinishedReturn(context, shopper, {
    reason: 'DEFECTIVE',
    resolution: 'REFUND',
    method: 'QR_DROP_OFF',
  });
  assert((await chat.userMessages.count()) === turns.length + 1, 'every step was a typed message');
});
