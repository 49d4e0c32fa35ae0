// The page in a real browser: Debian's Chromium, headless, driven with
// puppeteer-core. The page is opened from disk with every network request
// refused; what it offers for download must be the native eds3's bytes.
//   EDS3_NATIVE=build/cli/eds3 EDS3_PAGE=dist/eds3.html node --test web/test/
// EDS3_SCREENSHOTS=DIR also saves the screenshots used in docs/web.md.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, copyFileSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, basename } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const native = process.env.EDS3_NATIVE || join(root, 'build', 'cli', 'eds3');
const pageFile = process.env.EDS3_PAGE || join(root, 'dist', 'eds3.html');
const pageUrl = pathToFileURL(pageFile).href;
const screenshots = process.env.EDS3_SCREENSHOTS;

let browser;
let page;
let profile;
const refused = [];
// The HTML reports the page offered (name -> bytes), for axe-core below.
const reports = {};

before(async () => {
  profile = mkdtempSync(join(tmpdir(), 'eds3-chromium-'));
  browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      `--user-data-dir=${profile}`],
  });
  page = await browser.newPage();
  await page.setViewport({ width: 1000, height: 900 });
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (url === pageUrl || url.startsWith('data:') || url.startsWith('blob:')) {
      request.continue();
    } else {
      refused.push(url);
      request.abort();
    }
  });
  const started = Date.now();
  await page.goto(pageUrl);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
  console.log(`page loaded and engine ready in ${Date.now() - started} ms`);
});

after(async () => {
  if (browser) await browser.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

// Runs the native eds3 in a folder holding `files` (name -> source path).
function runNative(files, args) {
  const work = mkdtempSync(join(tmpdir(), 'eds3-native-'));
  for (const [name, source] of Object.entries(files)) copyFileSync(source, join(work, name));
  const result = spawnSync(native, args, { cwd: work });
  const outputs = {};
  for (const name of readdirSync(work)) {
    if (!(name in files)) outputs[name] = readFileSync(join(work, name));
  }
  rmSync(work, { recursive: true, force: true });
  return { status: result.status, stdout: result.stdout.toString(), stderr: result.stderr.toString(), outputs };
}

// Chooses `mode` and `files` in the page, runs, and waits for the status.
async function runPage(mode, files) {
  const work = mkdtempSync(join(tmpdir(), 'eds3-upload-'));
  const paths = Object.entries(files).map(([name, source]) => {
    copyFileSync(source, join(work, name));
    return join(work, name);
  });
  await page.click(`#mode-${mode}`);
  // The count of files chosen is cleared first, so that the wait below is for
  // these files to be read, not the same count from the previous run.
  await page.evaluate(() => {
    for (const id of ['status', 'chosen']) document.getElementById(id).textContent = '';
  });
  const input = await page.$('#files');
  await input.uploadFile(...paths);
  await page.waitForFunction((n) => document.getElementById('chosen').textContent.startsWith(`${n} file`), {}, paths.length);
  await page.click('#run');
  await page.waitForFunction(() => document.getElementById('status').textContent !== '');
  rmSync(work, { recursive: true, force: true });
  return page.evaluate(async () => {
    const downloads = {};
    for (const link of document.querySelectorAll('#downloads a')) {
      const bytes = new Uint8Array(await (await fetch(link.href)).arrayBuffer());
      let text = '';
      for (const b of bytes) text += String.fromCharCode(b);
      downloads[link.getAttribute('download')] = btoa(text);
    }
    const problems = [...document.querySelectorAll('#problems li > p:first-child')].map((p) => p.textContent);
    return { status: document.getElementById('status').textContent, downloads, problems,
      ms: Number(document.body.dataset.lastRunMs) };
  });
}

function assertSameDownloads(pageResult, nativeResult) {
  const names = Object.keys(pageResult.downloads).sort();
  assert.deepEqual(names, Object.keys(nativeResult.outputs).sort());
  for (const name of names) {
    const bytes = Buffer.from(pageResult.downloads[name], 'base64');
    assert.ok(bytes.equals(nativeResult.outputs[name]), `${name} differs`);
    if (name.endsWith('.html')) reports[name] = bytes;
  }
}

// axe-core's rules for WCAG 2.0, 2.1 and 2.2 at levels A and AA: what the
// public sector accessibility regulations ask of a published report.
const kWcagAA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// The violations axe-core finds in `tab` (all its rules, or only `tags`),
// one line each: the rule and the elements that break it.
async function axeViolations(tab, tags) {
  await tab.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
  return tab.evaluate(async (only) => (await window.axe.run(document, only ? { runOnly: { type: 'tag', values: only } } : {}))
    .violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), tags || null);
}

const example = join(root, 'examples', 'northmoor-ambulance-2024-25.yaml');
const exampleFiles = {
  'northmoor-ambulance-2024-25.yaml': example,
  'northmoor-ambulance-2024-25-panel.csv': join(root, 'examples', 'northmoor-ambulance-2024-25-panel.csv'),
};

test('grading the example offers the native workbook, JSON, Markdown and HTML report', async () => {
  const inPage = await runPage('grade', exampleFiles);
  console.log(`graded the example in ${inPage.ms} ms`);
  const base = 'northmoor-ambulance-2024-25';
  const onDisk = runNative(exampleFiles, ['grade', `${base}.yaml`, '-o', `${base}.xlsx`, '--json', `${base}.json`, '--markdown', `${base}.md`, '--html', `${base}.html`]);
  assert.equal(onDisk.status, 0);
  const grade = JSON.parse(onDisk.outputs[`${base}.json`].toString());
  assert.equal(inPage.status, `Graded: total ${grade.total} of ${grade.max}, ${grade.rating}.`);
  assertSameDownloads(inPage, onDisk);
  const text = await page.$eval('#grade', (box) => box.textContent);
  assert.match(text, /Domain 3 Inclusive leadership/);
  assert.match(text, /2B When at work, staff are free from abuse/);
  assert.match(text, /Panel agreement/);
  assert.match(text, /disagreement: Ratings for 2B span 0 to 2/);
  if (screenshots) await page.screenshot({ path: join(screenshots, 'web-graded.png'), fullPage: true });
});

test('axe-core finds no accessibility violations after grading', async () => {
  assert.deepEqual(await axeViolations(page, kWcagAA), [], 'WCAG 2.2 A and AA');
  assert.deepEqual(await axeViolations(page), [], 'all of axe-core\'s rules');
});

test('comparing three years offers the native outputs', async () => {
  const folder = join(root, 'examples', 'rollup', 'severnvale', 'rha-carrow');
  const files = Object.fromEntries(readdirSync(folder).filter((n) => n.endsWith('.yaml')).map((n) => [n, join(folder, n)]));
  const inPage = await runPage('compare', files);
  assert.equal(inPage.status, 'Compared: the summary is below.');
  const onDisk = runNative(files, ['compare', ...Object.keys(files).sort(), '-o', 'compare.xlsx', '--json', 'compare.json', '--markdown', 'compare.md', '--html', 'compare.html']);
  assertSameDownloads(inPage, onDisk);
});

test('rolling up the 40 organisations offers the native outputs', async () => {
  // Every file under its folder's name, so that the names are distinct.
  const files = {};
  const rollup = join(root, 'examples', 'rollup');
  for (const system of readdirSync(rollup, { withFileTypes: true }).filter((e) => e.isDirectory())) {
    for (const org of readdirSync(join(rollup, system.name))) {
      for (const year of readdirSync(join(rollup, system.name, org))) {
        files[`${org}-${year}`] = join(rollup, system.name, org, year);
      }
    }
  }
  assert.equal(Object.keys(files).length, 120);
  const inPage = await runPage('rollup', files);
  assert.equal(inPage.status, 'Rolled up: the summary is below.');
  const onDisk = runNative(files, ['rollup', ...Object.keys(files).sort(), '-o', 'rollup.xlsx', '--json', 'rollup.json', '--markdown', 'rollup.md', '--html', 'rollup.html']);
  assertSameDownloads(inPage, onDisk);
});

test('every bad input gives the messages of the command line', async () => {
  const bad = join(root, 'tests', 'testdata', 'bad');
  const sheets = Object.fromEntries(readdirSync(bad).filter((n) => n.endsWith('.csv')).map((n) => [n, join(bad, n)]));
  let checked = 0;
  for (const name of readdirSync(bad).filter((n) => n.endsWith('.yaml')).sort()) {
    const files = { ...sheets, [name]: join(bad, name) };
    const inPage = await runPage('grade', files);
    const base = basename(name, '.yaml');
    const onDisk = runNative(files, ['grade', name, '-o', `${base}.xlsx`, '--json', `${base}.json`, '--markdown', `${base}.md`, '--html', `${base}.html`]);
    if (onDisk.status === 0) continue;
    // Each located problem: "file:line:col: severity: message" as printed.
    const printed = onDisk.stderr.split('\n').filter((l) => /^eds3: .+: (error|warning|note): /.test(l))
      .map((l) => l.slice('eds3: '.length).replace(/^([^:]+): (error|warning|note): /, '$1: $2: '));
    assert.deepEqual(inPage.problems, printed, name);
    assert.deepEqual(inPage.downloads, {}, `${name}: nothing offered`);
    checked += 1;
  }
  assert.ok(checked > 50, `only ${checked} bad inputs checked`);
  if (screenshots) {
    await runPage('grade', { ...sheets, 'five-errors.yaml': join(bad, 'five-errors.yaml') });
    await page.screenshot({ path: join(screenshots, 'web-problems.png'), fullPage: true });
  }
});

test('axe-core finds no WCAG 2.2 A or AA violation in the HTML reports', async () => {
  // The reports the page offered for the example's grade, the comparison and
  // the 40-organisation roll-up (byte-identical to the command line's), each
  // opened from disk in a tab of its own with the network refused.
  assert.deepEqual(Object.keys(reports).sort(), ['compare.html', 'northmoor-ambulance-2024-25.html', 'rollup.html']);
  const folder = mkdtempSync(join(tmpdir(), 'eds3-reports-'));
  const tab = await browser.newPage();
  try {
    await tab.setRequestInterception(true);
    const asked = [];
    tab.on('request', (request) => {
      const url = request.url();
      if (url.startsWith(pathToFileURL(folder).href) || url.startsWith('data:')) {
        request.continue();
      } else {
        asked.push(url);
        request.abort();
      }
    });
    for (const [name, bytes] of Object.entries(reports)) {
      const file = join(folder, name);
      writeFileSync(file, bytes);
      await tab.goto(pathToFileURL(file).href);
      assert.deepEqual(await axeViolations(tab, kWcagAA), [], name);
    }
    assert.deepEqual(asked, [], 'a report asked for something from outside');
  } finally {
    await tab.close();
    rmSync(folder, { recursive: true, force: true });
  }
});

test('Run is off while chosen files are read, and the files chosen before are gone', async () => {
  // A run first, so that there are results and downloads to clear.
  assert.match((await runPage('grade', exampleFiles)).status, /^Graded: /);
  assert.ok(await page.$eval('#downloads', (d) => d.querySelectorAll('a').length) > 0);
  // Reading is made slow, so that the moment between choosing and read is
  // long enough to look at; a run in that moment used the old choice.
  await page.evaluate(() => {
    const read = File.prototype.arrayBuffer;
    window.releaseReads = null;
    const gate = new Promise((resolve) => { window.releaseReads = resolve; });
    File.prototype.arrayBuffer = function () { return gate.then(() => read.call(this)); };
  });
  const work = mkdtempSync(join(tmpdir(), 'eds3-upload-'));
  copyFileSync(example, join(work, 'late.yaml'));
  await page.click('#mode-grade');
  await (await page.$('#files')).uploadFile(join(work, 'late.yaml'));
  await page.waitForFunction(() => document.getElementById('chosen').textContent.startsWith('Reading 1 file'));
  assert.equal(await page.$eval('#run', (b) => b.disabled), true);
  assert.equal(await page.$eval('#downloads', (d) => d.querySelectorAll('a').length), 0, 'the last run\'s downloads are cleared');
  assert.equal(await page.$eval('#grade', (g) => g.textContent), '', 'the last run\'s grade is cleared');
  await page.evaluate(() => window.releaseReads());
  await page.waitForFunction(() => document.getElementById('chosen').textContent.startsWith('1 file chosen'));
  assert.equal(await page.$eval('#run', (b) => b.disabled), false);
  rmSync(work, { recursive: true, force: true });
});

test('the page made no network request', () => {
  assert.deepEqual(refused, []);
});
