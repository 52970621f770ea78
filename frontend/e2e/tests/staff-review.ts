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
    // From the keyboard alone: the next decision is reached with Tab and made with Enter.
    await staff.decideByKeyboard('Mark received');
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

    // The dashboard over the seeded past: charts drawn, numbers behind each, CSV to download.
    await staff.page.getByRole('link', { name: 'Analytics' }).click();
    await staff.page.getByRole('button', { name: 'Last 90 days' }).click();
    await staff.page.waitForURL(/from=/);
    const tiles = await staff.page.getByTestId('analytics-tiles').innerText();
    assert(/Returns\s+\d{3,}/.test(tiles), `the dashboard counts the past's returns (${tiles})`);
    const charts = staff.page.locator('[data-chart] canvas');
    assert((await charts.count()) === 6, 'six charts are drawn');
    await staff.page.waitForFunction(() =>
      Array.from(document.querySelectorAll('[data-chart] canvas')).every(
        (canvas) => (canvas as HTMLCanvasElement).width > 0,
      ),
    );
    const reasons = staff.page.locator('[data-chart="by_reason"]');
    await reasons.getByText('Show the numbers').click();
    assert(
      (await reasons.locator('tbody tr').count()) >= 5,
      'the reasons chart has its numbers as a table',
    );
    const href = await reasons.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
    const csv = await staff.page.request.get(new URL(String(href), staff.baseUrl).href);
    assert(
      csv.ok() && (await csv.text()).startsWith('reason,returns,share'),
      'the reasons table downloads as CSV',
    );
    await expectAccessible(staff.page, 'dashboard');
    await screenshot('dashboard', staff.page);

    // On a phone the console still fits: the page never scrolls sideways, tables do.
    await staff.page.setViewportSize({ width: 390, height: 844 });
    await staff.searchQueue(shopper.email);
    const overflow = await staff.page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const wider = Array.from(document.querySelectorAll('body *'))
        .filter((element) => element.getBoundingClientRect().right > width + 0.5)
        .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
      return { by: document.documentElement.scrollWidth - width, wider: wider.slice(0, 3) };
    });
    assert(
      overflow.by <= 0,
      `the narrow page does not scroll sideways (${overflow.by} px: ${overflow.wider.join(', ')})`,
    );
    await expectAccessible(staff.page, 'queue on a phone');
    await screenshot('queue-phone', staff.page);

    await chat.reload();
    await chat.waitIdle();
    const shown = await page.getByTestId('messages').innerText();
    for (const words of ['has been approved', 'received the items', 'is refunded']) {
      assert(shown.includes(words), `the shopper's chat says "${words}"`);
    }
  },
);
