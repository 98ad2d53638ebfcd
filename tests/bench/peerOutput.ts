/**
 * What the peer engines hand back, in the same shape as our `evaluate` (id, level, title, text,
 * because, sources; most urgent first), so the bench can check that every engine gives the same
 * advice for the same reasons. The truth of each condition comes from the peer itself; this file
 * only turns "which answers and scores made it true" into words, the way ours does.
 */
import type { AppliedGuidance } from '../../src/engine/evaluate';
import { answerText, questionLabel } from '../../src/engine/describe';
import { localize } from '../../src/i18n/localize';
import { LEVELS } from '../../src/questionnaire/levels';
import type { Answers, Condition, Guidance, Question, Questionnaire } from '../../src/questionnaire/schema';

/** What made a condition true, collected while walking a peer's results. */
export interface PeerBasis {
  /** Questions whose whole answer is a reason. */
  questions: Set<string>;
  /** Questions of which only some ticked options are reasons (an "includes" that held), as ours. */
  options: Map<string, Set<string>>;
  /** In the order met, as ours lists them. */
  scores: Set<string>;
}

export const newBasis = (): PeerBasis => ({ questions: new Set(), options: new Map(), scores: new Set() });

/** A leaf that held adds its question to the basis: only the option, for an "includes". */
export function explainLeaf(c: Extract<Condition, { answer: string }>, basis: PeerBasis): void {
  if (!('includes' in c)) basis.questions.add(c.answer);
  else if (basis.options.has(c.answer)) basis.options.get(c.answer)!.add(c.includes);
  else basis.options.set(c.answer, new Set([c.includes]));
}

/** The questions and the scores a condition reads, each in the order met. */
export function reads(condition: Condition): { questions: string[]; scores: string[] } {
  const questions = new Set<string>();
  const scores = new Set<string>();
  const walk = (c: Condition): void => {
    if ('all' in c) c.all.forEach(walk);
    else if ('any' in c) c.any.forEach(walk);
    else if ('not' in c) walk(c.not);
    else if ('answer' in c) questions.add(c.answer);
    else scores.add(c.score);
  };
  walk(condition);
  return { questions: [...questions], scores: [...scores] };
}

/**
 * Mirrors ours for a true "not X": the answered questions X reads (all of them when none is
 * answered and X reads no score), then the scores X reads.
 */
export function explainNot(inner: Condition, answered: (questionId: string) => boolean, basis: PeerBasis): void {
  const { questions, scores } = reads(inner);
  const withAnswers = questions.filter(answered);
  for (const q of withAnswers.length > 0 || scores.length > 0 ? withAnswers : questions) basis.questions.add(q);
  for (const score of scores) basis.scores.add(score);
}

const levelRank = new Map<string, number>(LEVELS.map((level, i) => [level, i]));

/** Static facts about a questionnaire that peers need to word their output. */
export interface Wording {
  questionnaire: Questionnaire;
  lang: string;
  fallback: string;
  /** Questions in asking order. */
  questions: Question[];
  scoreTitle: Map<string, string>;
}

export function wordingFor(questionnaire: Questionnaire, lang = 'en'): Wording {
  const fallback = questionnaire.languages[0] ?? 'en';
  return {
    questionnaire,
    lang,
    fallback,
    questions: questionnaire.sections.flatMap((s) => s.questions),
    scoreTitle: new Map((questionnaire.scores ?? []).map((s) => [s.id, localize(s.title, lang, fallback)])),
  };
}

/** One piece of advice; `basis` undefined means the peer was run without reasons. */
export function applied(w: Wording, guidance: Guidance, basis: PeerBasis | undefined, answers: Answers, scores: (id: string) => number): AppliedGuidance {
  return {
    id: guidance.id,
    level: guidance.level,
    title: localize(guidance.title, w.lang, w.fallback),
    text: localize(guidance.text, w.lang, w.fallback),
    because: basis ? reasons(w, basis, answers, scores) : [],
    sources: guidance.sources,
  };
}

function reasons(w: Wording, basis: PeerBasis, answers: Answers, scores: (id: string) => number): string[] {
  const out: string[] = [];
  for (const id of basis.scores) out.push(`${w.scoreTitle.get(id) ?? id}: ${scores(id)}`);
  for (const question of w.questions) {
    const whole = basis.questions.has(question.id);
    const options = basis.options.get(question.id);
    if (!whole && !options) continue;
    const answer = answers[question.id];
    const shown = whole || !Array.isArray(answer) ? answer : answer.filter((id) => options!.has(id));
    out.push(`${questionLabel(question, w.lang, w.fallback)}: ${answerText(question, shown, w.lang, w.fallback)}`);
  }
  return out;
}

/** Most urgent first; within a level, the file's order (a stable sort, as ours). */
export function byLevel(guidance: AppliedGuidance[]): AppliedGuidance[] {
  return guidance.sort((a, b) => levelRank.get(a.level)! - levelRank.get(b.level)!);
}
