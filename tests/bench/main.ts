/**
 * The bench: size, start-up and rule throughput of <symptom-check> against peers, measured in
 * one run and reported as ratios. Bundled and started by run.ts (`npm run bench`); progress goes
 * to stderr, the Markdown table to stdout and to tests/bench/last-run.md.
 *
 * Settings (environment): BENCH_LOADS (start-up loads per page, default 61: single loads vary by ±50 ms, and a median of 31 still moved by ±0.03 of the ratio from run to run), BENCH_THROTTLE
 * (CPU slow-down, default 4), BENCH_SETS (answer sets, default 10000), BENCH_ROUNDS (throughput
 * rounds, default 5), BENCH_SEED (default 20261123).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import type { Browser } from 'playwright-core';
import { measureFirstLoad } from '../browser/firstLoad';
import { answerSets, lupusQuestionnaire, repoRoot, seededRandom } from './answerSets';
import { filesBeforeFirstControl, firstControl, launchBrowser, type LoadedFiles } from './browser';
import { startBenchServer } from './server';
import { bootstrapInterval, int, kb, median, range, times } from './stats';
import { checkIdentical, contenders, measureThroughput, type Throughput } from './throughput';
import { questionnaireToSurveyJs } from './toSurveyJs';

const setting = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
const LOADS = setting('BENCH_LOADS', 61);
const THROTTLE = setting('BENCH_THROTTLE', 4);
const SETS = setting('BENCH_SETS', 10_000);
const ROUNDS = setting('BENCH_ROUNDS', 5);
const SEED = setting('BENCH_SEED', 20261123);

const root = repoRoot();
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
const version = (pkg: string) => (JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;

/** Nothing of the peers may reach the widget: no trace of them in any built file. */
function checkDistHasNoPeers(): void {
  const markers = ['survey-core', 'survey-js-ui', 'SurveyModel', 'json-logic', 'jsonLogic', 'json-rules-engine', 'addRuntimeFact'];
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
  for (const file of walk(join(root, 'dist'))) {
    const text = readFileSync(file, 'utf8');
    const found = markers.find((m) => text.includes(m));
    if (found) throw new Error(`${relative(root, file)} contains "${found}": a peer reached dist/`);
  }
}

interface Sizes {
  ours: LoadedFiles;
  oursIntro: LoadedFiles;
  surveyjs: LoadedFiles;
}

async function measureSizes(browser: Browser, url: string, body: (path: string) => Buffer | undefined): Promise<Sizes> {
  return {
    ours: await measureFirstLoad(browser, url, '/bench/ours.html'),
    oursIntro: await filesBeforeFirstControl(browser, `${url}/bench/ours.html`, body),
    surveyjs: await filesBeforeFirstControl(browser, `${url}/bench/surveyjs.html`, body),
  };
}

/** A copy of `items` in random order (Fisher-Yates). */
function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const PAGES = [
  ['ours', '/bench/ours.html'],
  ['surveyjs', '/bench/surveyjs.html'],
  ['blank', '/bench/blank.html'],
  // A reference, not a peer: a module script that only puts one button in a shadow root.
  ['floor', '/bench/floor.html'],
] as const;
type PageName = (typeof PAGES)[number][0];

interface StartUp {
  times: Record<PageName, number[]>;
  what: Record<PageName, Set<string>>;
  /** Per page and file: when its request started and its response ended, one entry per load. */
  files: Record<PageName, Map<string, { start: number[]; end: number[] }>>;
}

async function measureStartUp(browser: Browser, url: string): Promise<StartUp> {
  const random = seededRandom(SEED);
  const result: StartUp = {
    times: { ours: [], surveyjs: [], blank: [], floor: [] },
    what: { ours: new Set(), surveyjs: new Set(), blank: new Set(), floor: new Set() },
    files: { ours: new Map(), surveyjs: new Map(), blank: new Map(), floor: new Map() },
  };
  for (let round = 0; round <= LOADS; round++) {
    // A fresh order each round, so that no page always follows the same one (a heavy page can
    // leave the browser busy for the next load).
    for (const [name, path] of shuffled(PAGES, random)) {
      const load = await firstControl(browser, `${url}${path}`, THROTTLE);
      if (round === 0) continue; // one warm-up load of each page (disk cache, first compile of Chromium itself)
      result.times[name].push(load.t);
      result.what[name].add(`${load.what}${load.inShadow ? ' (in a shadow root)' : ''}`);
      for (const r of load.resources) {
        if (r.path === '/favicon.ico') continue;
        const file = result.files[name].get(r.path) ?? { start: [], end: [] };
        file.start.push(r.start);
        file.end.push(r.end);
        result.files[name].set(r.path, file);
      }
    }
    if (round > 0) log(`start-up load ${round}/${LOADS}: ${PAGES.map(([n]) => `${n} ${Math.round(result.times[n].at(-1)!)} ms`).join(', ')}`);
  }
  return result;
}

function table(sizes: Sizes, startUp: StartUp, throughput: Throughput[], env: string): string {
  const t = startUp.times;
  const med = { ours: median(t.ours), surveyjs: median(t.surveyjs), blank: median(t.blank), floor: median(t.floor) };
  const cost = { ours: med.ours - med.blank, surveyjs: med.surveyjs - med.blank, floor: med.floor - med.blank };
  const costRatio = cost.ours / cost.surveyjs;
  // How far the noise of single loads leaves the ratio uncertain.
  const [ratioLow, ratioHigh] = bootstrapInterval(
    [t.ours, t.surveyjs, t.blank],
    ([ours, surveyjs, blank]) => (median(ours!) - median(blank!)) / (median(surveyjs!) - median(blank!)),
    seededRandom(SEED),
  );
  // The same ratio load by load (each round's three loads ran back to back), less sensitive to drift.
  const pairedRatio = median(t.ours.map((ours, i) => (ours - t.blank[i]!) / (t.surveyjs[i]! - t.blank[i]!)));
  const waterfall = (page: PageName) =>
    [...startUp.files[page]]
      .filter(([, f]) => f.start.length * 2 > t[page].length) // fetched in most loads
      .sort((a, b) => median(a[1].start) - median(b[1].start))
      .map(([path, f]) => `${path.replace(/^\/(dist|vendor|bench)\//, '')} ${int(median(f.start))}→${int(median(f.end))}`)
      .join(', ');
  const spread = (values: number[]) => {
    const [lo, hi] = range(values);
    return `${int(lo)}–${int(hi)}`;
  };
  const tp = Object.fromEntries(throughput.map((x) => [x.name, x])) as Record<string, Throughput>;
  const ours = tp['ours']!;
  const vs = (peer: string) => ours.median / tp[peer]!.median;
  const met = (ok: boolean) => (ok ? '**yes**' : '**no**');
  const files = (l: LoadedFiles) => l.files.map((f) => `${f.path.replace(/^\/(dist|vendor|bench)\//, '')} ${kb(f.gzip)}`).join(' + ');
  const rows = [
    ['What', 'symptom-check', 'Peer', 'Ratio', 'Goal', 'Met'],
    ['First load, gzip -9: every file fetched until the first question (ours) / first control (SurveyJS)', kb(sizes.ours.totalGzip), `SurveyJS ${kb(sizes.surveyjs.totalGzip)}`, `SurveyJS is ${times(sizes.surveyjs.totalGzip / sizes.ours.totalGzip)} ours`, '—', '—'],
    [`Start-up: navigation → first control laid out, ${THROTTLE}× CPU throttling, median of ${LOADS} cold loads (ms)`, int(med.ours), `SurveyJS ${int(med.surveyjs)}; blank page ${int(med.blank)}`, '—', '—', '—'],
    ['Start-up cost above the blank page (ms)', int(cost.ours), `SurveyJS ${int(cost.surveyjs)}`, `ours is ${costRatio.toFixed(2)} of SurveyJS's (95% interval ${ratioLow.toFixed(2)}–${ratioHigh.toFixed(2)}; load by load: ${pairedRatio.toFixed(2)})`, '≤ 0.10', met(costRatio <= 0.1)],
    ['Reference: start-up cost above the blank page of a module script that only puts one button in a shadow root (ms)', int(cost.ours), `floor ${int(cost.floor)}`, `ours' own code: ${int(cost.ours - cost.floor)} ms`, '—', '—'],
    [`Rule evaluation with reasons vs json-logic-js, answer sets/s (median of ${ROUNDS} rounds × ${int(SETS)} sets)`, int(ours.median), `json-logic-js ${int(tp['json-logic-js']!.median)}`, `ours is ${times(vs('json-logic-js'))}`, '≥ 10×', met(vs('json-logic-js') >= 10)],
    ['Rule evaluation with reasons vs json-rules-engine, answer sets/s (same rounds)', int(ours.median), `json-rules-engine ${int(tp['json-rules-engine']!.median)}`, `ours is ${times(vs('json-rules-engine'))}`, '≥ 100×', met(vs('json-rules-engine') >= 100)],
    ['Reference: peers giving ids only (no reasons)', int(ours.median), `json-logic-js ${int(tp['json-logic-js, ids only']!.median)}; json-rules-engine ${int(tp['json-rules-engine, ids only']!.median)}`, `ours is ${times(vs('json-logic-js, ids only'))}; ${times(vs('json-rules-engine, ids only'))}`, '—', '—'],
    ['Reference: ours with the answers check on (`trusted: false`)', int(tp['ours, answers checked']!.median), '—', '—', '—', '—'],
  ];
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const md = [line(rows[0]!), line(rows[0]!.map(() => '---')), ...rows.slice(1).map(line)];
  const notes = [
    `Run: ${env}. One run measures ours and the peers together; the machine is noisy, so compare the ratios, not the absolute numbers.`,
    `Size files. Ours (tests/browser/firstLoad.ts \`measureFirstLoad\`, to the first question, after Start): ${files(sizes.ours)}. Ours to the intro screen only: ${kb(sizes.oursIntro.totalGzip)}. SurveyJS (what its "Get started" page links, plus the converted questionnaire and a 3-line start script): ${files(sizes.surveyjs)}.`,
    'SurveyJS\'s default CSS (survey-core.min.css) also asks Google Fonts for Open Sans; there is no network here, so those font files are neither fetched nor counted (a real page would download them too).',
    `First control seen: ours ${[...startUp.what.ours].join(', ')}; SurveyJS ${[...startUp.what.surveyjs].join(', ')}; blank page ${[...startUp.what.blank].join(', ')}; floor ${[...startUp.what.floor].join(', ')}. For ours that is the language button above the intro, laid out in the same frame as the intro's text and its Start button, which is what a patient sees first (the button is named "हिन्दी" from the start; its Devanagari label is drawn once that frame is painted, since the first Devanagari text on a page loads a font). Our first *question* control appears only after Start is clicked, which is the patient's time, not start-up, so it is not timed here.`,
    `Start-up spreads (min–max, ms): ours ${spread(t.ours)}; SurveyJS ${spread(t.surveyjs)}; blank ${spread(t.blank)}; floor ${spread(t.floor)}. Files before the first control (median request start→response end, ms after navigation): ours ${waterfall('ours')}; SurveyJS ${waterfall('surveyjs')}. Loads interleaved, in a shuffled order each round (seeded), each in a new browser context (empty cache, \`Cache-Control: no-store\`) after one warm-up load of each; time is performance.now() in the page when an animation-frame check (installed before navigation, shadow roots included) first finds an input, button, select or textarea with a non-empty box. Cost above blank = median − blank median; its ratio's 95% interval is a percentile bootstrap (2,000 resamplings of each page's loads, seeded).`,
    'Floor (tests/bench/pages/floor.html): the same one module-script tag as ours.html, for a script that defines one element whose shadow root holds one button. Its cost above the blank page is what shipping any widget that way costs (fetching the script and running it before the page\'s first frame); ours above the floor is what our own code costs (more to compile and run, the stylesheet, laying out and drawing the intro\'s text).',
    'The tag is the one README gives, in the head: `<script type="module" src="…/symptom-check.js" blocking="render">`. blocking="render" holds the page\'s first frame until the script has run, so the widget is in that frame; SurveyJS\'s recommended tags (classic scripts in the head) hold it the same way. Without the attribute, the page draws an empty frame first and the widget comes one frame later: about 15 ms more at 4× in an A/B run of 60 loads each (81 against 65 ms above the blank page).',
    `Throughput rounds (sets/s): ${throughput.map((x) => `${x.name} ${x.rates.map(int).join(', ')}`).join('; ')}.`,
    `Answer sets: ${int(SETS)} from a seeded generator (seed ${SEED}), legal values only, follow-ups answered only when asked (answers to hidden follow-ups removed with our visibleQuestions before timing, so all engines get the same input). Before timing, every engine gave the same guidance ids, order, levels, texts and reasons as ours on every set.`,
    'Reasons: ours returns `because` itself. The peers\' reasons are worded by the bench from what each peer decided: json-rules-engine\'s recorded condition results; for json-logic-js, extra `apply` calls on the sub-rules of advice that applies (it has no trace). Scores are computed facts: a nested json-logic sum applied once per set; for json-rules-engine, higher-priority item rules adding runtime facts that a dynamic fact sums.',
    'Ours is timed as bundled JavaScript (as it ships), with `evaluate(questionnaire, answers, { lang: "en", trusted: true })` (the peers check nothing either); json-rules-engine is awaited set by set. All three run on Node in the same process, interleaved ours, json-logic-js, json-rules-engine (then the reference rows), after a warm-up round.',
  ];
  return `${md.join('\n')}\n\nNotes:\n\n${notes.map((n) => `- ${n}`).join('\n')}\n`;
}

async function main(): Promise<void> {
  const questionnaire = lupusQuestionnaire();
  checkDistHasNoPeers();

  log(`generating ${int(SETS)} answer sets (seed ${SEED}) and checking that every engine agrees with ours`);
  const sets = answerSets(questionnaire, SETS, SEED);
  await checkIdentical(questionnaire, sets);

  const surveyJson = questionnaireToSurveyJs(questionnaire, 'en');
  const server = await startBenchServer({ '/bench/lupus-survey.js': `window.LUPUS_SURVEY = ${JSON.stringify(surveyJson)};\n` });
  let browser: Browser | undefined;
  let sizes: Sizes;
  let startUp: StartUp;
  let chromiumVersion: string;
  try {
    browser = await launchBrowser();
    chromiumVersion = browser.version();
    log('measuring sizes');
    sizes = await measureSizes(browser, server.url, server.body);
    log(`measuring start-up (${LOADS} loads of each page, ${THROTTLE}× CPU throttling)`);
    startUp = await measureStartUp(browser, server.url);
  } finally {
    await browser?.close();
    await server.close();
  }

  log(`measuring throughput (${ROUNDS} rounds of ${int(SETS)} answer sets, browser closed)`);
  const c = contenders(questionnaire);
  const throughput = await measureThroughput([c.ours, c.jsonLogic, c.rulesEngine, c.oursChecked, c.jsonLogicIds, c.rulesEngineIds], sets, ROUNDS, log);

  const env = `${new Date().toISOString().slice(0, 16)}Z, Node ${process.version}, Chromium ${chromiumVersion}, ${availableParallelism()} cores; survey-core ${version('survey-core')}, survey-js-ui ${version('survey-js-ui')}, json-logic-js ${version('json-logic-js')}, json-rules-engine ${version('json-rules-engine')}`;
  const markdown = `# symptom-check vs peers\n\n${table(sizes, startUp, throughput, env)}`;
  process.stdout.write(markdown);
  writeFileSync(join(root, 'tests/bench/last-run.md'), markdown);
  log('wrote tests/bench/last-run.md');
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
