// The CUSS 2 simulator's operator page in headless Chromium, used as an operator would: start a
// passenger session in Urdu, present the barcode already filled in, take the printed pass.
// Usage: node cuss2-sim.mjs URL OUTDIR. Writes OUTDIR/page.png; prints "started", "presented"
// and "taken" as each answer comes back 200 on the page.
import { chromium } from 'playwright-core';

const [url, out] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const said = async (page) => {
  await page.waitForFunction(() => /^\d{3} /.test(document.getElementById('said').textContent));
  const text = await page.textContent('#said');
  await page.evaluate(() => { document.getElementById('said').textContent = ''; });
  return text;
};
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  const answer = await page.goto(url);
  if (answer.status() !== 200) throw new Error('status ' + answer.status());
  await page.waitForFunction(() => /AVAILABLE/.test(document.getElementById('head').textContent));
  await page.selectOption('#lang', 'ur-PK');
  await page.click('text=Start session (ACTIVE)');
  const start = await said(page);
  if (!start.startsWith('200')) throw new Error('start: ' + start);
  console.log('started');
  // The kiosk enables its readers once it is on Identify.
  await page.waitForFunction(() => {
    const cells = [...document.querySelectorAll('#comps tr')].map(r => r.textContent);
    return cells.some(t => t.startsWith('1BarcodeReader') && t.includes('yes'));
  });
  await page.click('text=Present barcode');
  const presented = await said(page);
  if (!presented.startsWith('200')) throw new Error('present: ' + presented);
  console.log('presented');
  await page.waitForFunction(() => document.querySelectorAll('#printed tr').length > 0,
                             null, { timeout: 20000 });
  await page.click('#printers-boardingpass-take');
  const taken = await said(page);
  if (!taken.startsWith('200')) throw new Error('take: ' + taken);
  await page.waitForFunction(() => /taken/.test(document.getElementById('printed').textContent));
  console.log('taken');
  await page.screenshot({ path: `${out}/page.png`, fullPage: true });
} finally {
  await browser.close();
}
