// Opens a boarding pass link as a phone would (390×844, touch, 3× pixels) in headless Chromium.
// Usage: node phone-pass.mjs URL OUTDIR. Writes OUTDIR/page.png and OUTDIR/barcode.png; prints
// "fits" when nothing is wider than the screen and nothing the policy blocked.
import { chromium } from 'playwright-core';

const [url, out] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true,
    locale: 'ur-PK',
  });
  const page = await context.newPage();
  const blocked = [];
  page.on('console', m => { if (/Content Security Policy/i.test(m.text())) blocked.push(m.text()); });
  const answer = await page.goto(url);
  if (answer.status() !== 200) throw new Error('status ' + answer.status());
  await page.evaluate(() => document.fonts.ready);
  const widths = await page.evaluate(() => ({
    doc: document.documentElement.scrollWidth, screen: window.innerWidth,
    code: document.querySelector('.code svg').getBoundingClientRect().width,
    dir: document.documentElement.dir,
  }));
  if (widths.doc > widths.screen) throw new Error(`wider than the phone: ${JSON.stringify(widths)}`);
  if (widths.code < 300) throw new Error(`the barcode is too small to scan: ${JSON.stringify(widths)}`);
  if (widths.dir !== 'rtl') throw new Error('an Urdu pass is not right to left');
  await page.screenshot({ path: `${out}/page.png`, fullPage: true });
  await page.locator('.code svg').screenshot({ path: `${out}/barcode.png` });
  if (blocked.length) throw new Error('blocked by the policy: ' + blocked.join('; '));
  console.log('fits', JSON.stringify(widths));
} finally {
  await browser.close();
}
