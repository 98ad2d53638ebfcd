/**
 * Seeded answer sets for the rule benchmark and the converter tests: legal values only (what
 * src/engine/answerValidity.ts accepts, as tests/property/arbitraries.ts generates them), and
 * only for the questions that are asked given the other answers, so that every engine sees the
 * same input and none has to know about follow-ups.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { visibleQuestions } from '../../src/engine/evaluate';
import { loadQuestionnaire } from '../../src/questionnaire/load';
import type { AnswerValue, Answers, Question, Questionnaire } from '../../src/questionnaire/schema';

/** The repository root: found by walking up, so this also works when bundled into tests/bench/.out/. */
export function repoRoot(): string {
  let dir = import.meta.dirname;
  while (!existsSync(join(dir, 'rules/lupus.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the repository root (rules/lupus.json) above ' + import.meta.dirname);
    dir = parent;
  }
  return dir;
}

/** The built-in lupus questionnaire, loaded and checked by our own loader. */
export function lupusQuestionnaire(): Questionnaire {
  const file = join(repoRoot(), 'rules/lupus.json');
  const result = loadQuestionnaire(readFileSync(file, 'utf8'), 'rules/lupus.json');
  if (!result.ok) throw new Error(`rules/lupus.json does not load:\n${result.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('\n')}`);
  return result.questionnaire;
}

/** mulberry32: a small, fast, seeded generator of floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/**
 * One legal answer to `question`; "unsure" is legal for every type. `unwell` (0 to 1, drawn once
 * per answer set) is how likely a "yes" or a ticked symptom is, so the sets range from "nothing
 * applies" to "many pieces of advice".
 */
function answerFor(question: Question, random: () => number, unwell: number): AnswerValue {
  if (random() < 0.06) return 'unsure';
  switch (question.type) {
    case 'yesno':
      return random() < 0.05 ? 'unsure' : random() < unwell ? 'yes' : 'no';
    case 'single':
      return pick(random, question.options.map((o) => o.id));
    case 'multi': {
      const exclusive = question.options.filter((o) => o.exclusive).map((o) => o.id);
      const free = question.options.filter((o) => !o.exclusive).map((o) => o.id);
      const roll = random();
      // An exclusive answer ("None of these"), now and then an empty list (legal too), else some ticks.
      if (exclusive.length > 0 && roll < (1 - unwell) * 0.7) return [pick(random, exclusive)];
      if (roll > 0.97) return [];
      return free.filter(() => random() < unwell * 0.4);
    }
    case 'scale':
      return question.min + Math.floor(random() * (question.max - question.min + 1));
    case 'number': {
      if (question.integer) return Math.ceil(question.min) + Math.floor(random() * (Math.floor(question.max) - Math.ceil(question.min) + 1));
      return question.min + random() * (question.max - question.min);
    }
  }
}

/**
 * `count` answer sets from `seed`. Each question is left unanswered now and then; answers to
 * follow-ups that would not be asked are dropped (with our visibleQuestions, before any timing,
 * so every engine gets the same, already-filtered input).
 */
export function answerSets(questionnaire: Questionnaire, count: number, seed: number): Answers[] {
  const random = seededRandom(seed);
  const questions = questionnaire.sections.flatMap((s) => s.questions);
  const sets: Answers[] = [];
  for (let i = 0; i < count; i++) {
    const unwell = random() ** 1.5;
    const raw: Answers = {};
    for (const question of questions) if (random() >= 0.12) raw[question.id] = answerFor(question, random, unwell);
    const asked: Answers = {};
    for (const id of visibleQuestions(questionnaire, raw)) if (Object.hasOwn(raw, id)) asked[id] = raw[id]!;
    sets.push(asked);
  }
  return sets;
}
