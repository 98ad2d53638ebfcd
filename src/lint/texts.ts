/** Every patient-facing text of a questionnaire, one entry per language, with its JSON path. */
import type { JsonPath } from '../questionnaire/problem';
import type { LocalText, Questionnaire } from '../questionnaire/schema';

export type TextKind =
  | 'title'
  | 'intro'
  | 'section title'
  | 'question'
  | 'summary'
  | 'help'
  | 'unit'
  | 'scale label'
  | 'option'
  | 'option help'
  | 'score title'
  | 'advice title'
  | 'advice';

export interface TextEntry {
  kind: TextKind;
  /** What the text belongs to, for messages: `question "joint_pain"`, `guidance "kidney_check"`. */
  owner: string;
  lang: string;
  text: string;
  path: JsonPath;
}

/** The advice texts: what the result screen tells the patient to do. */
export const ADVICE: ReadonlySet<TextKind> = new Set(['advice title', 'advice']);

export function textsOf(q: Questionnaire): TextEntry[] {
  const out: TextEntry[] = [];
  const add = (kind: TextKind, owner: string, text: LocalText | undefined, path: JsonPath) => {
    for (const [lang, value] of Object.entries(text ?? {})) out.push({ kind, owner, lang, text: value, path: [...path, lang] });
  };
  add('title', 'the questionnaire', q.title, ['title']);
  add('intro', 'the questionnaire', q.intro, ['intro']);
  q.sections.forEach((section, s) => {
    add('section title', `section "${section.id}"`, section.title, ['sections', s, 'title']);
    section.questions.forEach((question, i) => {
      const path = ['sections', s, 'questions', i];
      const owner = `question "${question.id}"`;
      add('question', owner, question.text, [...path, 'text']);
      add('summary', owner, question.summary, [...path, 'summary']);
      add('help', owner, question.help, [...path, 'help']);
      if (question.type === 'number') add('unit', owner, question.unit, [...path, 'unit']);
      if (question.type === 'scale') {
        add('scale label', owner, question.minLabel, [...path, 'minLabel']);
        add('scale label', owner, question.maxLabel, [...path, 'maxLabel']);
      }
      if (question.type === 'single' || question.type === 'multi') {
        question.options.forEach((option, o) => {
          const optionOwner = `option "${option.id}" of "${question.id}"`;
          add('option', optionOwner, option.text, [...path, 'options', o, 'text']);
          add('option help', optionOwner, option.help, [...path, 'options', o, 'help']);
        });
      }
    });
  });
  (q.scores ?? []).forEach((score, s) => add('score title', `score "${score.id}"`, score.title, ['scores', s, 'title']));
  q.guidance.forEach((g, i) => {
    add('advice title', `guidance "${g.id}"`, g.title, ['guidance', i, 'title']);
    add('advice', `guidance "${g.id}"`, g.text, ['guidance', i, 'text']);
  });
  return out;
}

const KIND_NAMES: Record<TextKind, string> = {
  title: 'title',
  intro: 'intro',
  'section title': 'section title',
  question: 'question text',
  summary: 'summary',
  help: 'help text',
  unit: 'unit',
  'scale label': 'scale label',
  option: 'option text',
  'option help': 'option help text',
  'score title': 'score title',
  'advice title': 'advice title',
  advice: 'advice text',
};

/** `the help text of question "joint_pain" (hi)`, for messages; the language is named when it is not English. */
export function describeText(t: TextEntry): string {
  return `the ${KIND_NAMES[t.kind]} of ${t.owner}${isEnglish(t.lang) ? '' : ` (${t.lang})`}`;
}

/** English texts: "en" and its regional forms ("en-GB"). */
export function isEnglish(lang: string): boolean {
  return lang === 'en' || lang.startsWith('en-');
}
