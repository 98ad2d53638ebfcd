/**
 * A questionnaire compiled once for fast, repeated use by the engine and the machine: the
 * questions flattened in asking order, lookups by id, and every condition compiled against
 * question and score indexes.
 */
import { LEVELS } from '../questionnaire/levels';
import type { Condition, Guidance, Question, Questionnaire, Score, Section } from '../questionnaire/schema';
import { compileCondition, compileScoreItems, type AnswerState, type CompiledCondition, type Resolver } from './conditions';

export interface CompiledQuestion {
  question: Question;
  section: Section;
  index: number;
  showIf?: CompiledCondition;
}

export interface CompiledScore {
  score: Score;
  items: { when: CompiledCondition; weight: number }[];
  /** The score's value on some answers. */
  sum: (state: AnswerState) => number;
}

export interface CompiledGuidance {
  guidance: Guidance;
  when: CompiledCondition;
  /** Every question its reasons can name (directly or through a score), in asking order. */
  reasonQuestions: number[];
}

export interface Model {
  questionnaire: Questionnaire;
  questions: CompiledQuestion[];
  /** The questions with a showIf, in asking order. */
  followUps: CompiledQuestion[];
  questionById: Map<string, CompiledQuestion>;
  /** By score index, in file order. */
  scores: CompiledScore[];
  /** Most urgent first; within a level, in file order (the order advice is shown in). */
  guidance: CompiledGuidance[];
  fallbackLanguage: string;
  /** The visible questions' ids, by which follow-ups are hidden (bit i: followUps[i]); filled as met. */
  visibleByHidden: Map<number, string[]>;
  /** Compiles a condition of this questionnaire (for tools that judge conditions one by one). */
  compile(condition: Condition): CompiledCondition;
}

const cache = new WeakMap<Questionnaire, Model>();
/** The model asked for last: callers evaluate one questionnaire many times in a row. */
let last: Model | undefined;

/**
 * The compiled form of a questionnaire; compiled on first use, then reused. The questionnaire is
 * taken as never changing: every loader makes a new object, and changing one in place would not
 * be seen.
 */
export function modelOf(questionnaire: Questionnaire): Model {
  if (last?.questionnaire === questionnaire) return last;
  let model = cache.get(questionnaire);
  if (!model) {
    model = compile(questionnaire);
    cache.set(questionnaire, model);
  }
  return (last = model);
}

function compile(questionnaire: Questionnaire): Model {
  const sourceQuestions = questionnaire.sections.flatMap((section) => section.questions.map((question) => ({ question, section })));
  const sourceScores = questionnaire.scores ?? [];
  const questionIndex = new Map(sourceQuestions.map(({ question }, i) => [question.id, i]));
  const scoreIndex = new Map(sourceScores.map((score, i) => [score.id, i]));
  const scores: CompiledScore[] = [];
  const resolve: Resolver = {
    question: (id) => questionIndex.get(id) ?? -1,
    score: (id) => scoreIndex.get(id) ?? -1,
    explainScore: (index, state, basis) => {
      for (const { when } of scores[index]!.items) if (when.test(state)) when.explain(state, basis);
    },
    scoreQuestions: (index) => scores[index]!.items.flatMap(({ when }) => when.questions),
  };
  const compileWhen = (condition: Condition) => compileCondition(condition, resolve);
  const questions: CompiledQuestion[] = sourceQuestions.map(({ question, section }, index) => ({
    question,
    section,
    index,
    showIf: question.showIf && compileWhen(question.showIf),
  }));
  for (const score of sourceScores) {
    scores.push({ score, ...compileScoreItems(score.items, resolve) });
  }
  const rank = (g: Guidance) => LEVELS.indexOf(g.level);
  const reachable = (when: CompiledCondition, found = new Set<number>(), seenScores = new Set<number>()) => {
    for (const q of when.questions) found.add(q);
    for (const s of when.scores) {
      if (seenScores.has(s)) continue;
      seenScores.add(s);
      for (const item of scores[s]!.items) reachable(item.when, found, seenScores);
    }
    return found;
  };
  const guidance = questionnaire.guidance.map((g) => {
    const when = compileWhen(g.when);
    return { guidance: g, when, reasonQuestions: [...reachable(when)].sort((a, b) => a - b) };
  });
  return {
    questionnaire,
    questions,
    followUps: questions.filter((q) => q.showIf),
    questionById: new Map(questions.map((q) => [q.question.id, q])),
    scores,
    // Array.prototype.sort is stable: within a level, the file's order.
    guidance: guidance.sort((a, b) => rank(a.guidance) - rank(b.guidance)),
    fallbackLanguage: questionnaire.languages[0] ?? 'en',
    visibleByHidden: new Map(),
    compile: compileWhen,
  };
}
