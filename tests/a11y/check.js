// Checks HTML files the way a reviewer of a public website would: valid HTML (the Nu HTML
// Checker, vnu-jar) and accessible (axe-core's WCAG 2.1 A and AA rules, run in Debian's
// headless Chromium through playwright-core). Exits 1 on any error or violation.
// Usage: node check.js FILE.html...
'use strict';
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { chromium } = require('playwright-core');

const files = process.argv.slice(2).map((file) => path.resolve(file));
if (files.length === 0) {
  console.error('usage: node check.js FILE.html...');
  process.exit(2);
}

function runNuChecker() {
  const vnu = require.resolve('vnu-jar/build/dist/vnu.jar');
  let report = '';
  try {
    execFileSync('java', ['-jar', vnu, '--errors-only', '--format', 'json', ...files], { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (failure) {
    report = failure.stderr.toString();
  }
  const problems = new Map(files.map((file) => [file, []]));
  if (report.trim() !== '') {
    for (const message of JSON.parse(report).messages) {
      const file = decodeURIComponent(new URL(message.url).pathname);
      problems.get(file)?.push(`vnu: line ${message.lastLine}: ${message.message}`);
    }
  }
  return problems;
}

async function runAxe(problems) {
  const browser = await chromium.launch({
    executablePath: process.env.PARAPH_CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    // The documents need nothing from outside; refuse everything that is not the file itself.
    await page.route('**/*', (route) => (route.request().url().startsWith('file://') ? route.continue() : route.abort()));
    for (const file of files) {
      await page.goto('file://' + file);
      await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
      const violations = await page.evaluate(async () => {
        const result = await window.axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        });
        return result.violations.map((violation) =>
          `${violation.id}: ${violation.help} (${violation.nodes.length}x, e.g. ${violation.nodes[0].target.join(' ')})`);
      });
      for (const violation of violations) problems.get(file).push(`axe: ${violation}`);
    }
  } finally {
    await browser.close();
  }
}

(async () => {
  const problems = runNuChecker();
  await runAxe(problems);
  let failed = 0;
  for (const [file, list] of problems) {
    if (list.length === 0) continue;
    failed += 1;
    console.log(`${path.basename(file)}:`);
    for (const problem of list) console.log(`  ${problem}`);
  }
  console.log(`accessibility: ${files.length - failed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
})().catch((error) => {
  console.error(error);
  process.exit(3);
});
