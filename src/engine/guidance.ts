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

/**
 * Which follow-ups are hidden. Answers of hidden questions are left out: a hidden follow-up's
 * old answer must not count. Follow-ups are decided in asking order, each seeing the ones
 * hidden before it; a showIf reads only earlier questions (the loader checks that), so later
 * answers never sway it.
 */
function visibleAnswers(model: Model, answers: Answers): { visible: string[]; ctx: AnswersContext } {
  const ctx = new AnswersContext(model, answers);
  for (const q of model.followUps) {
    if (!q.showIf!.test(ctx)) {
      ctx.hidden.add(q.question.id);
      ctx.forgetScores();
    }
  }
  const visible: string[] = [];
  for (const q of model.questions) if (!ctx.hidden.has(q.question.id)) visible.push(q.question.id);
  return { visible, ctx };
}

/**
 * The questions asked and the answers that count, as conditions read them (hidden follow-ups'
 * answers left out, scores computed once): for tools that judge conditions one by one.
 */
export function answersInEffect(questionnaire: Questionnaire, answers: Answers): { visible: string[]; context: ConditionContext } {
  const { visible, ctx } = visibleAnswers(modelOf(questionnaire), answers);
  return { visible, context: ctx };
}

/** The answers conditions read, with scores computed once each (this is the engine's hot path). */
class AnswersContext implements ConditionContext {
  readonly hidden = new Set<string>();
  private readonly scores = new Map<string, number>();

  constructor(
    private readonly model: Model,
    private readonly answers: Answers,
  ) {}

  answer(id: string): AnswerValue | undefined {
    if (this.hidden.size !== 0 && this.hidden.has(id)) return undefined;
    return Object.hasOwn(this.answers, id) ? this.answers[id] : undefined;
  }

  score(id: string): number {
    let value = this.scores.get(id);
    if (value === undefined) {
      value = 0;
      for (const item of this.model.scoreById.get(id)?.items ?? []) if (item.when.test(this)) value += item.weight;
      this.scores.set(id, value);
    }
    return value;
  }

  /** Scores depend on which answers count: forget them when that changes. */
  forgetScores(): void {
    if (this.scores.size > 0) this.scores.clear();
  }
}

export function evaluateAnswers(questionnaire: Questionnaire, answers: Answers, lang?: string): Evaluation {
  const model = modelOf(questionnaire);
  lang ??= model.fallbackLanguage;
  const { visible, ctx } = visibleAnswers(model, answers);
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
  const { ctx } = visibleAnswers(model, answers);
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
  const questions = [...basis.questions].map((id) => model.questionById.get(id)!).sort((a, b) => a.index - b.index);
  for (const { question } of questions) {
    out.push(`${questionLabel(question, lang, fallback)}: ${answerText(question, ctx.answer(question.id), lang, fallback)}`);
  }
  return out;
}
