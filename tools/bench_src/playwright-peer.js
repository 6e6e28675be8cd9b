// The Playwright peer of `tools/bench print`: what a common client gets from the very same
// browser. playwright-core drives the given Chromium (Debian's), launched with paraph's own
// flags, over the same HTML files with the same print settings as paraph's engine (A4 unless
// the CSS @page says otherwise, backgrounds, tagged, outline), at one concurrency: that many
// pages in one browser, each taking the next document when it is done with one.
//
// Only API that playwright-core 1.55 has: chromium.launch, page.setContent, page.pdf.
//
// Usage: node playwright-peer.js --chromium PATH --concurrency C --n N [--flag F]... FILE.html...
// Prints one JSON line: {documents, failures, wallSeconds, latenciesMs: [...], pssMb}.
'use strict';

const fs = require('fs');
const path = require('path');

function playwrightCore() {
  // tests/a11y holds the project's npm modules; PLAYWRIGHT_CORE overrides the location.
  const where = process.env.PLAYWRIGHT_CORE ||
      path.join(__dirname, '..', '..', 'tests', 'a11y', 'node_modules', 'playwright-core');
  return require(where);
}

function parseArguments(argv) {
  const options = {chromium: '/usr/bin/chromium', concurrency: 1, n: 40, flags: [], files: []};
  for (let i = 0; i < argv.length; ++i) {
    const word = argv[i];
    if (word === '--chromium') options.chromium = argv[++i];
    else if (word === '--concurrency') options.concurrency = Number(argv[++i]);
    else if (word === '--n') options.n = Number(argv[++i]);
    else if (word === '--flag') options.flags.push(argv[++i]);
    else options.files.push(word);
  }
  return options;
}

// Playwright owns the profile, the DevTools transport (a pipe) and the first page: paraph's
// flags for those do not apply to it.
function launchFlags(flags) {
  return flags.filter((flag) => !flag.startsWith('--user-data-dir') && !flag.startsWith('--remote-debugging') &&
                                flag !== '--headless' && !flag.startsWith('about:'));
}

// PSS of every process under the browser, as the C++ bench measures paraph's pool.
function treePssMb(rootPid) {
  const children = new Map();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat;
    try { stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8'); } catch { continue; }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const parent = Number(fields[1]);
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(Number(name));
  }
  let pssKb = 0;
  const pending = [rootPid];
  while (pending.length) {
    const pid = pending.pop();
    for (const child of children.get(pid) || []) pending.push(child);
    try {
      const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      const match = /^Pss:\s+(\d+)/m.exec(rollup);
      if (match) pssKb += Number(match[1]);
    } catch { /* gone meanwhile */ }
  }
  return pssKb / 1024;
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const documents = options.files.map((file) => fs.readFileSync(file, 'utf8'));
  if (!documents.length) throw new Error('no HTML files given');
  const {chromium} = playwrightCore();
  const browser = await chromium.launch({executablePath: options.chromium, headless: true,
                                          args: launchFlags(options.flags)});
  const context = await browser.newContext();
  const pages = [];
  for (let i = 0; i < options.concurrency; ++i) pages.push(await context.newPage());

  const printOne = async (page, html) => {
    await page.setContent(html);
    return page.pdf({format: 'A4', printBackground: true, preferCSSPageSize: true, tagged: true, outline: true});
  };
  // Warm-up: one document per page, not measured (as for paraph's pool).
  await Promise.all(pages.map((page, i) => printOne(page, documents[i % documents.length])));

  let next = 0;
  let failures = 0;
  const latenciesMs = [];
  let peakPss = 0;
  const pids = findBrowserPids(options.chromium);
  const sample = () => {
    let total = 0;
    for (const pid of pids) total += treePssMb(pid);
    peakPss = Math.max(peakPss, total);
  };
  // Once a second, not every 100 ms as the C++ bench does on a thread of its own: here the
  // scan of /proc runs on the event loop that drives Playwright, and would slow it down.
  const sampler = setInterval(sample, 1000);
  const start = process.hrtime.bigint();
  await Promise.all(pages.map(async (page) => {
    for (let index = next++; index < options.n; index = next++) {
      const begin = process.hrtime.bigint();
      try {
        const pdf = await printOne(page, documents[index % documents.length]);
        if (!pdf.length) throw new Error('empty PDF');
        latenciesMs.push(Number(process.hrtime.bigint() - begin) / 1e6);
      } catch (error) {
        ++failures;
        process.stderr.write(`  playwright document ${index}: ${error.message}\n`);
      }
    }
  }));
  const wallSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  clearInterval(sampler);
  sample();  // the pages are still open: what the browser holds after the run
  await browser.close();
  process.stdout.write(JSON.stringify({documents: options.n, failures, wallSeconds, latenciesMs,
                                       pssMb: peakPss}) + '\n');
}

// The browser Playwright started: the chromium processes whose parent is this node process.
function findBrowserPids(executable) {
  const found = [];
  const base = path.basename(fs.realpathSync(executable));
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent !== process.pid) continue;
      const command = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8');
      if (command.includes(base) || command.includes('chromium') || command.includes('chrome')) found.push(Number(name));
    } catch { /* gone meanwhile */ }
  }
  return found;
}

main().catch((error) => {
  process.stderr.write(`playwright-peer: ${error.stack || error}\n`);
  process.exit(1);
});
