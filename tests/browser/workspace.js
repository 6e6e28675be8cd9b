// Drives the staff workspace of a running paraph server the way a newcomer does, in
// Debian's headless Chromium (playwright-core from tests/a11y/node_modules), with a Dutch
// browser (Accept-Language nl-BE), and without any page needing JavaScript:
//   1. opens {base}/ and is sent to the sign-in page;
//   2. a wrong password is refused (the message in Dutch, no session);
//   3. signs in and lands on the documents list;
//   4. uploads INVALID.xml on the submit page: the error is listed at line LINE, in Dutch
//      words ("Regel LINE"), with the source line marked;
//   5. uploads VALID.xml: lands on its document page, accepted;
//   6. the documents list shows the document DOCUMENT-ID;
//   7. signs out; the back button then shows no private page (the sign-in page instead).
// Any request to another origin fails the test: the pages must need nothing from outside.
// Usage: node tests/browser/workspace.js BASE-URL USERNAME PASSWORD INVALID.xml LINE VALID.xml DOCUMENT-ID
// Exit 0 on success, 1 on a failed check (with the reason), 2 on bad usage, 3 on a crash.
'use strict';
const path = require('node:path');

const modules = [path.resolve(__dirname, '../a11y')];
const { chromium } = require(require.resolve('playwright-core', { paths: modules }));

const [base, username, password, invalidFile, line, validFile, documentId] = process.argv.slice(2);
if (!documentId) {
  console.error('usage: node tests/browser/workspace.js BASE-URL USERNAME PASSWORD INVALID.xml LINE VALID.xml DOCUMENT-ID');
  process.exit(2);
}
const origin = new URL(base).origin;

class CheckFailed extends Error {}
function fail(message) {
  throw new CheckFailed(message);
}

async function submitAndWait(page, selector) {
  const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(selector)]);
  return response;
}

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.PARAPH_CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
  try {
    const context = await browser.newContext({ locale: 'nl-BE', javaScriptEnabled: false });
    const outside = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (new URL(url).origin === origin) return route.continue();
      outside.push(url);
      return route.abort();
    });
    const page = await context.newPage();

    await page.goto(`${base}/`, { waitUntil: 'load' });
    if (new URL(page.url()).pathname !== '/signin') fail(`/ without a session went to ${page.url()}, not /signin`);
    if ((await page.getAttribute('html', 'lang')) !== 'nl') fail('a Dutch browser did not get the Dutch sign-in page');

    await page.fill('#signin-name', username);
    await page.fill('#signin-password', 'not the password');
    const refused = await submitAndWait(page, 'form.ws-signin button[type="submit"]');
    if (refused.status() !== 401) fail(`a wrong password answered ${refused.status()}, not 401`);
    const refusal = await page.textContent('[role="alert"]');
    if (!refusal.includes('Gebruikersnaam of wachtwoord onjuist')) fail(`wrong password: "${refusal}"`);
    if ((await context.cookies()).some((cookie) => cookie.name === 'paraph_session')) fail('a wrong password made a session');
    console.log('workspace: wrong password refused');

    await page.fill('#signin-name', username);
    await page.fill('#signin-password', password);
    await submitAndWait(page, 'form.ws-signin button[type="submit"]');
    if (new URL(page.url()).pathname !== '/') fail(`signed in, but landed on ${page.url()}`);
    console.log('workspace: signed in');

    // Pasted, with the file field left empty (a browser still sends it, as an empty part).
    await page.goto(`${base}/submit`, { waitUntil: 'load' });
    await page.fill('#submit-xml', require('node:fs').readFileSync(invalidFile, 'utf8'));
    const pasted = await submitAndWait(page, 'form.ws-submit button[type="submit"]');
    if (pasted.status() !== 422) fail(`the pasted invalid letter answered ${pasted.status()}, not 422`);
    if ((await page.getAttribute('li.ws-error', 'data-line')) !== line) fail('the pasted letter\'s error is not at its line');
    console.log('workspace: pasted invalid letter refused at its line');

    await page.goto(`${base}/submit`, { waitUntil: 'load' });
    await page.setInputFiles('#submit-file', invalidFile);
    const invalid = await submitAndWait(page, 'form.ws-submit button[type="submit"]');
    if (invalid.status() !== 422) fail(`the invalid letter answered ${invalid.status()}, not 422`);
    const errorLine = await page.getAttribute('li.ws-error', 'data-line');
    if (errorLine !== line) fail(`the first error is at line ${errorLine}, not ${line}`);
    const place = await page.textContent('li.ws-error strong');
    if (!place.startsWith(`Regel ${line}, kolom `)) fail(`the error's place is not in Dutch: "${place}"`);
    // The message itself in the page's language (catalog/l10n/messages.nl.xml), not English.
    const told = await page.textContent('li.ws-error span');
    if (!told.startsWith('Het element')) fail(`the error's message is not in Dutch: "${told}"`);
    const marked = await page.textContent('li.ws-error mark');
    if (!marked || marked.trim() === '') fail('the error\'s source line is not marked');
    console.log(`workspace: invalid letter refused at line ${line}: ${place}`);

    await page.setInputFiles('#submit-file', validFile);
    await submitAndWait(page, 'form.ws-submit button[type="submit"]');
    const landed = new URL(page.url());
    if (landed.pathname !== `/documents/${encodeURIComponent(documentId)}`) fail(`submitted, but landed on ${page.url()}`);
    if (!(await page.textContent('[role="status"]')).includes('aanvaard')) fail('the document page does not say it was accepted');
    console.log('workspace: corrected letter accepted');

    // Listed once its first version is made: reload, as a person would (bounded).
    const until = Date.now() + 120000;
    let rows = 0;
    do {
      await page.goto(`${base}/`, { waitUntil: 'load' });
      rows = await page.locator(`tr[data-document="${documentId}"]`).count();
      if (rows === 0) await new Promise((resolve) => setTimeout(resolve, 500));
    } while (rows === 0 && Date.now() < until);
    if (rows !== 1) fail(`${documentId} is not listed`);
    console.log('workspace: listed');

    await submitAndWait(page, 'form.ws-signout button[type="submit"]');
    if (new URL(page.url()).pathname !== '/signin') fail(`signed out, but landed on ${page.url()}`);
    await page.goBack({ waitUntil: 'load' });
    const after = new URL(page.url());
    const listed = await page.locator(`tr[data-document="${documentId}"]`).count();
    if (listed !== 0 || after.pathname !== '/signin') fail(`after sign-out, back shows ${page.url()} with the list`);
    console.log('workspace: signed out; back shows the sign-in page');
    if (outside.length > 0) fail(`the pages requested other origins: ${outside.join(', ')}`);
  } finally {
    await browser.close();
  }
})().then(
  () => process.exit(0),
  (error) => {
    if (error instanceof CheckFailed) {
      console.error(`workspace: ${error.message}`);
      process.exit(1);
    }
    console.error(error);
    process.exit(3);
  },
);
