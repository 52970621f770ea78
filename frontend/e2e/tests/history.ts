/**
 * A finished return is found again after a reload: the history lists it
 * under the title the server gave it, and opening it brings back every card,
 * still locked, with the same return number.
 */

import { expectAccessible } from '../axe';
import { assert, defineTest } from '../harness';
import { AVA_KOVACS as shopper } from '../shoppers';

export const historyReopen = defineTest(
  'history: a finished return is reopened after a reload',
  async ({ page, chat, returnsOf, screenshotConversation }) => {
    await chat.goto();
    await chat.say('hello');
    await chat.say(`I'm ${shopper.firstName} ${shopper.lastName}, zip ${shopper.zip}`);
    await chat.choose('Return or exchange items');
    await chat.pickItems(shopper.orderId, [shopper.item.name]);
    await chat.say('it arrived damaged');
    await chat.choose(/on a new gift card/);
    await chat.say("I'll drop it off at one of your stores");
    await chat.choose('Confirm return');
    const rma = await chat.returnNumber();
    const title = `Return: ${shopper.item.name}`;
    const before = await chat.widgets.count();

    // Another conversation is the open one when the page comes back.
    await chat.newChat();
    await chat.say('hello again');
    await chat.reload();
    await chat.waitIdle();
    assert(
      (await chat.activeHistoryTitle()) === 'hello again',
      'after the reload the latest conversation is the open one',
    );
    await chat.historyEntry(title).waitFor();
    const titles = await chat.historyTitles();
    assert(
      titles.length === 2 && titles.includes(title),
      `the history lists both conversations (got ${JSON.stringify(titles)})`,
    );

    await chat.openFromHistory(title);
    assert((await chat.activeHistoryTitle()) === title, `"${title}" is marked as open`);
    assert(
      (await chat.widgets.count()) === before,
      `every card is back (${await chat.widgets.count()} of ${before})`,
    );
    assert((await chat.returnNumber()) === rma, `the confirmation shows ${rma} again`);
    const reasons = await chat.answeredState(chat.widgetWithButton('Arrived damaged'));
    assert(reasons.enabled === 0, 'the reason card is still locked');
    const method = await chat.answeredState(chat.widgetWithButton('Schedule a pickup'));
    assert(
      method.enabled === 0 && method.chosen.join() === 'Drop it off at one of our stores',
      `the typed method is still marked on its locked card (${JSON.stringify(method)})`,
    );
    const summary = await chat.answeredState(chat.widgetWithButton('Confirm return'));
    assert(
      summary.enabled === 0 && summary.chosen.join() === 'Confirm return',
      'the summary is still locked with "Confirm return" marked',
    );

    const returns = await returnsOf(shopper.customerId);
    assert(
      returns.length === 1 && returns[0]?.rma === rma,
      `the database has exactly one return for ${shopper.customerId}, ${rma} (got ${JSON.stringify(returns.map((r) => r.rma))})`,
    );
    assert(
      returns[0]?.items[0]?.reason_code === 'DAMAGED' &&
        returns[0]?.resolution === 'STORE_CREDIT' &&
        returns[0]?.method === 'STORE_DROP_OFF',
      'the stored return has what was chosen',
    );

    await expectAccessible(page, 'reopened conversation');
    await screenshotConversation('reopened');
  },
);
