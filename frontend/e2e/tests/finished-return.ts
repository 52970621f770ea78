/** What every return case checks once the shopper has confirmed: page, database, accessibility. */

import { expectAccessible } from '../axe';
import { assert, type TestContext } from '../harness';
import type { DemoShopper } from '../shoppers';

export interface ExpectedReturn {
  reason: string;
  resolution: string;
  method: string;
}

/**
 * The confirmation card shows a return number; every earlier card is locked;
 * the database holds exactly one return for the shopper, with that number and
 * what was chosen; axe finds nothing serious; a screenshot of the whole
 * conversation is saved. Returns the return number.
 */
export async function expectFinishedReturn(
  { page, chat, returnsOf, screenshotConversation, log }: TestContext,
  shopper: DemoShopper,
  expected: ExpectedReturn,
): Promise<string> {
  const confirmation = chat.widgetWithText('Return confirmed');
  await confirmation.waitFor();
  const rma = await chat.returnNumber();
  assert(
    (await confirmation.innerText()).includes(rma),
    'the return number is on the confirmation card',
  );

  const widgets = await chat.widgets.all();
  assert(widgets.length >= 2, `the conversation has its cards (saw ${widgets.length})`);
  for (const [index, widget] of widgets.slice(0, -1).entries()) {
    const { enabled } = await chat.answeredState(widget);
    assert(
      enabled === 0,
      `answered card ${index + 1} is locked (${enabled} buttons still enabled)`,
    );
  }

  const returns = await returnsOf(shopper.customerId);
  assert(
    returns.length === 1,
    `the database has exactly one return for ${shopper.customerId} (found ${returns.length})`,
  );
  const [stored] = returns;
  assert(stored, 'the return is stored');
  assert(stored.rma === rma, `the stored return is ${rma} (got ${stored.rma})`);
  assert(stored.order_id === shopper.orderId, `the return is of ${shopper.orderId}`);
  assert(
    stored.items.length === 1 && stored.items[0]?.item_id === shopper.item.id,
    `the return holds the ${shopper.item.name} only`,
  );
  assert(
    stored.items[0]?.reason_code === expected.reason,
    `the reason is ${expected.reason} (got ${stored.items[0]?.reason_code})`,
  );
  assert(
    stored.resolution === expected.resolution,
    `the resolution is ${expected.resolution} (got ${stored.resolution})`,
  );
  assert(
    stored.method === expected.method,
    `the method is ${expected.method} (got ${stored.method})`,
  );
  log(`${rma}: ${stored.resolution} $${stored.refund_amount}, ${stored.method}, ${stored.status}`);

  await expectAccessible(page, 'finished return');
  await screenshotConversation('finished');
  return rma;
}
