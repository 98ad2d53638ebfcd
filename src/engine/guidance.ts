/**
 * answers → the guidance that applies, most urgent first, each with the answers that made it
 * apply in plain words. Pure and deterministic. Takes answers as given: `evaluate` (evaluate.ts)
 * checks them first; the widget, whose machine only stores valid answers, calls this directly.
 */
import { localize } from '../i18n/localize';
import { LEVELS, type Level } from '../questionnaire/levels';
import type { Answers, AnswerValue, Questionnaire } from '../questionnaire/schema';
import type { Basis, ConditionContext } from './conditions';
import { answerText, questionLabel } from './describe';
import { modelOf, type Model } from './model';

export interface AppliedGuidance {
  id: string;
  level: Level;
  title: string;
  text: string;
  /** Plain-language reasons: "Swollen or painful joints: Yes". */
  because: string[];
  sources: string[];
}

export interface Evaluation {
  guidance: AppliedGuidance[];
  /** Ids of the questions that are asked given these answers, in asking order. */
  visible: string[];
  scores: Record<string, number>;
}

const levelRank = new Map<Level, number>(LEVELS.map((level, i) => [level, i]));

export function compareLevels(a: Level, b: Level): number {
  return levelRank.get(a)! - levelRank.get(b)!;
}

/** The questions asked, given the answers: a follow-up is visible when its showIf holds on the visible answers before it. */
export function visibleQuestions(questionnaire: Questionnaire, answers: Answers): string[] {
  return visibleAnswers(modelOf(questionnaire), answers).visible;
}

/** Answers of hidden questions are left out: a hidden follow-up's old answer must not count. */
function visibleAnswers(model: Model, answers: Answers): { visible: string[]; effective: Answers } {
  const visible: string[] = [];
  const effective: Answers = {};
  for (const q of model.questions) {
    if (q.showIf && !q.showIf.test(context(model, effective))) continue;
    const id = q.question.id;
    visible.push(id);
    if (Object.hasOwn(answers, id)) effective[id] = answers[id]!;
  }
  return { visible, effective };
}

function context(model: Model, answers: Answers): ConditionContext {
  const scores = new Map<string, number>();
  const ctx: ConditionContext = {
    answer: (id) => (Object.hasOwn(answers, id) ? (answers[id] as AnswerValue) : undefined),
    score: (id) => {
      let value = scores.get(id);
      if (value === undefined) {
        value = 0;
        for (const item of model.scoreById.get(id)?.items ?? []) if (item.when.test(ctx)) value += item.weight;
        scores.set(id, value);
      }
      return value;
    },
  };
  return ctx;
}

export function evaluateAnswers(questionnaire: Questionnaire, answers: Answers, lang?: string): Evaluation {
  const model = modelOf(questionnaire);
  lang ??= model.fallbackLanguage;
  const { visible, effective } = visibleAnswers(model, answers);
  const ctx = context(model, effective);
  const guidance: AppliedGuidance[] = [];
  for (const { guidance: g, when } of model.guidance) {
    if (!when.test(ctx)) continue;
    const basis: Basis = { questions: new Set(), scores: new Set() };
    when.explain(ctx, basis);
    guidance.push({
      id: g.id,
      level: g.level,
      title: localize(g.title, lang, model.fallbackLanguage),
      text: localize(g.text, lang, model.fallbackLanguage),
      because: reasons(model, basis, ctx, lang),
      sources: g.sources,
    });
  }
  // Stable sort: within a level, the file's order.
  guidance.sort((a, b) => compareLevels(a.level, b.level));
  const scores: Record<string, number> = {};
  for (const id of model.scoreById.keys()) scores[id] = ctx.score(id);
  return { guidance, visible, scores };
}

/** True when the answers so far already call for emergency care: the questionnaire stops there. */
export function hasEmergency(questionnaire: Questionnaire, answers: Answers): boolean {
  const model = modelOf(questionnaire);
  const ctx = context(model, visibleAnswers(model, answers).effective);
  return model.guidance.some(({ guidance, when }) => guidance.level === 'emergency' && when.test(ctx));
}

function reasons(model: Model, basis: Basis, ctx: ConditionContext, lang: string): string[] {
  const fallback = model.fallbackLanguage;
  const out: string[] = [];
  for (const id of basis.scores) {
    const score = model.scoreById.get(id);
    if (score) out.push(`${localize(score.score.title, lang, fallback)}: ${ctx.score(id)}`);
  }
  // Questions in asking order, so the reasons read like the questionnaire.
  for (const q of model.questions) {
    if (!basis.questions.has(q.question.id)) continue;
    out.push(`${questionLabel(q.question, lang, fallback)}: ${answerText(q.question, ctx.answer(q.question.id), lang, fallback)}`);
  }
  return out;
}
