/**
 * A shopper asks for a person and a staff member answers them, each on a page
 * of their own, neither ever reloading: the hand-off arrives in the Inbox, the
 * claim puts a banner and a "has joined" message in the chat, the reply comes
 * as a card, the shopper's answer reaches the staff page and not the
 * assistant, and once handed back the shopper finishes a return by clicks.
 */

import type { Page } from 'playwright-core';
import { expectAccessible } from '../axe';
import { assert, type TestContext } from '../harness';
import { ChatPage } from '../pages/chat';
import { STAFF } from '../server';
import { MIA_SILVA as shopper } from '../shoppers';
import { expectFinishedReturn } from './finished-return';

const SHOPPER_NAME = `${shopper.firstName} ${shopper.lastName}`;

/** Whether a live stream's answer has started: it is open from then on. */
function isStream(path: string) {
  return (response: { url(): string; ok(): boolean }) =>
    new URL(response.url()).pathname === path && response.ok();
}

/** Counts full loads of the page from now on; what arrives live must not need one. */
function countLoads(page: Page): () => number {
  let loads = 0;
  page.on('load', () => (loads += 1));
  return () => loads;
}

/**
 * The whole hand-off, the shopper on the app at `shopperUrl` (in the context's
 * page) and the staff member on the one at `staffUrl`: the same app, or
 * another process on the same database. The context's database reads must be
 * of that database.
 */
export async function handOffAndBack(
  context: TestContext,
  shopperUrl: string,
  staffUrl: string,
): Promise<void> {
  const { page, screenshot, screenshotConversation, staffConsole } = context;
  const chat = new ChatPage(page, shopperUrl);
  const staff = await staffConsole(staffUrl);
  // The run watches the shopper's page for errors; this one is watched here.
  const staffErrors: string[] = [];
  staff.page.on('pageerror', (error) => staffErrors.push(error.message));
  try {
    // The staff member waits on the Inbox, its live stream open, before anyone asks.
    const staffLive = staff.page.waitForResponse(isStream('/staff/api/live'));
    await staff.signIn();
    await staffLive;
    await staff.openInbox();
    const before = await staff.inboxTally();

    const shopperLive = page.waitForResponse(isStream('/chatkit/live'));
    await chat.goto();
    await chat.say('hi');
    await shopperLive;
    await chat.verifyByEmail(shopper.email);
    const verified = await chat.lastReply();
    assert(
      verified.includes(`Thanks, ${shopper.firstName}`),
      `the shopper is verified (${verified})`,
    );
    const shopperLoads = countLoads(page);
    const staffLoads = countLoads(staff.page);

    await chat.say("I'd like to talk to a person");
    await chat.widgetWithText("I've asked a person to follow up").waitFor();

    // The Inbox shows it as it happens: a new waiting row, and one more waiting in both counts.
    const waiting = before.open + 1;
    await staff.inboxRow(SHOPPER_NAME).filter({ hasText: 'Waiting' }).waitFor();
    await staff.inboxCounts.filter({ hasText: `${waiting} waiting · ` }).waitFor();
    await staff.waitingBadge.getByText(`${waiting} waiting`, { exact: true }).waitFor();
    await expectAccessible(staff.page, 'inbox with a new hand-off');
    await screenshot('inbox', staff.page);

    await staff.openHandoff(SHOPPER_NAME);
    await staff.page.getByRole('button', { name: 'Claim', exact: true }).click();
    const replyBox = staff.page.getByRole('textbox', { name: 'Reply to the shopper' });
    await replyBox.waitFor();

    // The shopper learns who has them, unasked.
    await chat.personBanner
      .getByText(`${STAFF.name} from our team is handling this conversation.`, { exact: true })
      .waitFor();
    await chat.assistantMessages
      .filter({ hasText: `${STAFF.name} from our team has joined the conversation` })
      .waitFor();

    const reply = `Hi ${shopper.firstName}, I'm ${STAFF.name}. What happened to your ${shopper.item.name}?`;
    await replyBox.fill(reply);
    await staff.page.getByRole('button', { name: 'Send', exact: true }).click();
    await staff.transcript.getByText(reply).waitFor();
    await chat.widgets
      .filter({ hasText: `${STAFF.name} · Store team` })
      .filter({ hasText: reply })
      .waitFor();

    // The shopper's answer goes to the staff member; the assistant keeps quiet.
    const assistantSaid = await chat.assistantMessages.count();
    const answer = `The sole of one of the ${shopper.item.name} came off after two days.`;
    await chat.act(() => chat.send(answer));
    await staff.transcript.getByText(answer).waitFor();
    const assistantSays = await chat.assistantMessages.count();
    assert(
      assistantSays === assistantSaid,
      `the assistant does not answer while a person has the chat (${assistantSaid} then ${assistantSays} messages)`,
    );
    await expectAccessible(page, 'chat with a person');
    await screenshotConversation('with-a-person');
    await expectAccessible(staff.page, 'hand-off page');
    await screenshot('handoff-page', staff.page);

    await staff.page.getByRole('button', { name: 'Hand back to assistant' }).click();
    await staff.page.getByText('Handed back: the assistant answers the shopper again.').waitFor();
    await chat.personBanner.filter({ hasText: /\S/ }).waitFor({ state: 'detached' });
    await chat.assistantMessages
      .filter({ hasText: `${STAFF.name} handed the conversation back to me` })
      .waitFor();
    assert(shopperLoads() === 0, `the chat never reloaded (${shopperLoads()} loads)`);
    assert(staffLoads() === 0, `the staff page never reloaded (${staffLoads()} loads)`);

    // Back with the assistant: the hand-off card's menu starts a return, done by clicks.
    await chat.choose('Return or exchange items');
    await chat.pickItems(shopper.orderId, [shopper.item.name]);
    await chat.choose('Defective');
    await chat.choose(new RegExp(`^Refund \\$${shopper.item.price.replace('.', '\\.')} to `));
    await chat.choose('Print a prepaid label');
    await chat.choose('Confirm return');
    await expectFinishedReturn({ ...context, chat }, shopper, {
      reason: 'DEFECTIVE',
      resolution: 'REFUND',
      method: 'PREPAID_LABEL',
    });
    assert(staffErrors.length === 0, `the staff page threw: ${staffErrors.join('; ')}`);
  } catch (error) {
    // The run saves the shopper's page as it failed; the staff member's is this one.
    await screenshot('failure-staff', staff.page).catch(() => undefined);
    throw error;
  } finally {
    // Its live stream would hold the app's shutdown up.
    await staff.page.close();
  }
}
