/**
 * Rule evaluation throughput: answer sets per second through ours `evaluate` and through
 * json-logic-js and json-rules-engine running the same rules (converted automatically). Every
 * engine must first give the same advice, for the same reasons, on every answer set.
 */
import { evaluate, type AppliedGuidance } from '../../src/engine/evaluate';
import type { Answers, Questionnaire } from '../../src/questionnaire/schema';
import { median } from './stats';
import { evaluateJsonLogic, questionnaireToJsonLogic } from './toJsonLogic';
import { evaluateRulesEngine, questionnaireToRulesEngine } from './toRulesEngine';

export interface Contender {
  name: string;
  /** Runs every answer set once; returns a checksum so no work can be skipped. */
  runAll(sets: Answers[]): number | Promise<number>;
}

export interface Throughput {
  name: string;
  /** Answer sets per second, one per round. */
  rates: number[];
  median: number;
}

const count = (guidance: AppliedGuidance[]) => guidance.length + guidance.reduce((n, g) => n + g.because.length, 0);

export function contenders(questionnaire: Questionnaire) {
  const jl = questionnaireToJsonLogic(questionnaire, 'en');
  const jre = questionnaireToRulesEngine(questionnaire, 'en');
  const ours = (answers: Answers) => evaluate(questionnaire, answers, { lang: 'en', trusted: true }).guidance;
  const sync = (name: string, run: (a: Answers) => AppliedGuidance[]): Contender => ({
    name,
    runAll: (sets) => {
      let sum = 0;
      for (const answers of sets) sum += count(run(answers));
      return sum;
    },
  });
  // json-rules-engine is async: each answer set is awaited before the next, as a caller would.
  const async = (name: string, run: (a: Answers) => Promise<AppliedGuidance[]>): Contender => ({
    name,
    runAll: async (sets) => {
      let sum = 0;
      for (const answers of sets) sum += count(await run(answers));
      return sum;
    },
  });
  return {
    ours: sync('ours', ours),
    oursChecked: sync('ours, answers checked', (a) => evaluate(questionnaire, a, { lang: 'en' }).guidance),
    jsonLogic: sync('json-logic-js', (a) => evaluateJsonLogic(jl, a, true)),
    rulesEngine: async('json-rules-engine', (a) => evaluateRulesEngine(jre, a, true)),
    jsonLogicIds: sync('json-logic-js, ids only', (a) => evaluateJsonLogic(jl, a, false)),
    rulesEngineIds: async('json-rules-engine, ids only', (a) => evaluateRulesEngine(jre, a, false)),
    /** For the identity check. */
    run: {
      ours,
      jsonLogic: (a: Answers, reasons: boolean) => evaluateJsonLogic(jl, a, reasons),
      rulesEngine: (a: Answers, reasons: boolean) => evaluateRulesEngine(jre, a, reasons),
    },
  };
}

const essence = (guidance: AppliedGuidance[], reasons: boolean) =>
  JSON.stringify(guidance.map((g) => (reasons ? g : { id: g.id, level: g.level })));

/**
 * Every peer must give exactly ours: the same guidance ids in the same order, levels, texts and,
 * with reasons, the same reasons. Throws on the first difference, naming the answers.
 */
export async function checkIdentical(questionnaire: Questionnaire, sets: Answers[]): Promise<void> {
  const { run } = contenders(questionnaire);
  for (const [i, answers] of sets.entries()) {
    const ours = run.ours(answers);
    const expected = essence(ours, true);
    const expectedIds = essence(ours, false);
    const got: [string, string, string][] = [
      ['json-logic-js (with reasons)', expected, essence(run.jsonLogic(answers, true), true)],
      ['json-logic-js (ids only)', expectedIds, essence(run.jsonLogic(answers, false), false)],
      ['json-rules-engine (with reasons)', expected, essence(await run.rulesEngine(answers, true), true)],
      ['json-rules-engine (ids only)', expectedIds, essence(await run.rulesEngine(answers, false), false)],
    ];
    for (const [name, want, have] of got) {
      if (want !== have) {
        throw new Error(`${name} differs from ours on answer set #${i}:\n answers: ${JSON.stringify(answers)}\n ours:    ${want}\n ${name}: ${have}`);
      }
    }
  }
}

/** Interleaved rounds (each contender in turn, all answer sets each), after one warm-up round. */
export async function measureThroughput(list: Contender[], sets: Answers[], rounds: number, log: (line: string) => void): Promise<Throughput[]> {
  const rates = list.map(() => [] as number[]);
  let sink = 0;
  for (let round = 0; round <= rounds; round++) {
    for (const [i, contender] of list.entries()) {
      const start = performance.now();
      sink += await contender.runAll(sets);
      const seconds = (performance.now() - start) / 1000;
      if (round > 0) rates[i]!.push(sets.length / seconds);
    }
    log(round === 0 ? 'warm-up round done' : `round ${round}/${rounds}: ${list.map((c, i) => `${c.name} ${Math.round(rates[i]!.at(-1)!)}/s`).join(', ')}`);
  }
  if (sink === 0) throw new Error('no guidance at all: the answer sets are wrong');
  return list.map((c, i) => ({ name: c.name, rates: rates[i]!, median: median(rates[i]!) }));
}
