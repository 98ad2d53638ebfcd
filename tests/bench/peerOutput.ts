/**
 * What the peer engines hand back, in the same shape as our `evaluate` (id, level, title, text,
 * because, sources; most urgent first), so the bench can check that every engine gives the same
 * advice for the same reasons. The truth of each condition comes from the peer itself; this file
 * only turns "which answers made it true" into words, the way ours does (a score is explained
 * by the answers it counted, not by its total).
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
}

export const newBasis = (): PeerBasis => ({ questions: new Set(), options: new Map() });

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
 * Mirrors ours for a true "not X": the answered questions X reads, directly or through the
 * scores it reads (all of them when none is answered).
 */
export function explainNot(w: Wording, inner: Condition, answered: (questionId: string) => boolean, basis: PeerBasis): void {
  const { questions, scores } = reads(inner);
  const read = new Set(questions);
  for (const id of scores) for (const item of w.questionnaire.scores?.find((s) => s.id === id)?.items ?? []) reads(item.when).questions.forEach((q) => read.add(q));
  const withAnswers = [...read].filter(answered);
  for (const q of withAnswers.length > 0 ? withAnswers : read) basis.questions.add(q);
}

const levelRank = new Map<string, number>(LEVELS.map((level, i) => [level, i]));

/** Static facts about a questionnaire that peers need to word their output. */
export interface Wording {
  questionnaire: Questionnaire;
  lang: string;
  fallback: string;
  /** Questions in asking order. */
  questions: Question[];
}

export function wordingFor(questionnaire: Questionnaire, lang = 'en'): Wording {
  const fallback = questionnaire.languages[0] ?? 'en';
  return {
    questionnaire,
    lang,
    fallback,
    questions: questionnaire.sections.flatMap((s) => s.questions),
  };
}

/** One piece of advice; `basis` undefined means the peer was run without reasons. */
export function applied(w: Wording, guidance: Guidance, basis: PeerBasis | undefined, answers: Answers): AppliedGuidance {
  return {
    id: guidance.id,
    level: guidance.level,
    title: localize(guidance.title, w.lang, w.fallback),
    text: localize(guidance.text, w.lang, w.fallback),
    because: basis ? reasons(w, basis, answers) : [],
    sources: guidance.sources,
  };
}

function reasons(w: Wording, basis: PeerBasis, answers: Answers): string[] {
  const out: string[] = [];
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
