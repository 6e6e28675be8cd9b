// Drives the workspace's batch pages of a running paraph server in Debian's headless
// Chromium (playwright-core from tests/a11y/node_modules), with a Dutch browser:
//   1. signs in, opens the batch form from the navigation and uploads BATCH.zip;
//   2. lands on the batch's page (/batches/{id}), accepted;
//   3. the progress bar moves while the page stays loaded (its one script follows the
//      batch.progress events; no Content-Security-Policy violation, nothing from outside);
//   4. once the batch is finished the page shows the counts (DONE done, FAILED with errors),
//      the error at its place PLACE in Dutch words, and the report, PDFs and mail-room links;
//      the report downloads as CSV.
// Usage: node tests/browser/batch.js BASE-URL USERNAME PASSWORD BATCH.zip DONE FAILED PLACE
// Exit 0 on success, 1 on a failed check (with the reason), 2 on bad usage, 3 on a crash.
'use strict';
const path = require('node:path');

const modules = [path.resolve(__dirname, '../a11y')];
const { chromium } = require(require.resolve('playwright-core', { paths: modules }));

const [base, username, password, batchFile, done, failed, place] = process.argv.slice(2);
if (!place) {
  console.error('usage: node tests/browser/batch.js BASE-URL USERNAME PASSWORD BATCH.zip DONE FAILED PLACE');
  process.exit(2);
}
const origin = new URL(base).origin;

class CheckFailed extends Error {}
function fail(message) {
  throw new CheckFailed(message);
}

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.PARAPH_CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
  try {
    const context = await browser.newContext({ locale: 'nl-BE' });
    const outside = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (new URL(url).origin === origin) return route.continue();
      outside.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    const problems = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(String(error)));

    await page.goto(`${base}/signin`, { waitUntil: 'load' });
    await page.fill('#signin-name', username);
    await page.fill('#signin-password', password);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('form.ws-signin button[type=submit]')]);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('a[href="/batches/new"]')]);
    if ((await page.getAttribute('html', 'lang')) !== 'nl') fail('the batch form is not in Dutch');
    await page.setInputFiles('#batch-file', batchFile);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('form.ws-batch-new button[type=submit]')]);
    const batchPath = new URL(page.url()).pathname;
    if (!batchPath.startsWith('/batches/')) fail(`the upload went to ${page.url()}, not a batch's page`);
    if (!(await page.textContent('.ws-notice')).includes('Reeks aanvaard')) fail('no Dutch notice that the batch was taken');

    // The bar moves without a navigation: the script's doing.
    const seen = new Set();
    let navigated = false;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigated = true;
    });
    const deadline = Date.now() + 600000;
    while (!navigated && Date.now() < deadline) {
      const value = await page.evaluate(() => {
        const bar = document.getElementById('batch-progress');
        return bar ? bar.value : -1;
      }).catch(() => -1);
      if (value >= 0) seen.add(value);
      await page.waitForTimeout(100);
    }
    if (seen.size < 2) fail(`the progress bar did not move while the page stayed loaded (values seen: ${[...seen]})`);
    // Finished, the page loaded itself again: the final state.
    await page.waitForSelector('.ws-batch[data-state="finished"]', { timeout: 600000 });
    await page.waitForLoadState('load');
    const count = async (name) => (await page.textContent(`[data-count="${name}"]`)).trim();
    if ((await count('done')) !== done) fail(`done: ${await count('done')}, not ${done}`);
    if ((await count('failed')) !== failed) fail(`failed: ${await count('failed')}, not ${failed}`);
    const errors = await page.textContent('table.ws-batch-errors');
    if (!errors.includes(place)) fail(`the error list does not name ${place}: ${errors}`);
    if (!(await page.textContent('#batch-errors')).includes('fout')) fail('the errors heading is not in Dutch');
    for (const kind of ['report', 'pdfs', 'mail-room.fr', 'mail-room.nl']) {
      if (!(await page.$(`a[data-kind="${kind}"]`))) fail(`no ${kind} link on the finished batch's page`);
    }
    const report = await page.request.get(new URL(await page.getAttribute('a[data-kind="report"]', 'href'), base).href);
    if (report.status() !== 200 || !(await report.text()).startsWith('position,place,')) fail('the report did not download');
    if (problems.length > 0) fail(`the page logged errors: ${problems.join(' | ')}`);
    if (outside.length > 0) fail(`requests left the server: ${outside.join(', ')}`);
    console.log(`ok: ${batchPath}, progress values seen ${[...seen].sort((a, b) => a - b).join(',')}`);
  } finally {
    await browser.close();
  }
})().catch((error) => {
  if (error instanceof CheckFailed) {
    console.error(`FAILED: ${error.message}`);
    process.exit(1);
  }
  console.error(error);
  process.exit(3);
});
