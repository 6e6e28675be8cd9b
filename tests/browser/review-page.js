// Drives the paired review page of a running paraph server the way a reviewer does, in
// Debian's headless Chromium (playwright-core and axe-core from tests/a11y/node_modules, so
// there is no second npm install):
//   1. opens {base}/review/{document}, is sent to the sign-in page, signs in (user name,
//      password of a workspace account) and lands on the review page;
//   2. checks that a li.finding[data-check=CHECK] sits in tr[data-segment=SEGMENT] and in no
//      other row (skipped when SEGMENT and CHECK are "-");
//   3. runs axe-core (WCAG 2.1 A and AA): no violation allowed;
//   then, in MODE "blocked" (the finding is an error): checks that the page offers no
//   approval that would go through (the approve button disabled, with its reason) and stops;
//   in MODE "approve" (the default):
//   4. with the keyboard only (Tab to the button, Enter), acknowledges every unacknowledged
//      warning, one form post at a time, then submits the approval;
//   5. checks that the page it lands on shows the state "approved".
// Any request to another origin (a font, a script, an image) fails the test: the page must
// need nothing from outside.
// Usage: node tests/browser/review-page.js BASE-URL DOCUMENT-ID USERNAME PASSWORD SEGMENT-ID CHECK [MODE]
// Exit 0 on success, 1 on a failed check (with the reason), 2 on bad usage, 3 on a crash.
'use strict';
const path = require('node:path');

const modules = [path.resolve(__dirname, '../a11y')];
const { chromium } = require(require.resolve('playwright-core', { paths: modules }));
const axeScript = require.resolve('axe-core/axe.min.js', { paths: modules });

const [base, documentId, username, password, segmentId, check, mode = 'approve'] = process.argv.slice(2);
if (!check || !['approve', 'blocked'].includes(mode)) {
  console.error('usage: node tests/browser/review-page.js BASE-URL DOCUMENT-ID USERNAME PASSWORD SEGMENT-ID CHECK [approve|blocked]');
  process.exit(2);
}
const origin = new URL(base).origin;
const reviewUrl = `${base.replace(/\/+$/, '')}/review/${encodeURIComponent(documentId)}`;
// More Tab presses than this to reach one button means the page is not usable by keyboard.
const maxTabs = 2000;

class CheckFailed extends Error {}
function fail(message) {
  throw new CheckFailed(message);
}

// Loads the page a navigation ended on and refuses an HTTP error or a foreign request.
async function expectPage(response, what, outside) {
  if (response === null) fail(`${what}: no response`);
  if (response.status() >= 400) {
    const body = (await response.text().catch(() => '')).slice(0, 300);
    fail(`${what}: HTTP ${response.status()} from ${response.url()}${body ? `: ${body}` : ''}`);
  }
  if (outside.length > 0) fail(`${what}: the page requested other origins: ${outside.join(', ')}`);
}

async function checkFindingPlacement(page) {
  const placement = await page.evaluate(({ segment, check }) => {
    const findings = [...document.querySelectorAll(`li.finding[data-check="${CSS.escape(check)}"]`)];
    return {
      rows: document.querySelectorAll(`tr[data-segment="${CSS.escape(segment)}"]`).length,
      inRow: findings.filter((li) => li.closest('tr')?.dataset.segment === segment).length,
      elsewhere: findings.filter((li) => li.closest('tr') && li.closest('tr').dataset.segment !== segment)
        .map((li) => li.closest('tr').dataset.segment),
    };
  }, { segment: segmentId, check });
  if (placement.rows !== 1) fail(`expected one row tr[data-segment="${segmentId}"], found ${placement.rows}`);
  if (placement.inRow === 0) fail(`no li.finding[data-check="${check}"] in the row of segment ${segmentId}`);
  if (placement.elsewhere.length > 0) {
    fail(`li.finding[data-check="${check}"] also in the rows of: ${[...new Set(placement.elsewhere)].join(', ')}`);
  }
}

async function checkAccessibility(page) {
  await page.addScriptTag({ path: axeScript });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.length}x, e.g. ${violation.nodes[0].target.join(' ')})`);
  });
  if (violations.length > 0) fail(`axe-core found ${violations.length} violation(s):\n  ${violations.join('\n  ')}`);
}

// Presses Tab from the top of the page until the focused element matches `selector`, then
// returns what it is; null when no such element is reachable.
async function tabTo(page, selector) {
  if ((await page.locator(selector).count()) === 0) return null;
  await page.evaluate(() => {
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    window.scrollTo(0, 0);
  });
  for (let presses = 0; presses < maxTabs; presses += 1) {
    await page.keyboard.press('Tab');
    const reached = await page.evaluate((wanted) => {
      const active = document.activeElement;
      if (!active || !active.matches(wanted)) return null;
      return { finding: active.closest('li.finding')?.dataset.finding ?? null, text: active.textContent.trim() };
    }, selector);
    if (reached) return reached;
  }
  fail(`${selector} is on the page but ${maxTabs} Tab presses did not reach it`);
  return null;
}

async function submitWithEnter(page, what, outside) {
  const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
  await expectPage(response, what, outside);
}

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.PARAPH_CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
  try {
    // bypassCSP: axe-core is injected as a script, which a strict Content-Security-Policy
    // (the right policy for this page) would otherwise block.
    const context = await browser.newContext({ bypassCSP: true });
    const outside = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (new URL(url).origin === origin) return route.continue();
      outside.push(url);
      return route.abort();
    });
    const page = await context.newPage();

    await expectPage(await page.goto(reviewUrl, { waitUntil: 'load' }), `GET ${reviewUrl}`, outside);
    if (!new URL(page.url()).pathname.startsWith('/signin')) fail(`not sent to sign in first but to ${page.url()}`);
    await page.fill('#signin-name', username);
    await page.fill('#signin-password', password);
    await submitWithEnter(page, 'sign-in', outside);
    if (new URL(page.url()).pathname !== new URL(reviewUrl).pathname) fail(`signed in, but landed on ${page.url()}`);
    if (segmentId !== '-') {
      await checkFindingPlacement(page);
      console.log(`review page: finding ${check} on segment ${segmentId} only`);
    }
    await checkAccessibility(page);
    console.log('review page: axe-core: no violation');

    const approveButton = 'form[action$="/approve"] button[type="submit"]';
    if (mode === 'blocked') {
      // The reviewer is shown the approve form, disabled, with the reasons in words.
      const offered = await page.locator(approveButton).count();
      if (offered !== 1) fail(`expected one approve button for a reviewer, found ${offered}`);
      if (!(await page.locator(approveButton).isDisabled())) {
        fail('the page offers an approval although an error finding blocks it');
      }
      const reason = (await page.locator('#approve-status').textContent()).trim();
      if (reason === '') fail('the approve button is disabled but #approve-status does not say why');
      console.log(`review page: approval blocked (${reason})`);
      return;
    }

    const acknowledgeButton = 'li.finding[data-severity="warning"] form[action$="/acknowledge"] button[type="submit"]';
    const acknowledged = new Set();
    for (;;) {
      const reached = await tabTo(page, acknowledgeButton);
      if (reached === null) break;
      if (acknowledged.has(reached.finding)) fail(`acknowledging ${reached.finding} did not record it: its form is still offered`);
      acknowledged.add(reached.finding);
      await submitWithEnter(page, `acknowledging ${reached.finding}`, outside);
    }
    console.log(`acknowledged ${acknowledged.size} warning(s) with the keyboard`);

    if ((await page.locator(approveButton).count()) === 0) fail('no approval form on the page (is the user a reviewer?)');
    if (await page.locator(approveButton).isDisabled()) {
      const reason = (await page.locator('#approve-status').textContent().catch(() => '')).trim();
      fail(`the approve button is still disabled after acknowledging every warning: ${reason}`);
    }
    await tabTo(page, approveButton);
    await submitWithEnter(page, 'approving', outside);

    const state = await page.locator('[data-state]').first().getAttribute('data-state').catch(() => null);
    if (state !== 'approved') fail(`after approval the page shows state ${JSON.stringify(state)}, not "approved"`);
    console.log('review page: approved with the keyboard only');
  } finally {
    await browser.close();
  }
})().then(
  () => process.exit(0),
  (error) => {
    if (error instanceof CheckFailed) {
      console.error(`review-page: FAILED: ${error.message}`);
      process.exit(1);
    }
    console.error(error);
    process.exit(3);
  });
