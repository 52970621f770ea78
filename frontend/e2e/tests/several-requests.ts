/**
 * Two requests in one message: the return first, then the new address, with no second
 * verification, and both written.
 */

import { assert, defineTest } from '../harness';
import { RAJ_KOVACS as shopper } from '../shoppers';

export const severalRequests = defineTest(
  'a return and a new address asked for in one message',
  async ({ chat, returnsOf, customerOf }) => {
    await chat.goto();
    await chat.say('hi');
    await chat.verifyByEmail(shopper.email);

    await chat.say(`I want to return the ${shopper.item.name.toLowerCase()} and change my address`);
    assert(
      (await chat.lastReply()).includes('First the return, then the update of your address.'),
      'the assistant says it takes the two requests one after the other',
    );
    await chat.choose('Defective');
    await chat.choose('Refund');
    await chat.choose('Print a prepaid label');
    await chat.choose('Confirm return');
    assert(
      (await chat.lastReply()).includes('Now the update of your address.'),
      'the second request starts once the return is confirmed',
    );

    await chat.fillWidgetField('Street address', '88 Bay Street');
    await chat.fillWidgetField('City', 'Austin');
    await chat.fillWidgetField('State', 'TX');
    await chat.fillWidgetField('ZIP code', '78703');
    await chat.fillWidgetField('Country', 'USA');
    await chat.choose('Use this address');
    await chat.choose('Update my address');

    const returns = await returnsOf(shopper.customerId);
    assert(returns.length === 1, 'one return was made');
    const customer = await customerOf(shopper.customerId);
    assert(
      customer.default_address?.address1 === '88 Bay Street' &&
        customer.default_address.zip === '78703',
      'the new default address is kept',
    );
    assert(!(await chat.lastReply()).includes('Thanks,'), 'nobody was asked to verify again');
  },
);
