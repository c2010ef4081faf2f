// Drives the agent desk in headless Chromium, as an agent would: sign in, see the kiosk's page
// arrive, acknowledge it. Usage: node desk.mjs URL INCIDENT SCREENSHOT
// Prints "acknowledged" on success; any failure throws (exit code 1).
import { chromium } from 'playwright-core';

const [url, incident, screenshot] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 900, height: 800 } });
  await page.goto(url);
  await page.fill('input[name=name]', 'Sam');
  await page.fill('input[name=password]', 'correct horse');
  await page.click('button');
  // The kiosk's page arrives (live, over server-sent events).
  const card = page.locator(`[data-incident="${incident}"]`);
  await card.waitFor({ timeout: 10000 });
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
  await card.getByRole('button', { name: 'Acknowledge' }).click();
  await page.locator(`[data-incident="${incident}"]`, { hasText: 'Sam is on the way' }).waitFor({ timeout: 10000 });
  // The page's own script runs under its content security policy (no inline code): the
  // style and script come from the desk itself. Nothing the policy blocked shows in the console.
  const blocked = [];
  page.on('console', m => { if (/Content Security Policy/i.test(m.text())) blocked.push(m.text()); });
  await page.reload();
  if (blocked.length) throw new Error('blocked by the policy: ' + blocked.join('; '));
  console.log('acknowledged');
  // Signing out ends the session: the page goes back to sign-in.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/login$/, { timeout: 10000 });
  console.log('signed out');
} finally {
  await browser.close();
}
