/**
 * Checks the schema cannot express: ids that must be unique or must exist, answers a question
 * can actually take, follow-ups that only look back, a text for every declared language, and
 * guidance that some answers can trigger.
 */
import { didYouMean, type JsonPath } from './problem';
import { Reachability } from './reachability';
import type { Condition, LocalText, Question, Questionnaire } from './schema';

export interface Finding {
  path: JsonPath;
  message: string;
  hint?: string;
  /** Points at a property's name rather than its value. */
  key?: boolean;
  /** For an id given twice: where the first one is, which the message then names ("first on line 338"). */
  first?: JsonPath;
}

/** A scale is shown as a row of choices, one a point: 0 to 10 is the usual, 0 to 20 the most. */
export const MAX_SCALE_POINTS = 21;

interface ConditionScope {
  /** Asking position of the question whose showIf this is; conditions elsewhere may read any question. */
  before?: number;
  inScore?: boolean;
}

/** A text without one of the file's languages: what to say, and the fix. */
export const missingText = (lang: string) => ({ message: `the "${lang}" text is missing`, hint: `add "${lang}": "..." or remove "${lang}" from "languages"` });

export function crossCheck(q: Questionnaire): Finding[] {
  const findings: Finding[] = [];
  const report = (path: JsonPath, message: string, hint?: string, key?: boolean, first?: JsonPath) =>
    findings.push({ path, message, ...(hint ? { hint } : {}), ...(key ? { key } : {}), ...(first ? { first } : {}) });

  const questions = new Map<string, { question: Question; index: number }>();
  const questionPaths = new Map<string, JsonPath>();
  let index = 0;
  q.sections.forEach((section, s) =>
    section.questions.forEach((question, i) => {
      const path = ['sections', s, 'questions', i];
      if (questions.has(question.id)) report([...path, 'id'], `duplicate question id "${question.id}"`, 'question ids are the keys of the answers: give this one another id', false, [...questionPaths.get(question.id)!, 'id']);
      // Every JavaScript object already has these keys: an answers object would seem to answer it.
      else if (question.id in Object.prototype) report([...path, 'id'], `"${question.id}" cannot be a question id: it is a name every JavaScript object already has`, `give it another id, e.g. "${question.id}_q"`);
      else {
        questions.set(question.id, { question, index: index });
        questionPaths.set(question.id, path);
      }
      index++;
    }),
  );
  duplicates(q.sections.map((s) => s.id), (i, id, first) => report(['sections', i, 'id'], `duplicate section id "${id}"`, undefined, false, ['sections', first, 'id']));
  duplicates(q.sources.map((s) => s.id), (i, id, first) => report(['sources', i, 'id'], `duplicate source id "${id}"`, undefined, false, ['sources', first, 'id']));
  duplicates((q.scores ?? []).map((s) => s.id), (i, id, first) => report(['scores', i, 'id'], `duplicate score id "${id}"`, undefined, false, ['scores', first, 'id']));
  duplicates(q.guidance.map((g) => g.id), (i, id, first) => report(['guidance', i, 'id'], `duplicate guidance id "${id}"`, undefined, false, ['guidance', first, 'id']));
  duplicates(q.languages, (i, lang, first) => report(['languages', i], `language "${lang}" is listed twice`, undefined, false, ['languages', first]));

  // Texts: one in every declared language, none in an undeclared one.
  const declared = new Set(q.languages);
  const checkText = (text: LocalText | undefined, path: JsonPath) => {
    if (!text) return;
    for (const lang of q.languages) {
      if (!(lang in text)) {
        const { message, hint } = missingText(lang);
        report(path, message, hint);
      }
    }
    for (const lang of Object.keys(text)) {
      if (!declared.has(lang)) report([...path, lang], `"${lang}" is not in "languages"`, didYouMean(lang, declared) ?? `add "${lang}" to "languages" or remove this text`, true);
    }
  };
  checkText(q.title, ['title']);
  checkText(q.intro, ['intro']);
  q.sections.forEach((section, s) => checkText(section.title, ['sections', s, 'title']));

  const sourceIds = new Set(q.sources.map((s) => s.id));
  const checkSource = (id: string, path: JsonPath) => {
    if (!sourceIds.has(id)) report(path, `unknown source "${id}"`, didYouMean(id, sourceIds) ?? `add it to "sources" or use one of: ${[...sourceIds].join(', ')}`);
  };

  const scoreIds = new Set((q.scores ?? []).map((s) => s.id));
  const scoreQuestions = new Map<string, Set<string>>();

  const checkCondition = (c: Condition, path: JsonPath, scope: ConditionScope): Set<string> => {
    const read = new Set<string>();
    const visit = (c: Condition, path: JsonPath) => {
      if ('all' in c) return c.all.forEach((child, i) => visit(child, [...path, 'all', i]));
      if ('any' in c) return c.any.forEach((child, i) => visit(child, [...path, 'any', i]));
      if ('not' in c) return visit(c.not, [...path, 'not']);
      if ('score' in c) {
        if (scope.inScore) return report([...path, 'score'], 'a score item cannot read a score', 'test answers directly inside scores');
        if (!scoreIds.has(c.score)) return report([...path, 'score'], `unknown score "${c.score}"`, didYouMean(c.score, scoreIds) ?? (scoreIds.size ? `scores are: ${[...scoreIds].join(', ')}` : 'add it to "scores"'));
        checkRange(c, path);
        if (scope.before !== undefined) {
          // One problem per condition, naming every question it reads too late.
          const later = [...(scoreQuestions.get(c.score) ?? [])].filter((id) => (questions.get(id)?.index ?? -1) >= scope.before!);
          if (later.length) {
            const named = later.map((id) => `"${id}"`);
            const list = named.length > 1 ? `${listSome(named.slice(0, -1), 11)} and ${named.at(-1)}` : named[0];
            report([...path, 'score'], `score "${c.score}" reads ${list}, which ${later.length > 1 ? 'are' : 'is'} not asked before this question`, 'a follow-up may only depend on earlier questions: test those answers directly, or move this question below them');
          }
        }
        return;
      }
      const target = questions.get(c.answer);
      if (!target) return report([...path, 'answer'], `unknown question "${c.answer}"`, didYouMean(c.answer, questions.keys()) ?? `questions are: ${listSome([...questions.keys()])}`);
      read.add(c.answer);
      if (scope.before !== undefined && target.index >= scope.before) {
        if (target.index === scope.before) report([...path, 'answer'], `the showIf of "${c.answer}" reads its own answer, which is not given until it is shown`, 'a question cannot depend on itself: test answers to earlier questions instead');
        else report([...path, 'answer'], `"${c.answer}" comes later, so it is not answered yet when this question is asked`, 'a follow-up may only depend on questions asked before it: move it below them');
      }
      checkComparison(c, target.question, path);
    };
    visit(c, path);
    return read;
  };

  const checkRange = (c: { atLeast?: number; atMost?: number }, path: JsonPath) => {
    if (c.atLeast === undefined && c.atMost === undefined) report(path, 'a range test needs "atLeast", "atMost" or both');
    else if (c.atLeast !== undefined && c.atMost !== undefined && c.atLeast > c.atMost) report(path, `"atLeast" (${c.atLeast}) is above "atMost" (${c.atMost}), so this is never true`);
  };

  const checkValue = (value: string | number, question: Question, path: JsonPath) => {
    const expect = possibleValues(question);
    if (question.type === 'multi') return report(path, `"${question.id}" is multiple choice: compare one option with "includes"`, `{"answer": "${question.id}", "includes": "${value}"}`);
    if (question.type === 'number' || question.type === 'scale') {
      if (value === 'unsure') return;
      if (typeof value !== 'number') return report(path, `"${question.id}" takes a number, not ${JSON.stringify(value)}`);
      if (value < question.min || value > question.max) report(path, `${value} is outside ${question.min}..${question.max}, the range of "${question.id}"`);
      else if (wholeNumbers(question) && !Number.isInteger(value)) report(path, `${value} is not a whole number, and "${question.id}" takes only whole numbers`, `use ${Math.floor(value)} or ${Math.ceil(value)}`);
      return;
    }
    if (typeof value !== 'string' || !expect.includes(value)) {
      report(path, `"${question.id}" cannot be answered ${JSON.stringify(value)}`, didYouMean(String(value), expect) ?? `its answers are: ${expect.join(', ')}`);
    }
  };

  const checkComparison = (c: Exclude<Condition, { all: unknown } | { any: unknown } | { not: unknown } | { score: unknown }>, question: Question, path: JsonPath) => {
    if ('equals' in c) checkValue(c.equals, question, [...path, 'equals']);
    else if ('oneOf' in c) c.oneOf.forEach((v, i) => checkValue(v, question, [...path, 'oneOf', i]));
    else if ('includes' in c) {
      if (question.type !== 'multi') report([...path, 'includes'], `"includes" is for multiple-choice questions; "${question.id}" is ${question.type}`, question.type === 'single' ? `use {"answer": "${question.id}", "equals": "${c.includes}"}` : 'use "equals"');
      else {
        const ids = question.options.map((o) => o.id);
        if (!ids.includes(c.includes)) report([...path, 'includes'], `"${question.id}" has no option "${c.includes}"`, didYouMean(c.includes, ids) ?? `its options are: ${ids.join(', ')}`);
      }
    } else if (!('answered' in c)) {
      if (c.atLeast === undefined && c.atMost === undefined) report(path, 'a test on an answer needs a comparison', 'add one of "equals", "oneOf", "includes", "atLeast", "atMost", "answered"');
      else if (question.type !== 'number' && question.type !== 'scale') report(path, `"atLeast"/"atMost" need a number or scale question; "${question.id}" is ${question.type}`, 'use "equals" or "oneOf"');
      else if (c.atLeast !== undefined && c.atMost !== undefined && c.atLeast <= c.atMost && wholeNumbers(question) && Math.ceil(c.atLeast) > Math.floor(c.atMost)) {
        report(path, `no whole number is from ${c.atLeast} to ${c.atMost}, and "${question.id}" takes only whole numbers, so this is never true`, 'use whole numbers for "atLeast" and "atMost"');
      } else checkRange(c, path);
    }
  };

  // Scores first: a follow-up that reads a score must come after every question the score reads.
  (q.scores ?? []).forEach((score, s) => {
    checkText(score.title, ['scores', s, 'title']);
    const read = new Set<string>();
    score.items.forEach((item, i) => checkCondition(item.when, ['scores', s, 'items', i, 'when'], { inScore: true }).forEach((id) => read.add(id)));
    scoreQuestions.set(score.id, read);
  });
  // Questions: texts, sources, bounds, option ids, follow-ups.
  for (const [id, { question, index: position }] of questions) {
    const path = questionPaths.get(id)!;
    for (const key of ['text', 'summary', 'help'] as const) checkText(question[key], [...path, key]);
    checkSource(question.source, [...path, 'source']);
    if (question.type === 'single' || question.type === 'multi') {
      duplicates(question.options.map((o) => o.id), (i, optionId, first) => report([...path, 'options', i, 'id'], `duplicate option id "${optionId}" in "${id}"`, undefined, false, [...path, 'options', first, 'id']));
      question.options.forEach((o, i) => {
        checkText(o.text, [...path, 'options', i, 'text']);
        checkText(o.help, [...path, 'options', i, 'help']);
      });
    }
    if (question.type === 'number' || question.type === 'scale') {
      if (question.min >= question.max) report([...path, 'max'], `"max" (${question.max}) must be above "min" (${question.min})`);
      // The widget shows a scale as one choice per point.
      else if (question.type === 'scale' && question.max - question.min > MAX_SCALE_POINTS - 1) {
        report([...path, 'max'], `a scale may have at most ${MAX_SCALE_POINTS} points ("max" - "min" at most ${MAX_SCALE_POINTS - 1}); this one goes from ${question.min} to ${question.max}`, 'a scale is a row of choices: for a wider range use a number question');
      }
      // Whole-number answers are FHIR integers, which are 32-bit.
      else if (wholeNumbers(question) && Math.max(Math.abs(question.min), Math.abs(question.max)) > 2 ** 31 - 1) {
        report([...path, Math.abs(question.min) > 2 ** 31 - 1 ? 'min' : 'max'], `whole-number answers must lie within ±2147483647 (FHIR integers are 32-bit)`, 'use a smaller range');
      }
      checkText(question.type === 'number' ? question.unit : question.minLabel, [...path, question.type === 'number' ? 'unit' : 'minLabel']);
      if (question.type === 'scale') checkText(question.maxLabel, [...path, 'maxLabel']);
    }
    if (question.showIf) checkCondition(question.showIf, [...path, 'showIf'], { before: position });
  }

  q.guidance.forEach((g, i) => {
    checkText(g.title, ['guidance', i, 'title']);
    checkText(g.text, ['guidance', i, 'text']);
    g.sources.forEach((id, j) => checkSource(id, ['guidance', i, 'sources', j]));
    checkCondition(g.when, ['guidance', i, 'when'], {});
  });

  // Reachability only means something once references are sound. A question never shown comes
  // first: guidance that needs its answer can then never apply either, and is its echo.
  if (findings.length === 0) {
    const reach = new Reachability(q);
    const readsOf = (c: Condition, into = new Set<string>()): Set<string> => {
      if ('all' in c) c.all.forEach((child) => readsOf(child, into));
      else if ('any' in c) c.any.forEach((child) => readsOf(child, into));
      else if ('not' in c) readsOf(c.not, into);
      else if ('score' in c) scoreQuestions.get(c.score)?.forEach((id) => into.add(id));
      else into.add(c.answer);
      return into;
    };
    const impossible = q.guidance.flatMap((g, i) => (reach.possible(g.when, true) ? [] : [{ g, i, reads: readsOf(g.when) }]));
    const neverShown: string[] = [];
    for (const [id, { question }] of questions) {
      if (!question.showIf || reach.possible(question.showIf, true)) continue;
      neverShown.push(id);
      const needing = impossible.filter(({ reads }) => reads.has(id)).map(({ g }) => `"${g.id}"`);
      const hidden = [...readsOf(question.showIf)].filter((read) => neverShown.includes(read));
      const named = needing.length > 4 ? `${needing.slice(0, 3).join(', ')} and ${needing.length - 3} more` : needing.join(', ');
      const consequence = needing.length === 0 ? '' : `; while it is hidden, ${needing.length === 1 ? 'the guidance that needs its answer' : `the ${needing.length} guidance entries that need its answer`} can never apply: ${named}`;
      report(
        [...questionPaths.get(id)!, 'showIf'],
        `"${id}" is never shown: no answers make its showIf true`,
        `its showIf asks that ${conditionWords(question.showIf)}, which no answers give: ${hidden.length > 0 ? `${hidden.map((h) => `"${h}"`).join(', ')} ${hidden.length === 1 ? 'is' : 'are'} never shown` : 'look for a contradiction or a threshold beyond a question\'s range'}${consequence}`,
      );
    }
    for (const { g, i, reads } of impossible) {
      const hidden = neverShown.find((id) => reads.has(id));
      report(
        ['guidance', i, 'when'],
        `guidance "${g.id}" can never apply: no answers make its "when" true`,
        hidden ? `it needs an answer to "${hidden}", which is never shown: fix that question's showIf first` : 'look for contradictions, thresholds beyond a question\'s range, or a follow-up read together with an answer that hides it',
      );
    }
  }
  return findings;
}

/** A condition in words, for a hint: `"joint_pain" is "yes" and "joint_pain" is "no"`; cut short when long. */
function conditionWords(condition: Condition): string {
  const range = (atLeast?: number, atMost?: number) =>
    atLeast !== undefined && atMost !== undefined ? `from ${atLeast} to ${atMost}` : atLeast !== undefined ? `at least ${atLeast}` : `at most ${atMost}`;
  let budget = 40; // conditions said at most: a long one is cut short
  const words = (c: Condition, nested: boolean): string => {
    if (--budget < 0) return '…';
    if ('all' in c || 'any' in c) {
      const parts = 'all' in c ? c.all : c.any;
      const joined = parts.map((part) => words(part, true)).join('all' in c ? ' and ' : ' or ');
      return nested && parts.length > 1 ? `(${joined})` : joined;
    }
    if ('not' in c) return `not ${words(c.not, true)}`;
    if ('score' in c) return `score "${c.score}" ${range(c.atLeast, c.atMost)}`;
    const q = `"${c.answer}"`;
    if ('equals' in c) return `${q} is ${JSON.stringify(c.equals)}`;
    if ('oneOf' in c) return `${q} is one of ${c.oneOf.map((v) => JSON.stringify(v)).join(', ')}`;
    if ('includes' in c) return `${q} includes ${JSON.stringify(c.includes)}`;
    if ('answered' in c) return `${q} ${c.answered ? 'is answered' : 'is not answered'}`;
    return `${q} is ${range(c.atLeast, c.atMost)}`;
  };
  const said = words(condition, false);
  return said.length > 200 ? `${said.slice(0, 199)}…` : said;
}

/** The first several items, for a hint that lists what to choose from. */
function listSome(items: string[], count = 12): string {
  return items.length > count ? `${items.slice(0, count).join(', ')}, … (${items.length} in all)` : items.join(', ');
}

function wholeNumbers(question: Question): boolean {
  return question.type === 'scale' || (question.type === 'number' && question.integer === true);
}

function possibleValues(question: Question): string[] {
  if (question.type === 'yesno') return ['yes', 'no', 'unsure'];
  if (question.type === 'single' || question.type === 'multi') return [...question.options.map((o) => o.id), 'unsure'];
  return ['unsure'];
}

/** Each id an earlier one already has, with the index of that first one. */
function duplicates(ids: string[], onDuplicate: (index: number, id: string, first: number) => void) {
  const seen = new Map<string, number>();
  ids.forEach((id, i) => {
    const first = seen.get(id);
    if (first !== undefined) onDuplicate(i, id, first);
    else seen.set(id, i);
  });
}
