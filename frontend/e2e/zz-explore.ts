import { launchBrowser } from './browser';
import { startApp } from './server';

async function main() {
  const app = await startApp();
  const browser = await launchBrowser();
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 820 } })).newPage();
  const t0 = Date.now();
  const dump = async (tag: string) => {
    await page.waitForFunction(() => document.querySelector('[data-testid=app]')?.getAttribute('data-phase') === 'idle');
    const msgs = await page.locator('[data-testid^=message-]').allInnerTexts();
    console.log(`--- ${tag} (${Date.now() - t0} ms)\n${msgs.slice(-3).join('\n~~\n')}`);
  };
  const act = async (tag: string, fn: () => Promise<void>) => {
    const resp = page.waitForResponse((r) => r.url().endsWith('/chatkit') && /threads\.(create|add_user_message|custom_action)/.test(r.request().postData() ?? ''));
    await fn();
    await (await resp).finished();
    await dump(tag);
  };
  await page.goto(app.baseUrl);
  await page.getByTestId('app').waitFor();
  const send = async (text: string) => act(text, async () => { await page.getByTestId('composer-input').fill(text); await page.getByTestId('composer-input').press('Enter'); });
  const click = async (label: string | RegExp) => act(String(label), async () => { await page.getByTestId('message-widget').last().getByRole('button', { name: label }).click(); });
  const mode = process.argv[2];
  if (mode === 'click') {
    await send('hi');
    await page.getByTestId('message-widget').last().getByLabel('Email').fill('liam.lee9297@example.com');
    await click('Verify me');
    await click('Return or exchange items');
    console.log(await page.getByTestId('message-widget').last().innerHTML());
    await page.getByTestId('message-widget').last().getByLabel(/Tea Kettle/).check();
    await click(/Return selected items from #W9710999/);
    await click('Defective');
    await click(/^Refund/);
    await click(/Print a prepaid label/);
    await click('Confirm return');
  } else {
    await send('my email is amelia.nguyen3376@example.com');
    await send('I want to return the Luggage Set from #W9324386');
    await send('it stopped working');
    await send('refund please');
    await send("I don't have a printer");
    await send('yes');
  }
  await page.screenshot({ path: `/tmp/explore/${mode}.png`, fullPage: true });
  await browser.close();
  await app.stop();
}
main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
