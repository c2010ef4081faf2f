// Configuration from one place in Chromium, as a publisher meets it: the form, a file of
// Urdu messages added, "Check and preview" drawing the screens the change touches (now and
// after, side by side, the pictures loaded), then Publish; the page on a phone in Urdu (right
// to left, nothing wider than the phone), the change log, and a kiosk's refusal on the fleet
// page. Saves screenshots of each.
//
// Usage: node fleet-config.mjs URL SHOTS_DIR FTL_FILE
// Prints "ok <what>" for each thing seen, and throws on any failure.
import { chromium } from 'playwright-core';

const [url, shots, ftl] = process.argv.slice(2);
const ok = (what) => console.log(`ok ${what}`);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const desktop = { viewport: { width: 1280, height: 900 } };
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

async function open(options, locale, path) {
  const context = await browser.newContext({ ...options, locale });
  const page = await context.newPage();
  await page.goto(url + '/login');
  await page.fill('input[name=name]', 'Alex');
  await page.fill('input[name=password]', 'battery staple');
  await page.click('button');
  await page.waitForSelector('#live');
  await page.goto(url + path);
  return page;
}
const fits = (page) => page.evaluate(() =>
  document.scrollingElement.scrollWidth <= window.innerWidth + 1);

try {
  const en = await open(desktop, 'en-US', '/fleet/config?group=airport%3ALHE');
  await en.waitForSelector('#publish-form');
  // The group's current text is in the form; only a message file is replaced.
  const text = await en.inputValue('#config-text');
  if (!text.includes('overrides = "overrides"')) throw new Error('the current text: ' + text);
  await en.fill('#config-under', 'overrides/ur-PK');
  await en.setInputFiles('#config-files', ftl);
  await en.waitForFunction(() => document.getElementById('config-added-list').textContent
    .includes('overrides/ur-PK/ui.ftl'));
  await en.fill('#config-note', 'A longer Urdu welcome');
  await en.click('#check');
  await en.waitForSelector('#checked');
  await en.waitForSelector('#preview[data-state=done]', { timeout: 600000 });
  await en.waitForFunction(() => [...document.querySelectorAll('#preview img')]
    .every(i => i.complete && i.naturalWidth > 0));
  const figures = await en.$$eval('#preview figure', fs => fs.map(f => ({
    screen: f.dataset.screen, locale: f.dataset.locale,
    loaded: [...f.querySelectorAll('img')].every(i => i.complete && i.naturalWidth > 0) })));
  if (!figures.length || figures.some(f => !f.loaded))
    throw new Error('the preview\'s pictures: ' + JSON.stringify(figures));
  if (!figures.some(f => f.screen === 'welcome') || figures.some(f => f.locale !== 'ur-PK'))
    throw new Error('Urdu\'s Welcome, and only Urdu: ' + JSON.stringify(figures));
  // The file added before the preview is still in the form, to be published.
  const carried = await en.inputValue('#config-added');
  if (!carried.includes('overrides/ur-PK/ui.ftl')) throw new Error('the added file was lost');
  await en.evaluate(() => document.getElementById('preview').scrollIntoView());
  await en.screenshot({ path: `${shots}/config-preview-desktop-en.png`, fullPage: false });
  ok('preview drawn');
  await en.click('#publish');
  await en.waitForSelector('#notice');
  const row = await en.$eval('#published tr[data-group="airport:LHE"]', r => r.textContent);
  if (!row.includes('Alex')) throw new Error('the published row: ' + row);
  await en.screenshot({ path: `${shots}/config-desktop-en.png`, fullPage: true });
  ok('published');

  const ur = await open(phone, 'ur-PK', '/fleet/config');
  await ur.waitForSelector('#publish-form');
  const dir = await ur.evaluate(() => document.documentElement.dir);
  if (dir !== 'rtl') throw new Error('Urdu is not right to left: ' + dir);
  if (!(await fits(ur))) throw new Error('the Urdu phone page is wider than the phone');
  await ur.screenshot({ path: `${shots}/config-phone-ur.png`, fullPage: true });
  ok('Urdu right to left on a phone');
  await ur.goto(url + '/fleet/config/log');
  await ur.waitForSelector('#log');
  if (!(await fits(ur))) throw new Error('the log is wider than the phone');
  const log = await ur.$eval('#log', l => l.textContent);
  if (!log.includes('~ overrides/ur-PK/ui.ftl') || !log.includes('+ overrides = "overrides"'))
    throw new Error('the log: ' + log);
  await ur.screenshot({ path: `${shots}/config-log-phone-ur.png`, fullPage: true });
  ok('log');
  await ur.goto(url + '/fleet');
  await ur.waitForSelector('.card.kiosk[data-kiosk="LHE-T1-K09"] .refused pre');
  if (!(await fits(ur))) throw new Error('the refusal is wider than the phone');
  const card = await ur.$('.card.kiosk[data-kiosk="LHE-T1-K09"]');
  await card.screenshot({ path: `${shots}/fleet-refused-phone-ur.png` });
  ok('refusal on the fleet page');
  await browser.close();
  process.exit(0);
} catch (e) {
  console.error(e);
  await browser.close();
  process.exit(1);
}
