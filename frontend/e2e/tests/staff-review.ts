/**
 * The staff console decides a return the chat sent for review: a staff member signs
 * in, finds it in the queue, cannot reject it without a reason, approves it, marks
 * it received and refunded, and the shopper's reopened chat tells them each step.
 */

import { expectAccessible } from '../axe';
import { assert, defineTest } from '../harness';
import { HARPER_KHAN as shopper } from '../shoppers';

export const staffReview = defineTest(
  'staff: a return in review is approved, received and refunded',
  async ({ chat, page, returnsOf, staffConsole, screenshot }) => {
    await chat.goto();
    await chat.startWith('Return');
    await chat.verifyByEmail(shopper.email);
    await chat.pickItems(shopper.orderId, [shopper.item.name]);
    await chat.choose('Defective');
    await chat.choose(/^Refund \$/);
    await chat.choose('Print a prepaid label');
    await chat.choose('Confirm return');
    const rma = await chat.returnNumber();
    const [made] = await returnsOf(shopper.customerId);
    assert(made?.status === 'needs_review', `the return waits for review (${made?.status})`);

    const staff = await staffConsole();
    await staff.signIn();
    await staff.searchQueue(shopper.email);
    const rows = await staff.queue.locator('tbody tr').count();
    assert(rows === 1, `searching the shopper's email finds their one return (${rows})`);
    await expectAccessible(staff.page, 'returns queue');
    await screenshot('queue', staff.page);
    await staff.openReturn(rma);
    assert((await staff.status()) === 'Needs review', 'the return page says it needs review');
    await staff.transcript.getByText('Confirm return').first().waitFor();
    await expectAccessible(staff.page, 'return page');

    // A rejection needs a reason: without one it is refused, and nothing changes.
    const decisions = staff.page.getByRole('group', { name: 'Decisions' });
    await decisions.getByRole('button', { name: 'Reject…' }).click();
    await decisions.getByRole('button', { name: 'Reject return' }).click();
    await decisions.getByRole('alert').waitFor();
    assert((await staff.status()) === 'Needs review', 'rejecting without a reason changes nothing');
    await decisions.getByRole('button', { name: 'Cancel' }).click();

    await staff.decide('Approve');
    await staff.decide('Mark received');
    await staff.decide('Mark refunded');
    assert((await staff.status()) === 'Refunded', 'the return is refunded');
    const timeline = await staff.timeline.innerText();
    assert(
      timeline.includes('Sam Lee') && timeline.includes('Refunded'),
      `the timeline names who moved it (${timeline})`,
    );
    const [settled] = await returnsOf(shopper.customerId);
    assert(settled?.status === 'refunded', `the database agrees (${settled?.status})`);
    await screenshot('return-page', staff.page);
    await staff.toggleTheme();
    await expectAccessible(staff.page, 'return page, other theme');

    await chat.reload();
    await chat.waitIdle();
    const shown = await page.getByTestId('messages').innerText();
    for (const words of ['has been approved', 'received the items', 'is refunded']) {
      assert(shown.includes(words), `the shopper's chat says "${words}"`);
    }
  },
);
