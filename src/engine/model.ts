/**
 * A questionnaire compiled once for fast, repeated use by the engine and the machine: the
 * questions flattened in asking order, lookups by id, and every condition compiled.
 */
import type { Guidance, Question, Questionnaire, Score, Section } from '../questionnaire/schema';
import { compileCondition, type Basis, type CompiledCondition, type ConditionContext } from './conditions';

export interface CompiledQuestion {
  question: Question;
  section: Section;
  index: number;
  showIf?: CompiledCondition;
}

export interface CompiledScore {
  score: Score;
  items: { when: CompiledCondition; weight: number }[];
}

export interface CompiledGuidance {
  guidance: Guidance;
  when: CompiledCondition;
}

export interface Model {
  questionnaire: Questionnaire;
  questions: CompiledQuestion[];
  /** The questions with a showIf, in asking order. */
  followUps: CompiledQuestion[];
  questionById: Map<string, CompiledQuestion>;
  scoreById: Map<string, CompiledScore>;
  guidance: CompiledGuidance[];
  fallbackLanguage: string;
}

const cache = new WeakMap<Questionnaire, Model>();

/** The compiled form of a questionnaire; compiled on first use, then reused. */
export function modelOf(questionnaire: Questionnaire): Model {
  let model = cache.get(questionnaire);
  if (!model) {
    model = compile(questionnaire);
    cache.set(questionnaire, model);
  }
  return model;
}

function compile(questionnaire: Questionnaire): Model {
  const scoreById = new Map<string, CompiledScore>();
  const explainScore = (scoreId: string, ctx: ConditionContext, basis: Basis) => {
    for (const item of scoreById.get(scoreId)?.items ?? []) if (item.when.test(ctx)) item.when.explain(ctx, basis);
  };
  const questions: CompiledQuestion[] = [];
  for (const section of questionnaire.sections) {
    for (const question of section.questions) {
      questions.push({
        question,
        section,
        index: questions.length,
        showIf: question.showIf && compileCondition(question.showIf, explainScore),
      });
    }
  }
  for (const score of questionnaire.scores ?? []) {
    scoreById.set(score.id, {
      score,
      items: score.items.map((item) => ({ when: compileCondition(item.when, explainScore), weight: item.weight ?? 1 })),
    });
  }
  return {
    questionnaire,
    questions,
    followUps: questions.filter((q) => q.showIf),
    questionById: new Map(questions.map((q) => [q.question.id, q])),
    scoreById,
    guidance: questionnaire.guidance.map((guidance) => ({ guidance, when: compileCondition(guidance.when, explainScore) })),
    fallbackLanguage: questionnaire.languages[0] ?? 'en',
  };
}
