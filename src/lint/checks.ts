/**
 * The lint checks. Each reads a valid questionnaire (the loader has already passed it) and
 * returns warnings; none of them can make a file invalid, because each flags something a
 * clinician may need to look at rather than something that is certainly wrong.
 */
import { didYouMean, type JsonPath } from '../questionnaire/problem';
import type { Condition, Questionnaire } from '../questionnaire/schema';
import type { LintConfig } from './config';
import type { Finding } from './problem';
import { readability } from './readability';
import { ADVICE, describeText, isEnglish, textsOf, type TextEntry } from './texts';
import { DIAGNOSIS_TERMS, findTerms, TREATMENT_TERMS, type Term, type TermMatch } from './wording';

/** The highest Flesch-Kincaid grade a text may have. */
export const MAX_GRADE = 8;
/**
 * Texts shorter than this are not graded: the formula needs sentences, and on a label of two or
 * three words one long medical word ("Anaemia (low blood)") swings it by several grades. The
 * same floor as retext-readability's `minWords`.
 */
export const MIN_WORDS_TO_GRADE = 5;

export interface CheckContext {
  config: LintConfig;
  /** The config file's name, for hints. */
  configFile: string;
}

export interface Check {
  name: string;
  /** One line for `symptom-check lint --help` and rules/README.md. */
  description: string;
  run(q: Questionnaire, ctx: CheckContext): Finding[];
}

const warn = (rule: string, path: JsonPath, message: string, hint?: string, extra: Partial<Finding> = {}): Finding => ({
  rule,
  severity: 'warning',
  path,
  message,
  ...(hint ? { hint } : {}),
  ...extra,
});

function visit(condition: Condition, onLeaf: (leaf: Exclude<Condition, { all: unknown } | { any: unknown } | { not: unknown }>) => void): void {
  if ('all' in condition) condition.all.forEach((c) => visit(c, onLeaf));
  else if ('any' in condition) condition.any.forEach((c) => visit(c, onLeaf));
  else if ('not' in condition) visit(condition.not, onLeaf);
  else onLeaf(condition);
}

/** Question ids and score ids that some guidance, score or showIf reads. */
function readsOf(q: Questionnaire): { questions: Set<string>; scores: Set<string> } {
  const questions = new Set<string>();
  const scores = new Set<string>();
  const read = (c: Condition) =>
    visit(c, (leaf) => {
      if ('score' in leaf) scores.add(leaf.score);
      else questions.add(leaf.answer);
    });
  for (const section of q.sections) for (const question of section.questions) if (question.showIf) read(question.showIf);
  for (const score of q.scores ?? []) score.items.forEach((item) => read(item.when));
  q.guidance.forEach((g) => read(g.when));
  return { questions, scores };
}

const unreadQuestions: Check = {
  name: 'unread-question',
  description: 'a question that no guidance, score or follow-up reads (list it under "summaryOnly" in the lint config if it is kept for the summary)',
  run(q, { config, configFile }) {
    const { questions: read } = readsOf(q);
    const summaryOnly = config.summaryOnly ?? {};
    const findings: Finding[] = [];
    const ids = new Set<string>();
    q.sections.forEach((section, s) =>
      section.questions.forEach((question, i) => {
        ids.add(question.id);
        if (read.has(question.id) || Object.hasOwn(summaryOnly, question.id)) return;
        findings.push(
          warn(
            'unread-question',
            ['sections', s, 'questions', i, 'id'],
            `no guidance, score or follow-up reads "${question.id}"`,
            `if it is kept for the summary only, add "${question.id}": "why" under "summaryOnly" in ${configFile}; otherwise use it in a rule or remove it`,
          ),
        );
      }),
    );
    for (const id of Object.keys(summaryOnly)) {
      if (!ids.has(id)) findings.push({ rule: 'unread-question', severity: 'error', path: ['summaryOnly', id], key: true, inConfig: true, message: `"${id}" is not a question in ${q.id}`, hint: didYouMean(id, ids) ?? 'remove it, or check the spelling' });
      else if (read.has(id)) findings.push(warn('unread-question', ['summaryOnly', id], `"${id}" is listed as summary-only, but a rule reads it`, 'remove it from "summaryOnly"', { key: true, inConfig: true }));
    }
    return findings;
  },
};

const unusedScores: Check = {
  name: 'unused-score',
  description: 'a score that no guidance or follow-up reads',
  run(q) {
    const { scores: read } = readsOf(q);
    return (q.scores ?? []).flatMap((score, s) => (read.has(score.id) ? [] : [warn('unused-score', ['scores', s, 'id'], `no guidance or follow-up reads the score "${score.id}"`, 'use it in a "when", or remove it')]));
  },
};

const noEffect: Check = {
  name: 'no-effect',
  description: '"exclusive" on an option of a single-choice question, where only one answer can be chosen anyway',
  run(q) {
    const findings: Finding[] = [];
    q.sections.forEach((section, s) =>
      section.questions.forEach((question, i) => {
        if (question.type !== 'single') return;
        question.options.forEach((option, k) => {
          if (option.exclusive === undefined) return;
          const path = ['sections', s, 'questions', i, 'options', k, 'exclusive'];
          findings.push(warn('no-effect', path, `"exclusive" does nothing on single-choice question "${question.id}": only one answer can be chosen anyway`, 'remove it, or make the question "multi" if several answers may be ticked', { key: true }));
        });
      }),
    );
    return findings;
  },
};

/**
 * The most words the diagnosis or treatment check lists for one text; a last warning says how
 * many more there are. Far above a text a clinician wrote, low enough that a pasted advert does
 * not bury the rest of the report.
 */
export const MAX_WORDS_PER_TEXT = 10;

/** A warning for each word of `terms` in a text, with how often it is there, up to MAX_WORDS_PER_TEXT. */
function wordingFindings(rule: string, t: TextEntry, terms: readonly Term[], says: (m: TermMatch) => string, hint: string): Finding[] {
  const matches = findTerms(t.text, terms);
  const times = (m: TermMatch) => (m.count > 1 ? `, ${m.count} times` : '');
  const findings = matches.slice(0, MAX_WORDS_PER_TEXT).map((m) => warn(rule, t.path, `${describeText(t)} ${says(m)}${times(m)}`, hint));
  const more = matches.length - MAX_WORDS_PER_TEXT;
  if (more > 0) findings.push(warn(rule, t.path, `and ${more} more word${more === 1 ? '' : 's'} in ${describeText(t)}, not listed`, 'fix the ones above and run lint again'));
  return findings;
}

const diagnosis: Check = {
  name: 'diagnosis',
  description: 'advice that tells the patient what they have ("you have lupus", "diagnosis", "diagnosed with")',
  run(q) {
    return textsOf(q)
      .filter((t) => ADVICE.has(t.kind))
      .flatMap((t) =>
        wordingFindings('diagnosis', t, DIAGNOSIS_TERMS, ({ found }) => `diagnoses: "${found}"`, 'say what to do and how soon, and what to ask a doctor about; leave the diagnosis to the doctor'),
      );
  },
};

const treatment: Check = {
  name: 'treatment',
  description: 'a text that names a medicine, a therapy or a clinic (the list is in src/lint/wording.ts)',
  run(q) {
    return textsOf(q).flatMap((t) =>
      wordingFindings(
        'treatment',
        t,
        TREATMENT_TERMS,
        ({ label, found }) => `names a treatment or clinic: "${found}"${label.toLowerCase() !== found.toLowerCase() ? ` (${label})` : ''}`,
        'describe medicines by what they do ("medicines that weaken your immune system") and leave treatment to the doctor',
      ),
    );
  },
};

const readingGrade: Check = {
  name: 'reading-grade',
  description: `an English text above reading grade ${MAX_GRADE} (Flesch-Kincaid; texts under ${MIN_WORDS_TO_GRADE} words are not graded)`,
  run(q) {
    return textsOf(q)
      .filter((t) => isEnglish(t.lang))
      .flatMap((t) => {
        const r = readability(t.text);
        if (r.words < MIN_WORDS_TO_GRADE || !(r.grade > MAX_GRADE)) return [];
        const perSentence = Math.round((r.words / r.sentences) * 10) / 10;
        const words = r.hardest.map((w) => `"${w.word}" (${w.syllables})`).join(', ');
        return [
          warn(
            'reading-grade',
            t.path,
            `${describeText(t)} reads at grade ${r.grade.toFixed(1)}, above ${MAX_GRADE}`,
            `${perSentence} words a sentence, ${(r.syllables / r.words).toFixed(2)} syllables a word: use shorter sentences${words ? `, and plainer words than ${words}` : ''}`,
          ),
        ];
      });
  },
};

const sources: Check = {
  name: 'source',
  description: 'a source with only a title (no publisher, url or note to find it by), or one that nothing cites',
  run(q) {
    const cited = new Set<string>();
    for (const section of q.sections) for (const question of section.questions) cited.add(question.source);
    q.guidance.forEach((g) => g.sources.forEach((id) => cited.add(id)));
    return q.sources.flatMap((source, i) => {
      const out: Finding[] = [];
      if (!source.publisher && !source.url && !source.note) {
        out.push(warn('source', ['sources', i, 'title'], `source "${source.id}" has only a title, so a reader cannot find it`, 'add a "url", a "publisher", or a "note" with the authors, journal and year'));
      }
      if (!cited.has(source.id)) out.push(warn('source', ['sources', i, 'id'], `no question or guidance cites source "${source.id}"`, 'cite it where it supports a text, or remove it'));
      return out;
    });
  },
};

/** The longest title a source-lang message quotes whole; a longer one is cut with "...". */
const MAX_QUOTED_TITLE = 60;
const quoteTitle = (title: string) => JSON.stringify(title.length > MAX_QUOTED_TITLE ? `${title.slice(0, MAX_QUOTED_TITLE - 3)}...` : title);

/**
 * A source title is shown as written on every screen, and the result screen marks it with the
 * source's `lang` (WCAG 3.1.2). Without it, a screen reader reads the title in the voice of the
 * screen's language: an English title on a Hindi screen is read with a Hindi voice. A
 * questionnaire with one language is left alone: its screens have that language only.
 */
const sourceLang: Check = {
  name: 'source-lang',
  description: 'a source with no "lang" in a questionnaire with more than one language (a screen reader reads its title in the voice of the screen\'s language)',
  run(q) {
    if (q.languages.length < 2) return [];
    return q.sources.flatMap((source, i) => {
      if (source.lang) return [];
      // Plain ASCII letters (with digits, spaces and punctuation) are most likely English; for
      // any other script we cannot tell which language it is.
      const hint = /^[\x20-\x7e]*[a-z][\x20-\x7e]*$/i.test(source.title)
        ? 'add "lang": "en"; if the title is not in English, use the code of the language it is written in'
        : 'add "lang" with the code of the language the title is written in';
      return [
        warn(
          'source-lang',
          ['sources', i],
          `source "${source.id}" (${quoteTitle(source.title)}) does not say which language its title is in: screen readers read the title in the voice of the screen's language, so on a screen in another of ${q.languages.join(', ')} it is read with the wrong voice`,
          hint,
        ),
      ];
    });
  },
};

/** The questions a condition reads, directly or through the items of the scores it reads. */
function questionsReadBy(q: Questionnaire, condition: Condition, into = new Set<string>(), seenScores = new Set<string>()): Set<string> {
  visit(condition, (leaf) => {
    if (!('score' in leaf)) into.add(leaf.answer);
    else if (!seenScores.has(leaf.score)) {
      seenScores.add(leaf.score);
      for (const item of q.scores?.find((score) => score.id === leaf.score)?.items ?? []) questionsReadBy(q, item.when, into, seenScores);
    }
  });
  return into;
}

const SAFETY_RULE = (n: number) => `safety rule ${n} in rules/README.md`;

/**
 * The machine asks in file order and stops at the first answer that calls for emergency care:
 * a warning sign asked late is answered only after everything before it.
 */
const redFlagsFirst: Check = {
  name: 'red-flags-first',
  description: 'a question that emergency advice reads, asked after one that no emergency advice reads; a warning sign that leads to no emergency or urgent advice; or no emergency advice at all (safety rule 2)',
  run(q) {
    const emergency = q.guidance.filter((g) => g.level === 'emergency');
    if (emergency.length === 0) {
      return [warn('red-flags-first', ['guidance'], 'no advice has the level "emergency", so nothing tells a patient in danger to get help now', `ask the warning signs that need help now first, each leading to emergency advice (${SAFETY_RULE(2)})`)];
    }
    // By question id: the first emergency advice that needs it.
    const neededBy = new Map<string, string>();
    for (const g of emergency) for (const id of questionsReadBy(q, g.when)) if (!neededBy.has(id)) neededBy.set(id, g.id);
    const questions = q.sections.flatMap((section, s) => section.questions.map((question, i) => ({ question, path: ['sections', s, 'questions', i, 'id'] as JsonPath })));
    // A follow-up is asked only when its showIf holds, so what the showIf reads is needed too.
    // A showIf reads only earlier questions (the loader sees to that): from the last question
    // back, one pass finds them all.
    for (let k = questions.length - 1; k >= 0; k--) {
      const { question } = questions[k]!;
      const advice = neededBy.get(question.id);
      if (advice && question.showIf) for (const id of questionsReadBy(q, question.showIf)) if (!neededBy.has(id)) neededBy.set(id, advice);
    }
    // A checklist that emergency advice reads is a list of warning signs: each sign ticked must
    // lead to emergency or urgent advice (a "None of these" option aside).
    const signs = new Set(q.sections.flatMap((section) => section.questions).filter((question) => question.type === 'multi' && neededBy.has(question.id)).map((question) => question.id));
    const ticked = new Set<string>();
    for (const g of q.guidance) if (g.level === 'emergency' || g.level === 'urgent') for (const sign of signsLeadingTo(q, g.when)) ticked.add(sign);
    let firstOther: string | undefined;
    const findings: Finding[] = [];
    for (const { question, path } of questions) {
      if (question.type === 'multi' && signs.has(question.id)) {
        question.options.forEach((option, k) => {
          if (option.exclusive || ticked.has(`${question.id}\0${option.id}`)) return;
          findings.push(
            warn(
              'red-flags-first',
              [...path.slice(0, -1), 'options', k, 'id'],
              `the warning sign "${option.id}" of "${question.id}" leads to no emergency or urgent advice`,
              `add emergency or urgent advice whose "when" is { "answer": "${question.id}", "includes": "${option.id}" }, or move the option to a question that is not a warning sign (${SAFETY_RULE(2)})`,
            ),
          );
        });
      }
      const advice = neededBy.get(question.id);
      if (!advice) firstOther ??= question.id;
      else if (firstOther) {
        findings.push(
          warn(
            'red-flags-first',
            path,
            `"${question.id}" is needed for emergency advice "${advice}" but is asked after "${firstOther}", which no emergency advice needs: a patient in danger answers those questions before being told to get help`,
            `move "${question.id}" before "${firstOther}": the warning signs that need help now come first (${SAFETY_RULE(2)})`,
          ),
        );
      }
    }
    return findings;
  },
};

/**
 * The options ("question\0option") whose ticking can make a condition true: an "includes" that
 * is not negated; through a score, its items (when more of them make it reach its threshold); a
 * negated "includes" of a "None of these" option counts for every other option of the question.
 */
function signsLeadingTo(q: Questionnaire, condition: Condition, negated = false, seenScores = new Set<string>()): string[] {
  if ('all' in condition || 'any' in condition) return ('all' in condition ? condition.all : condition.any).flatMap((c) => signsLeadingTo(q, c, negated, seenScores));
  if ('not' in condition) return signsLeadingTo(q, condition.not, !negated, seenScores);
  if ('score' in condition) {
    // Ticking more raises a score: that leads to advice on "at least", not on "not at least" (nor "at most").
    const rising = negated ? condition.atMost !== undefined && condition.atLeast === undefined : condition.atLeast !== undefined && condition.atMost === undefined;
    if (!rising || seenScores.has(condition.score)) return [];
    seenScores.add(condition.score);
    const items = q.scores?.find((score) => score.id === condition.score)?.items ?? [];
    return items.filter((item) => (item.weight ?? 1) > 0).flatMap((item) => signsLeadingTo(q, item.when, false, seenScores));
  }
  if (!('includes' in condition)) return [];
  if (!negated) return [`${condition.answer}\0${condition.includes}`];
  const question = q.sections.flatMap((section) => section.questions).find((candidate) => candidate.id === condition.answer);
  if (question?.type !== 'multi' || !question.options.find((o) => o.id === condition.includes)?.exclusive) return [];
  return question.options.filter((o) => !o.exclusive).map((o) => `${question.id}\0${o.id}`);
}

/** The question and score ids a condition reads itself (not through scores). */
function idsReadBy(condition: Condition): Set<string> {
  const ids = new Set<string>();
  visit(condition, (leaf) => ids.add('score' in leaf ? `score "${leaf.score}"` : `"${leaf.answer}"`));
  return ids;
}

/** Why a score read by emergency advice can be switched off by other answers, or undefined when it cannot. */
function scoreSwitchOff(q: Questionnaire, leaf: Extract<Condition, { score: string }>, negated: boolean): string | undefined {
  const weights = (q.scores?.find((score) => score.id === leaf.score)?.items ?? []).map((item) => item.weight ?? 1);
  // "not at least k" is "below k", "not at most k" is "above k".
  if (negated ? leaf.atLeast !== undefined : leaf.atMost !== undefined) return 'and more answers can take it past its limit';
  if (weights.some((w) => w < 0)) return 'which has items that count against it';
  const most = Math.max(0, ...weights);
  const needs = negated ? leaf.atMost : leaf.atLeast;
  if (needs !== undefined && (negated ? needs >= most : needs > most)) return 'and no one answer is enough for it';
  return undefined;
}

/**
 * Emergency advice must hold whatever else the patient answers: a condition that needs two
 * answers at once ("all", or "not" of "any") can be switched off by the second while the first
 * still calls for emergency care.
 */
const emergencySwitchOff: Check = {
  name: 'emergency-switch-off',
  description: 'emergency advice whose "when" needs answers to several questions at once, so that one of them can switch it off (safety rule 3)',
  run(q) {
    const findings: Finding[] = [];
    q.guidance.forEach((g, i) => {
      if (g.level !== 'emergency') return;
      const seenScores = new Set<number>();
      const walk = (c: Condition, path: JsonPath, negated: boolean): void => {
        if ('not' in c) return walk(c.not, [...path, 'not'], !negated);
        if ('score' in c) {
          const why = scoreSwitchOff(q, c, negated);
          if (why) {
            findings.push(
              warn(
                'emergency-switch-off',
                path,
                `emergency advice "${g.id}" reads the score "${c.score}", ${why}: an answer can switch it off even when another calls for emergency care`,
                `give each warning sign its own emergency advice, with a "when" on that sign alone; put scores in less urgent advice (${SAFETY_RULE(3)})`,
              ),
            );
            return;
          }
          // Each item that counts towards it is read as the advice's own condition.
          const s = (q.scores ?? []).findIndex((score) => score.id === c.score);
          if (s < 0 || seenScores.has(s)) return;
          seenScores.add(s);
          // The score rises as items hold (its limits passed the check above): each is read plainly.
          q.scores![s]!.items.forEach((item, k) => (item.weight ?? 1) > 0 && walk(item.when, ['scores', s, 'items', k, 'when'], false));
          return;
        }
        if (!('all' in c) && !('any' in c)) return;
        const key = 'all' in c ? 'all' : 'any';
        const parts = 'all' in c ? c.all : c.any;
        const read = new Set(parts.flatMap((part) => [...idsReadBy(part)]));
        // "all", or "not" of "any" (none of them): every part must hold at once.
        if ((key === 'all') !== negated && read.size > 1) {
          findings.push(
            warn(
              'emergency-switch-off',
              path,
              `emergency advice "${g.id}" needs the answers to ${[...read].join(', ')} at once: an answer to one of them switches it off even when another calls for emergency care`,
              `give each warning sign its own emergency advice, with a "when" on that sign alone; put other conditions in less urgent advice (${SAFETY_RULE(3)})`,
            ),
          );
          return;
        }
        parts.forEach((part, k) => walk(part, [...path, key, k], negated));
      };
      walk(g.when, ['guidance', i, 'when'], false);
    });
    return findings;
  },
};

export const CHECKS: readonly Check[] = [redFlagsFirst, emergencySwitchOff, unreadQuestions, unusedScores, noEffect, diagnosis, treatment, readingGrade, sources, sourceLang];
