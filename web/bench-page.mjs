// Times the page in headless Chromium: loading it until the engine is
// ready, grading the bundled example (first run and the median of 10), and
// rolling up the benchmark's 1,500-file national set given to the page
// (each run and the median of ROLLUPS runs, 3 unless given).
//   node web/bench-page.mjs PAGE.html NATIONAL_SET_DIR [ROLLUPS]
// (NATIONAL_SET_DIR from: eds3-bench-generate DIR --organisations 250 --years 6)
import { readdirSync, statSync, mkdtempSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const [pageFile, national, rollups = '3'] = process.argv.slice(2);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const profile = mkdtempSync(join(tmpdir(), 'eds3-bench-'));
const browser = await puppeteer.launch({
  executablePath: '/usr/bin/chromium', headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`],
});
const page = await browser.newPage();
let started = Date.now();
await page.goto(pathToFileURL(pageFile).href);
await page.waitForSelector('body[data-ready="true"]', { timeout: 120000 });
console.log(`load until the engine is ready: ${Date.now() - started} ms`);

async function run(mode, paths) {
  await page.click(`#mode-${mode}`);
  // Chosen afresh each time (the same files again fire no change event).
  await page.evaluate(() => {
    for (const id of ['status', 'chosen']) document.getElementById(id).textContent = '';
    document.getElementById('files').value = '';
  });
  await (await page.$('#files')).uploadFile(...paths);
  await page.waitForFunction((n) => document.getElementById('chosen').textContent.startsWith(`${n} file`), { timeout: 120000 }, paths.length);
  const clicked = Date.now();
  await page.click('#run');
  await page.waitForFunction(() => document.getElementById('status').textContent !== '', { timeout: 120000 });
  const wall = Date.now() - clicked;
  const engine = await page.evaluate(() => Number(document.body.dataset.lastRunMs));
  const status = await page.$eval('#status', (e) => e.textContent);
  return { wall, engine, status };
}

const example = [join(root, 'examples', 'northmoor-ambulance-2024-25.yaml'),
  join(root, 'examples', 'northmoor-ambulance-2024-25-panel.csv')];
const times = [];
for (let i = 0; i < 11; i++) {
  const r = await run('grade', example);
  if (i === 0) console.log(`grade the example, first run: ${r.engine.toFixed(1)} ms in eds3, ${r.wall} ms to the result shown`);
  else times.push(r);
}
times.sort((a, b) => a.wall - b.wall);
const middle = times[Math.floor(times.length / 2)];
console.log(`grade the example, median of 10: ${middle.engine.toFixed(1)} ms in eds3, ${middle.wall} ms to the result shown`);

if (national) {
  // The files under distinct names in one folder, as a user choosing them.
  const flat = mkdtempSync(join(tmpdir(), 'eds3-national-'));
  const paths = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.yaml')) {
        const target = join(flat, relative(national, path).replaceAll('/', '-'));
        copyFileSync(path, target);
        paths.push(target);
      }
    }
  };
  walk(national);
  const rolled = [];
  for (let i = 0; i < Number(rollups); i++) {
    started = Date.now();
    const r = await run('rollup', paths);
    r.withReading = Date.now() - started;
    rolled.push(r);
    console.log(`roll up ${paths.length} files: ${r.engine.toFixed(0)} ms in eds3, ${r.wall} ms to the result shown ` +
      `(${r.withReading} ms with reading the files); ${r.status}`);
  }
  const median = (key) => rolled.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(rolled.length / 2)];
  console.log(`roll up ${paths.length} files, median of ${rolled.length}: ${median('engine').toFixed(0)} ms in eds3, ` +
    `${median('wall')} ms to the result shown, ${median('withReading')} ms with reading the files`);
  rmSync(flat, { recursive: true, force: true });
}
await browser.close();
rmSync(profile, { recursive: true, force: true });
