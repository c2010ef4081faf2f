// Two agents on duty in Chromium: Sam at a desktop, Alex on a phone. Pages arrive and ring (a
// tone and a notification through the service worker), the title counts what nobody has taken,
// Alex acknowledges on the phone and Sam sees it live, Alex adds a note, an escalation rings
// again, and a desk that cannot be reached says so. Screenshots of both in English and Urdu.
//
// Usage: node desk-duty.mjs URL SHOTS_DIR
// It prints "STEP <name>" and waits for a line on standard input when the test must act (raise
// a page, escalate it); it prints "ok <what>" for each thing seen, and throws on any failure.
import { chromium } from 'playwright-core';
import { createInterface } from 'node:readline';

const [url, shots] = process.argv.slice(2);
const input = createInterface({ input: process.stdin });
const lines = input[Symbol.asyncIterator]();
const step = async (name) => { console.log(`STEP ${name}`); await lines.next(); };
const ok = (what) => console.log(`ok ${what}`);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--autoplay-policy=no-user-gesture-required',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

async function agent(name, password, options) {
  const context = await browser.newContext(options);
  await context.grantPermissions(['notifications'], { origin: url });
  const page = await context.newPage();
  await page.goto(url);
  await page.fill('input[name=name]', name);
  await page.fill('input[name=password]', password);
  await page.click('button');
  await page.waitForSelector('#live');
  // The service worker that shows notifications is ready.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  return { context, page };
}

const rings = (page) => page.evaluate(() => Number(document.body.dataset.rings || 0));
const notifications = (page) => page.evaluate(async () => {
  const reg = await navigator.serviceWorker.ready;
  return (await reg.getNotifications()).map(n => n.title + ' | ' + n.body);
});
const waitFor = async (what, fn, timeout = 10000) => {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting for ' + what);
    await new Promise(r => setTimeout(r, 100));
  }
};

try {
  const sam = await agent('Sam', 'correct horse', { viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const alex = await agent('Alex', 'battery staple', {
    viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2,
    locale: 'en-US',
  });
  // Alerts turned on once (the tone needs the agent's tap on some browsers).
  await sam.page.click('#alerts');
  await waitFor('alerts on', async () => (await sam.page.textContent('#alerts')) === 'Alerts on');
  ok('alerts on');
  const title = await sam.page.title();

  await step('want-page');
  const card = sam.page.locator('[data-incident$="-61"]');
  await card.waitFor({ timeout: 10000 });
  await waitFor('a ring at Sam', async () => (await rings(sam.page)) >= 1);
  await waitFor('a ring at Alex', async () => (await rings(alex.page)) >= 1);
  ok('rang');
  await waitFor('the title counts it', async () => (await sam.page.title()) === '(1) ' + title);
  ok('title counts');
  const shown = await waitFor('a notification', async () => {
    const n = await notifications(sam.page);
    return n.find(t => t.startsWith('New request at kiosk LHE-T1-K07')) ? n : null;
  });
  ok('notified ' + JSON.stringify(shown));
  const phoneShown = await waitFor('a notification on the phone', async () => {
    const n = await notifications(alex.page);
    return n.length ? n : null;
  });
  ok('phone notified ' + JSON.stringify(phoneShown));

  // Alex takes it on the phone; Sam sees it at once, and nothing rings for that.
  const before = await rings(sam.page);
  await alex.page.locator('[data-incident$="-61"]').getByRole('button', { name: 'Acknowledge' }).tap();
  await sam.page.locator('[data-incident$="-61"]', { hasText: 'Alex is on the way' }).waitFor({ timeout: 10000 });
  await waitFor('the title clears', async () => (await sam.page.title()) === title);
  if ((await rings(sam.page)) !== before) throw new Error('an acknowledgement rang');
  ok('live acknowledgement');

  // Alex writes a note from the phone; it is on Sam's timeline.
  const phoneCard = alex.page.locator('[data-incident$="-61"]');
  await phoneCard.locator('summary').tap();
  await phoneCard.locator('input[name=text]').fill('Wheelchair needed at gate 12');
  await phoneCard.getByRole('button', { name: 'Add note' }).tap();
  await sam.page.locator('[data-incident$="-61"] ol.timeline', { hasText: 'Wheelchair needed at gate 12' }).waitFor({ state: 'attached', timeout: 10000 });
  ok('note');

  // Another page, then its escalation: each rings.
  await step('want-second-page');
  await sam.page.locator('[data-incident$="-62"]').waitFor({ timeout: 10000 });
  const second = await waitFor('the second ring', async () => {
    const r = await rings(sam.page);
    return r >= before + 1 ? r : null;
  });
  await step('want-escalation');
  await sam.page.locator('[data-incident$="-62"][data-escalated="1"]').waitFor({ timeout: 10000 });
  await waitFor('the escalation rings', async () => (await rings(sam.page)) >= second + 1);
  await waitFor('an escalation notification', async () =>
    (await notifications(sam.page)).find(t => t.startsWith('Escalated: kiosk LHE-T1-K07')));
  ok('escalation rang');

  // An unaccompanied minor and a drill, for the screenshots.
  await step('want-more');
  await sam.page.locator('[data-incident$="-63"]').waitFor({ timeout: 10000 });
  await sam.page.locator('.card.drill').waitFor({ timeout: 10000 });
  await alex.page.locator('.card.drill').waitFor({ timeout: 10000 });
  if (shots) {
    await sam.page.screenshot({ path: `${shots}/desk-desktop-en.png`, fullPage: true });
    await alex.page.screenshot({ path: `${shots}/desk-phone-en.png`, fullPage: true });
  }

  // The desk cannot be reached: the page says so instead of looking live.
  await sam.context.setOffline(true);
  await sam.page.locator('#offline').waitFor({ state: 'visible', timeout: 20000 });
  await waitFor('the title warns', async () => (await sam.page.title()).startsWith('\u26a0'));
  if (shots) await sam.page.screenshot({ path: `${shots}/desk-desktop-offline.png` });
  await sam.context.setOffline(false);
  await sam.page.locator('#offline').waitFor({ state: 'hidden', timeout: 30000 });
  ok('offline said');

  // In Urdu: right to left, on a desktop and a phone.
  const samUr = await agent('Sam', 'correct horse', { viewport: { width: 1280, height: 900 }, locale: 'ur-PK' });
  const alexUr = await agent('Alex', 'battery staple', {
    viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'ur-PK',
  });
  const dir = await samUr.page.evaluate(() => document.documentElement.dir);
  if (dir !== 'rtl') throw new Error('Urdu is not right to left: ' + dir);
  // On a phone nothing spills out sideways: the page is no wider than the screen.
  for (const p of [alex.page, alexUr.page]) {
    const wide = await p.evaluate(() => document.documentElement.scrollWidth);
    if (wide > 390) throw new Error('the phone page is ' + wide + ' px wide');
    const font = await p.evaluate(() => {
      const i = document.querySelector('select, input[name=text]');
      return i ? parseFloat(getComputedStyle(i).fontSize) : 16;
    });
    if (font < 16) throw new Error('a field under 16 px: iOS zooms in on it');
  }
  ok('phone fits');
  if (shots) {
    await samUr.page.screenshot({ path: `${shots}/desk-desktop-ur.png`, fullPage: true });
    await alexUr.page.screenshot({ path: `${shots}/desk-phone-ur.png`, fullPage: true });
    const login = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, locale: 'ur-PK' });
    await login.goto(url + '/login');
    await login.screenshot({ path: `${shots}/desk-phone-login-ur.png` });
  }
  console.log('done');
} finally {
  await browser.close();
  input.close();
}
