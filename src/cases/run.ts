/** Runs rule test cases through the engine: used by `symptom-check test` and the playground. */
import { AnswersError } from '../engine/answers';
import { evaluate } from '../engine/evaluate';
import type { Questionnaire } from '../questionnaire/schema';
import type { Case } from './schema';

export interface CaseResult {
  name: string;
  passed: boolean;
  /** Why it failed, one line each. */
  failures: string[];
  got: { guidance: string[]; topLevel?: string };
}

export function runCase(questionnaire: Questionnaire, c: Case): CaseResult {
  let got: CaseResult['got'];
  try {
    const result = evaluate(questionnaire, c.answers);
    got = { guidance: result.guidance.map((g) => g.id), ...(result.guidance[0] ? { topLevel: result.guidance[0].level } : {}) };
  } catch (error) {
    if (!(error instanceof AnswersError)) throw error;
    return { name: c.name, passed: false, failures: error.problems.map((p) => `bad answer for ${p.question}: ${p.message}`), got: { guidance: [] } };
  }
  const failures: string[] = [];
  const expected = new Set(c.expect.guidance);
  const actual = new Set(got.guidance);
  const missing = [...expected].filter((id) => !actual.has(id));
  const extra = [...actual].filter((id) => !expected.has(id));
  if (missing.length || extra.length) {
    failures.push(`guidance: expected [${[...expected].join(', ')}], got [${got.guidance.join(', ')}]` + (missing.length ? `; missing ${missing.join(', ')}` : '') + (extra.length ? `; unexpected ${extra.join(', ')}` : ''));
  }
  if (c.expect.topLevel && c.expect.topLevel !== got.topLevel) failures.push(`top level: expected ${c.expect.topLevel}, got ${got.topLevel ?? 'none'}`);
  return { name: c.name, passed: failures.length === 0, failures, got };
}

export function runCases(questionnaire: Questionnaire, cases: Case[]): CaseResult[] {
  return cases.map((c) => runCase(questionnaire, c));
}
