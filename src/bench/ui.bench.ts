// UI figures, measured in Chromium on the built site: initial JavaScript
// (gzip) beside a bare Vite + React page; time from a keystroke in the editor
// to the updated items grid (e-commerce and a 1,000-pattern model); and the
// 100,000-item grid: time to first rows and frame times while scrolling (once the page settled); a big
// model file (1.9 M characters, and 10 M past the limit): time to open it, to its
// design, the longest main-thread task meanwhile, and keystroke → next frame in it.
// Beside the keystroke and scrolling figures, this machine's floor for each: the same
// measure of a keystroke that changes no item, and of scrolling a plain page.
// Printed, never asserted.   npx tsx src/bench/ui.bench.ts   (part of `npm run bench`)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { preview } from 'vite';
import { printModelText, loadProblem } from '../engine/index.ts';
import { shareHash } from '../store/shareLink.ts';
import { MAX_SOURCE_CHARS } from '../store/sourceLimit.ts';
import { bundleFigures } from './bundleSize.ts';
import { median, printTable, problemsDir } from './engineBench.ts';
import { modelTextOfSize, syntheticModel } from './syntheticModel.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
/** The pause before each timed keystroke: a person between two edits (the lint's review of the last one has finished). */
const PAUSE_MS = 1_000;
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
const ms = (n: number) => `${n.toFixed(1)} ms`;

function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

/** The status line of the items panel ("410 items in 196 partitions · …"), and its "Generating…" while the samples are made. */
const STATUS = '.tw-items__status';
const BUSY = '.tw-items__busy';

/** Monaco's textbox in the model editor (attached once the lazy editor has arrived). */
function modelTextbox(page: Page) {
  return page.getByRole('region', { name: 'Model editor' }).getByRole('code').getByRole('textbox', { name: 'Model' });
}

async function openWithModel(page: Page, base: string, text: string, tab: string): Promise<void> {
  await page.goto(`${base}${shareHash({ text, format: 'text' })}`);
  await page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: tab, exact: true }).click();
  await page.locator(STATUS).first().waitFor({ timeout: 60_000 });
  // Monaco's textbox, once the lazy editor has arrived.
  await modelTextbox(page).waitFor({ state: 'attached', timeout: 60_000 });
}

/**
 * Keystroke → grid: type a digit after an entity's count (and delete it again), timing from the
 * keydown until the grid shows the new sample (its item count changed, nothing generating) and a frame
 * has been drawn. Each keystroke waits first until the grid is settled and then `pauseMs` more (a
 * person pausing between edits, while the lint's review finishes); 0 types the next key as soon as
 * the grid has updated.
 */
async function keystrokeToGrid(page: Page, line: number, strokes: number, pauseMs: number): Promise<number[]> {
  const textbox = modelTextbox(page);
  await textbox.focus();
  await page.keyboard.press('ControlOrMeta+Home');
  for (let i = 1; i < line; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.evaluate(() => {
    const w = window as unknown as { __tw_keydown: number };
    document.addEventListener('keydown', () => (w.__tw_keydown = performance.now()), { capture: true });
  });
  /** The status line without its "Generating…": the items shown. */
  const shown = ({ status, busy }: { status: string; busy: string }) =>
    `(() => { const s = document.querySelector('${status}'); if (!s || s.querySelector('${busy}')) return undefined; return s.textContent; })()`;
  const selectors = { status: STATUS, busy: BUSY };
  const times: number[] = [];
  for (let i = 0; i < strokes; i++) {
    await page.waitForFunction(shown(selectors), undefined, { timeout: 60_000 });
    if (pauseMs > 0) await page.waitForTimeout(pauseMs);
    const before = await page.evaluate(shown(selectors));
    await page.keyboard.press(i % 2 === 0 ? '1' : 'Backspace');
    const t = await page.evaluate(
      ({ status, busy, before }) =>
        new Promise<number>((resolve, reject) => {
          const w = window as unknown as { __tw_keydown: number };
          const started = performance.now();
          const tick = () => {
            const element = document.querySelector(status);
            const now = element === null || element.querySelector(busy) !== null ? undefined : element.textContent;
            if (now !== undefined && now !== before) requestAnimationFrame(() => resolve(performance.now() - w.__tw_keydown));
            else if (performance.now() - started > 30_000) reject(new Error('the grid did not change'));
            else requestAnimationFrame(tick);
          };
          tick();
        }),
      { ...selectors, before },
    );
    times.push(t);
  }
  return times;
}

/** Frame times (rAF to rAF) while the scroller under `selector` scrolls 400 px a frame, 300 frames. */
async function scrollFrames(page: Page, selector: string): Promise<number[]> {
  return page.evaluate(
    (selector) =>
      new Promise<number[]>((resolve) => {
        const scroller = document.querySelector(selector);
        if (!(scroller instanceof HTMLElement)) throw new Error(`no scroller ${selector}`);
        const deltas: number[] = [];
        let last = performance.now();
        let n = 0;
        const step = () => {
          const now = performance.now();
          deltas.push(now - last);
          last = now;
          scroller.scrollTop += 400;
          if (++n < 300) requestAnimationFrame(step);
          else resolve(deltas.slice(1));
        };
        requestAnimationFrame(step);
      }),
    selector,
  );
}

/**
 * This machine's floor for the scrolling figure: the same scroll of a plain page that draws 40 rows of text
 * (no table, no React) for each new offset. Frame times cannot be below what the browser takes for that.
 */
async function plainScrollFrames(page: Page): Promise<number[]> {
  await page.goto('about:blank');
  await page.setContent(
    `<!doctype html><body style="margin:0"><div id="s" style="height:700px;width:1000px;overflow:auto;contain:layout paint"><div id="c" style="height:2800000px;position:relative"></div></div></body>`,
  );
  await page.evaluate(() => {
    const scroller = document.getElementById('s') as HTMLElement;
    const content = document.getElementById('c') as HTMLElement;
    const draw = (top: number) => {
      const first = Math.floor(top / 28);
      let html = '';
      for (let i = first; i < first + 40; i++)
        html += `<div style="position:absolute;top:${i * 28}px;height:28px;width:1000px;border-bottom:1px solid #ddd;font:13px sans-serif">USER#user.${i}@example.com · SCORE#${i * 7} · ${i}</div>`;
      content.innerHTML = html;
    };
    draw(0);
    scroller.addEventListener('scroll', () => draw(scroller.scrollTop), { passive: true });
  });
  return scrollFrames(page, '#s');
}

/** Times the page's next keydown to `end`: the second frame after it, or the task after the next frame (keyTime reads it). */
async function armKeyTimer(page: Page, end: 'second frame' | 'task after the next frame'): Promise<void> {
  await page.evaluate((end) => {
    const w = window as unknown as { __tw_key: Promise<number> };
    w.__tw_key = new Promise((resolve) =>
      document.addEventListener(
        'keydown',
        () => {
          const at = performance.now();
          const done = () => resolve(performance.now() - at);
          requestAnimationFrame(() => (end === 'second frame' ? requestAnimationFrame(done) : setTimeout(done, 0)));
        },
        { capture: true, once: true },
      ),
    );
  }, end);
}

/** The time armKeyTimer took, once its end has come. */
function keyTime(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __tw_key: Promise<number> }).__tw_key);
}

/**
 * This machine's floor for the keystroke figure: a keystroke in the editor that changes no item (a letter in a
 * comment), timed from the keydown to the second frame after it, the keystroke figure's own end (the grid
 * changed, then a frame). A keystroke whose grid update lands in the first frame after the key costs this much.
 */
async function commentKeystrokes(page: Page, strokes: number): Promise<number[]> {
  const textbox = modelTextbox(page);
  await textbox.focus();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(' # x');
  await page.waitForTimeout(PAUSE_MS);
  const times: number[] = [];
  for (let i = 0; i < strokes; i++) {
    await armKeyTimer(page, 'second frame');
    await page.keyboard.press(i % 2 === 0 ? 'y' : 'Backspace');
    times.push(await keyTime(page));
    await page.waitForTimeout(PAUSE_MS);
  }
  return times;
}

/** Loads of the 100,000-item grid timed to first rows: one load moves by ±250 ms on a 2-CPU machine, a median of several does not. */
const GRID_LOADS = 5;

async function bigGrid(page: Page, base: string): Promise<{ firstRows: number[]; frames: number[] }> {
  const text = fs.readFileSync(path.join(problemsDir(), 'dynamodbguide-image-leaderboard.problem.json'), 'utf8');
  const model = loadProblem(text).model;
  if (!model) throw new Error('leaderboard does not load');
  const big = printModelText({ ...model, entities: model.entities.map((e) => ({ ...e, count: 100_000 })) });
  const firstRows: number[] = [];
  for (let load = 0; load < GRID_LOADS; load++) {
    await page.goto('about:blank');
    await page.goto(`${base}${shareHash({ text: big, format: 'text' })}`);
    await page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: 'Items', exact: true }).click();
    firstRows.push(
      await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const tick = () => {
              const status = document.querySelector('.tw-items__status')?.textContent ?? '';
              if (/100[,.]?000 items/.test(status) && document.querySelector('.tw-grid__body [aria-rowindex]')) resolve(performance.now());
              else requestAnimationFrame(tick);
            };
            tick();
          }),
      ),
    );
  }
  // Scrolling is timed once the page has settled (the analysis's last phase in, Monaco loaded, which it
  // does once the samples are shown and the page is idle, then an idle moment): the frames then are the
  // grid's own, not the page still loading (Monaco, the lint's findings).
  await page.waitForFunction((busy) => document.querySelector(busy) === null, BUSY, { timeout: 60_000 });
  await modelTextbox(page).waitFor({ state: 'attached', timeout: 60_000 });
  await page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 10_000 })));
  const frames = await scrollFrames(page, '.tw-grid__scroll');
  return { firstRows, frames };
}

/**
 * Big models: opening a file of `chars` characters (time to the notice and to the design, and the
 * longest main-thread task meanwhile), then keystroke → next frame in it (the page answering typing).
 */
async function bigModel(
  page: Page,
  base: string,
  chars: number,
): Promise<{ notice: number; design: number; longest: number; keys: number[] } | { refused: number; longest: number }> {
  await page.goto('about:blank');
  await page.goto(base);
  await modelTextbox(page).waitFor({ state: 'attached', timeout: 60_000 });
  await page
    .getByRole('region', { name: 'Design' })
    .getByText(/access patterns?/)
    .first()
    .waitFor({ timeout: 60_000 });
  await page.evaluate(() => {
    const w = window as unknown as { __tw_long: number };
    w.__tw_long = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__tw_long = Math.max(w.__tw_long, entry.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  // From a file on disk: a buffer would be decoded by a script in the page, a main-thread task of Playwright's own.
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tw-bench-')), 'big.model.txt');
  fs.writeFileSync(file, modelTextOfSize(chars));
  const started = Date.now();
  await page.getByLabel('Open problem file').setInputFiles(file);
  const longest = () => page.evaluate(() => (window as unknown as { __tw_long: number }).__tw_long);
  if (chars > MAX_SOURCE_CHARS) {
    await page.getByRole('alert').filter({ hasText: 'big.model.txt was not opened' }).waitFor({ timeout: 60_000 });
    return { refused: Date.now() - started, longest: await longest() };
  }
  await page.getByRole('status').filter({ hasText: 'Opened big.model.txt' }).waitFor({ timeout: 60_000 });
  const notice = Date.now() - started;
  await page
    .getByRole('region', { name: 'Design' })
    .getByText(/1,?000 access patterns/)
    .waitFor({ timeout: 120_000 });
  const design = Date.now() - started;
  const textbox = modelTextbox(page);
  await textbox.focus();
  await page.keyboard.press('ControlOrMeta+Home');
  const keys: number[] = [];
  for (let i = 0; i < 10; i++) {
    await armKeyTimer(page, 'task after the next frame');
    await page.keyboard.press(i % 2 === 0 ? 'x' : 'Backspace');
    keys.push(await keyTime(page));
  }
  return { notice, design, longest: await longest(), keys };
}

export default async function uiBench(): Promise<void> {
  console.log('\n## Web app (built site, Chromium)');
  const bundle = await bundleFigures();
  printTable(
    ['initial JavaScript (gzip)', 'size', 'ratio'],
    [
      ['Tablewright, without lazy chunks (Monaco, run panel)', kb(bundle.initialGzip), `${(bundle.initialGzip / bundle.bareGzip).toFixed(2)}× (target ≤ 3×)`],
      ['bare Vite + React page', kb(bundle.bareGzip), '1.00×'],
    ],
  );
  console.log(
    `largest lazy chunks: ${bundle.lazyChunks
      .slice(0, 4)
      .map((c) => `${c.file} ${kb(c.gzip)}`)
      .join(', ')}`,
  );

  const server = await preview({ root, logLevel: 'silent', preview: { host: '127.0.0.1', port: 4391, strictPort: false } });
  const base = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4391/';
  const systemChromium = '/usr/bin/chromium';
  const browser = await chromium.launch({
    ...(fs.existsSync(systemChromium) ? { executablePath: systemChromium } : {}),
    args: [
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    // tsx keeps function names with a `__name` helper that the page does not have.
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    const ecommerce = printModelText(loadProblem(fs.readFileSync(path.join(problemsDir(), 'ecommerce.problem.json'), 'utf8')).model ?? syntheticModel(10, 5));
    await openWithModel(page, base, ecommerce, 'Items');
    const userLine = ecommerce.split('\n').findIndex((l) => l.startsWith('entity User')) + 1;
    const small = await keystrokeToGrid(page, userLine, 20, PAUSE_MS);
    const floor = await commentKeystrokes(page, 12);

    const synthetic = printModelText(syntheticModel(1000, 200));
    await page.goto('about:blank');
    await openWithModel(page, base, synthetic, 'Items');
    const firstEntity = synthetic.split('\n').findIndex((l) => l.startsWith('entity ')) + 1;
    const large = await keystrokeToGrid(page, firstEntity, 12, PAUSE_MS);
    const typing = await keystrokeToGrid(page, firstEntity, 12, 0);
    printTable(
      ['keystroke → updated grid', 'median', 'p90', 'keystrokes'],
      [
        ['e-commerce (11 patterns)', ms(median(small)), ms(percentile(small, 90)), String(small.length)],
        [`synthetic (1,000 patterns, ${synthetic.split('\n').length} lines)`, ms(median(large)), ms(percentile(large, 90)), String(large.length)],
        [
          "e-commerce, a keystroke that changes no item (in a comment), to the same end: this machine's floor",
          ms(median(floor)),
          ms(percentile(floor, 90)),
          String(floor.length),
        ],
        [
          'synthetic, each key as soon as the grid updated (the lint of the last one still running)',
          ms(median(typing)),
          ms(percentile(typing, 90)),
          String(typing.length),
        ],
      ],
    );
    console.log(`(each keystroke after the grid settled and a ${PAUSE_MS} ms pause, unless said otherwise)`);

    const grid = await bigGrid(page, base);
    const plain = await plainScrollFrames(page);
    printTable(
      ['100,000-item grid', 'value'],
      [
        [
          `navigation → first rows, median of ${String(GRID_LOADS)} loads (fastest–slowest)`,
          `${ms(median(grid.firstRows))} (${ms(Math.min(...grid.firstRows))}–${ms(Math.max(...grid.firstRows))})`,
        ],
        ['frame time while scrolling, median', ms(median(grid.frames))],
        ['frame time while scrolling, p95', ms(percentile(grid.frames, 95))],
        ['frames over 25 ms (a vsync missed)', `${grid.frames.filter((f) => f > 25).length} of ${grid.frames.length}`],
        ['frames over 50 ms', `${grid.frames.filter((f) => f > 50).length} of ${grid.frames.length}`],
        ["a plain page drawing 40 rows of text per offset, the same scroll, p95: this machine's floor", ms(percentile(plain, 95))],
      ],
    );

    const rows: string[][] = [];
    for (const chars of [1_900_000, 10_000_000]) {
      // A fresh page and storage each time: the e-commerce example, not the autosaved work of the runs above.
      const fresh = await browser.newPage({ viewport: { width: 1600, height: 900 } });
      await fresh.addInitScript({ content: 'window.__name = (f) => f;' });
      const r = await bigModel(fresh, base, chars);
      await fresh.close();
      const size = `${(chars / 1_000_000).toFixed(1)} M characters`;
      if ('refused' in r) rows.push([`${size} (past the limit)`, `refused after ${ms(r.refused)}`, '–', ms(r.longest), '–']);
      else rows.push([size, ms(r.notice), ms(r.design), ms(r.longest), ms(median(r.keys))]);
    }
    printTable(['open a big model file', 'opened', 'design shown', 'longest main-thread task', 'keystroke → next frame, median'], rows);
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await uiBench();
