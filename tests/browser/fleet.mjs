// The fleet page in Chromium, as a duty manager meets it: at a desktop and on a phone, in
// English and in Urdu. Problems come first, the airport filter works, nothing is wider than a
// phone, Urdu reads right to left, and the page follows the fleet live (no reload). Saves
// screenshots of each.
//
// Usage: node fleet.mjs URL SHOTS_DIR
// Prints "STEP change" and waits for a line on standard input while the test changes a kiosk;
// prints "ok <what>" for each thing seen, and throws on any failure.
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
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const desktop = { viewport: { width: 1280, height: 900 } };
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

async function open(options, locale) {
  const context = await browser.newContext({ ...options, locale });
  const page = await context.newPage();
  await page.goto(url + '/login');
  await page.fill('input[name=name]', 'Sam');
  await page.fill('input[name=password]', 'correct horse');
  await page.click('button');
  await page.waitForSelector('#live');
  await page.goto(url + '/fleet');
  await page.waitForSelector('#fleet');
  return page;
}

const cards = (page) => page.$$eval('.card.kiosk', cs => cs.map(c => ({
  kiosk: c.dataset.kiosk, problems: c.dataset.problems })));
const fits = (page) => page.evaluate(() =>
  document.scrollingElement.scrollWidth <= window.innerWidth + 1);

try {
  const en = await open(desktop, 'en-US');
  let all = await cards(en);
  if (all.length !== 4) throw new Error('four kiosks expected: ' + JSON.stringify(all));
  const firstClean = all.findIndex(c => !c.problems);
  if (all.slice(0, firstClean).some(c => !c.problems) || all.slice(firstClean).some(c => c.problems))
    throw new Error('problems first: ' + JSON.stringify(all));
  ok('problems first');
  await en.screenshot({ path: `${shots}/fleet-desktop-en.png`, fullPage: true });
  await en.selectOption('#fleet-airport', 'LHE');
  await en.waitForFunction(() => [...document.querySelectorAll('.card.kiosk')]
    .every(c => c.dataset.kiosk.startsWith('LHE')));
  ok('filtered by airport');
  await en.selectOption('#fleet-airport', '');
  await en.waitForFunction(() => document.querySelectorAll('.card.kiosk').length === 4);

  const enPhone = await open(phone, 'en-US');
  if (!(await fits(enPhone))) throw new Error('the English phone page is wider than the phone');
  await enPhone.screenshot({ path: `${shots}/fleet-phone-en.png`, fullPage: true });
  ok('fits a phone in English');

  const urPhone = await open(phone, 'ur-PK');
  const dir = await urPhone.evaluate(() => document.documentElement.dir);
  if (dir !== 'rtl') throw new Error('Urdu is not right to left: ' + dir);
  if (!(await fits(urPhone))) throw new Error('the Urdu phone page is wider than the phone');
  await urPhone.screenshot({ path: `${shots}/fleet-phone-ur.png`, fullPage: true });
  ok('Urdu right to left on a phone');
  const urDesk = await open(desktop, 'ur-PK');
  await urDesk.screenshot({ path: `${shots}/fleet-desktop-ur.png`, fullPage: true });

  // The fleet's figures: charts and tables, in English and Urdu, on a desktop and a phone.
  for (const [page, name] of [[en, 'desktop-en'], [urDesk, 'desktop-ur'], [urPhone, 'phone-ur']]) {
    await page.goto(url + '/fleet/report');
    await page.waitForSelector('#chart-hours');
    if (!(await fits(page))) throw new Error('the report is wider than the screen: ' + name);
    await page.screenshot({ path: `${shots}/fleet-report-${name}.png`, fullPage: true });
  }
  ok('report');
  await en.goto(url + '/fleet');
  await en.waitForSelector('#fleet');

  // Live: a kiosk's printer runs out, and the open page shows it without a reload.
  await step('change');
  await en.waitForFunction(() => {
    const c = document.querySelector('.card.kiosk[data-kiosk="LHE-T1-K07"]');
    return c && c.dataset.problems.includes('device');
  }, null, { timeout: 20000 });
  ok('live');
  await browser.close();
  process.exit(0);
} catch (e) {
  console.error(e);
  await browser.close();
  process.exit(1);
}
