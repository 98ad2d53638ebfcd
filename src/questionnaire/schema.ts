/**
 * The questionnaire file format: the single source of truth for its types (z.infer) and for
 * rules/schema.json (z.toJSONSchema). Keep it pure data: cross-references (ids that must
 * exist, follow-ups that must come after their parent, ...) are checked in crossCheck.ts,
 * because z.toJSONSchema drops refinements.
 */
import { z } from 'zod';
import type { LEVELS as LEVELS_IN_ORDER, Level as LevelName } from './levels';

export const Id = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'an id is snake_case: lower-case letters, digits and _, starting with a letter')
  .meta({ description: 'A stable snake_case id: lower-case letters, digits and _, starting with a letter.' });

/** Each kind of id says what it names and where it is used (editors show it on hover). */
const PATTERN = ' Written in snake_case: lower-case letters, digits and _, starting with a letter.';
const idOf = (description: string) => Id.meta({ description: description + PATTERN });

/** A BCP 47 language code: a language (2 or 3 lower-case letters) and optional subtags ("en-GB"). */
const LANGUAGE_CODE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export const LanguageCode = z
  .string()
  .regex(LANGUAGE_CODE, 'a language code looks like "en" or "hi"')
  .meta({ description: 'A BCP 47 language code, such as "en" (English) or "hi" (Hindi).' });

export const LocalText = z
  // Spaces alone show as a blank where the patient expects words: as empty as "".
  .record(LanguageCode, z.string().regex(/\S/, 'a text may not be empty'))
  .meta({
    description: 'Text in each language the file declares, e.g. {"en": "Do your joints hurt?", "hi": "..."}. Plain words, reading grade 8 or below.',
  });
export type LocalText = z.infer<typeof LocalText>;

const SourceRef = Id.meta({ description: 'The id of an entry in the file\'s "sources" list that supports this text.' });

/** Comparisons on one answer. Each form is its own object so editors can complete them. */
const answerRef = Id.meta({ description: 'The id of the question whose answer is tested.' });
const threshold = z.number().meta({ description: 'A number the answer (or score) is compared with.' });

export const EqualsCondition = z
  .strictObject({
    answer: answerRef,
    equals: z.union([z.string(), z.number()]).meta({
      description: 'True when the answer is exactly this: "yes", "no" or "unsure" for yes/no questions, an option id for single choice, a number for number and scale questions.',
    }),
  })
  .meta({ description: 'True when the answer equals a value.' });

export const OneOfCondition = z
  .strictObject({
    answer: answerRef,
    oneOf: z.array(z.union([z.string(), z.number()])).min(1).meta({ description: 'True when the answer is any of these values.' }),
  })
  .meta({ description: 'True when the answer is one of several values.' });

export const IncludesCondition = z
  .strictObject({
    answer: answerRef,
    includes: Id.meta({ description: 'An option id of a multiple-choice question: true when that option is ticked.' }),
  })
  .meta({ description: 'True when a multiple-choice answer includes an option.' });

export const RangeCondition = z
  .strictObject({
    answer: answerRef,
    atLeast: threshold.optional(),
    atMost: threshold.optional(),
  })
  // minProperties: lets an editor flag {"answer": "..."} alone (the validator says "needs a comparison").
  .meta({ description: 'True when a number or scale answer is at least / at most a value (give one or both).', minProperties: 2 });

export const AnsweredCondition = z
  .strictObject({
    answer: answerRef,
    answered: z.boolean().meta({ description: 'true: the question was answered (with anything, "unsure" included); false: it was not.' }),
  })
  .meta({ description: 'True when a question was (or was not) answered.' });

export const ScoreCondition = z
  .strictObject({
    score: Id.meta({ description: 'The id of a score in the file\'s "scores" list.' }),
    atLeast: threshold.optional(),
    atMost: threshold.optional(),
  })
  .meta({ description: 'True when a score is at least / at most a value (give one or both).', minProperties: 2 });

export interface AllCondition { all: Condition[] }
export interface AnyCondition { any: Condition[] }
export interface NotCondition { not: Condition }
export type LeafCondition =
  | z.infer<typeof EqualsCondition>
  | z.infer<typeof OneOfCondition>
  | z.infer<typeof IncludesCondition>
  | z.infer<typeof RangeCondition>
  | z.infer<typeof AnsweredCondition>
  | z.infer<typeof ScoreCondition>;
/** Written out once here because a recursive schema cannot infer its own type. */
export type Condition = AllCondition | AnyCondition | NotCondition | LeafCondition;

export const Condition: z.ZodType<Condition> = z
  .lazy(() =>
    z.union([
      z.strictObject({ all: z.array(Condition).min(1) }).meta({ description: 'True when every condition in the list is true.' }),
      z.strictObject({ any: z.array(Condition).min(1) }).meta({ description: 'True when at least one condition in the list is true.' }),
      z.strictObject({ not: Condition }).meta({ description: 'True when the condition is false.' }),
      EqualsCondition,
      OneOfCondition,
      IncludesCondition,
      RangeCondition,
      AnsweredCondition,
      ScoreCondition,
    ]),
  )
  .meta({
    id: 'Condition',
    description: 'A condition on the answers, written as data: {"all": [...]}, {"any": [...]}, {"not": ...}, or a test on one answer or score.',
  });

const questionBase = {
  id: idOf('The question\'s id, unique in the file: the key of its answer in the answers object, and what conditions name in "answer". Keep it when you reword the question.'),
  text: LocalText.meta({ description: 'The question, as a patient reads it. One question, plain words.' }),
  summary: LocalText.optional().meta({
    description: 'A short label for the review list, the printed summary and the reasons shown with advice, e.g. "Swollen or painful joints".',
  }),
  help: LocalText.optional().meta({ description: 'Extra explanation shown under the question.' }),
  showIf: Condition.optional().meta({
    description: 'Ask this follow-up only when the condition holds. It may only read questions that come earlier in the file.',
  }),
  source: SourceRef,
};

export const Option = z.strictObject({
  id: idOf('The option\'s id, unique within its question: the answer value when it is chosen, and what conditions name in "equals", "oneOf" or "includes".'),
  text: LocalText.meta({ description: 'The option, as a patient reads it.' }),
  help: LocalText.optional().meta({ description: 'Extra explanation shown under the option.' }),
  exclusive: z.boolean().optional().meta({
    description: 'For multiple choice: this option ("none", "not sure") cannot be ticked together with others.',
  }),
});
export type Option = z.infer<typeof Option>;

const questionType = <T extends string>(type: T) =>
  z.literal(type).meta({
    description: 'How the question is answered: "yesno", "single" (one option), "multi" (any options), "scale" (a row of whole numbers) or "number" (typed). It decides which other fields belong.',
  });

const options = z.array(Option).min(2).meta({ description: 'The choices offered, in the order shown (at least 2).' });

export const YesNoQuestion = z
  .strictObject({ ...questionBase, type: questionType('yesno') })
  .meta({ description: 'Answered "yes", "no" or "unsure" (Not sure is always offered).' });

export const SingleQuestion = z
  .strictObject({ ...questionBase, type: questionType('single'), options })
  .meta({ description: 'One option is chosen; the answer is its id.' });

export const MultiQuestion = z
  .strictObject({ ...questionBase, type: questionType('multi'), options })
  .meta({ description: 'Any number of options are ticked; the answer is a list of option ids.' });

export const ScaleQuestion = z
  .strictObject({
    ...questionBase,
    type: questionType('scale'),
    min: z.int().meta({ description: 'The lowest point, a whole number.' }),
    max: z.int().meta({ description: 'The highest point, a whole number above min; at most 21 points in all (max - min <= 20).' }),
    minLabel: LocalText.optional().meta({ description: 'What the lowest point means, e.g. "Not at all".' }),
    maxLabel: LocalText.optional().meta({ description: 'What the highest point means, e.g. "I cannot do daily tasks".' }),
  })
  .meta({ description: 'A whole number from min to max, shown as a row of choices.' });

export const NumberQuestion = z
  .strictObject({
    ...questionBase,
    type: questionType('number'),
    min: z.number().meta({ description: 'The lowest number accepted.' }),
    max: z.number().meta({ description: 'The highest number accepted; above min.' }),
    integer: z.boolean().optional().meta({ description: 'Only whole numbers are accepted.' }),
    unit: LocalText.optional().meta({ description: 'The unit shown after the box, e.g. "years".' }),
  })
  .meta({ description: 'A number from min to max. Answering "unsure" is always possible.' });

export const Question = z.discriminatedUnion('type', [YesNoQuestion, SingleQuestion, MultiQuestion, ScaleQuestion, NumberQuestion]);
export type Question = z.infer<typeof Question>;
export type QuestionType = Question['type'];

export const Section = z
  .strictObject({
    id: idOf('The section\'s id, unique among sections: it names the section in check messages and in FHIR exports (the group\'s linkId).'),
    title: LocalText.meta({ description: 'The section\'s heading, e.g. "Urgent warning signs".' }),
    questions: z.array(Question).min(1).meta({ description: 'The questions of this section, in the order they are asked (at least 1).' }),
  })
  .meta({ description: 'A group of questions asked together under one heading.' });
export type Section = z.infer<typeof Section>;

export const ScoreItem = z.strictObject({
  when: Condition,
  weight: z.number().optional().meta({ description: 'Added to the score when the condition is true (default 1).' }),
});

export const Score = z
  .strictObject({
    id: idOf('The score\'s id, unique among scores: what conditions name in "score".'),
    title: LocalText.meta({
      description: 'What the score counts, e.g. "Typical lupus features", for the people who write and review the rules: under advice, a patient sees the answers it counted, never its total.',
    }),
    items: z.array(ScoreItem).min(1),
  })
  .meta({ description: 'A named weighted sum of conditions, e.g. how many of 11 typical features were reported.' });
export type Score = z.infer<typeof Score>;

/**
 * The urgency levels of levels.ts, spelled again rather than imported: a module that the
 * widget's first load shares with this validator's chunk ends up in a chunk of its own
 * (rolldown/rolldown#9963), one more request before the widget can start. The compiler holds
 * the two lists equal, names and order.
 */
const LEVELS = ['emergency', 'urgent', 'soon', 'routine', 'info'] as const satisfies typeof LEVELS_IN_ORDER;

export const Level = z
  .enum(LEVELS)
  .meta({
    description: 'How soon to act: emergency (now) > urgent (today) > soon (within days) > routine (book an appointment) > info.',
  });
export type Level = LevelName;
export { LEVELS };

export const Guidance = z
  .strictObject({
    id: idOf('The id of this piece of advice, unique among guidance: it is reported in the sc-complete event and named by test cases.'),
    level: Level,
    title: LocalText.meta({ description: 'A short heading: what to do and how soon. Never a diagnosis.' }),
    text: LocalText.meta({ description: 'What to discuss with a doctor and why. Never a diagnosis or a named treatment.' }),
    when: Condition.meta({ description: 'The answers that make this guidance apply.' }),
    sources: z.array(SourceRef).min(1).meta({ description: 'The ids of the sources (from the file\'s "sources" list) that support this advice (at least 1).' }),
  })
  .meta({ description: 'A piece of advice: how soon to act and what to discuss with a doctor, shown when its condition holds.' });
export type Guidance = z.infer<typeof Guidance>;

export const Source = z
  .strictObject({
    id: idOf('The source\'s id, unique among sources: what a question\'s "source" and a guidance\'s "sources" name.'),
    title: z.string().min(1).meta({ description: 'The title of the page, guideline or paper, shown as written (in every language) under the advice it supports.' }),
    // The same codes as "languages". The message carries the fix: the loader gives no hint for a pattern.
    lang: z
      .string()
      .regex(LANGUAGE_CODE, {
        error: ({ input }) =>
          `${JSON.stringify(String(input).length > 30 ? `${String(input).slice(0, 27)}...` : input)} is not a language code: give the code of the language the title is written in, such as "en" (English) or "hi" (Hindi)`,
      })
      .optional()
      .meta({
        description:
          'The language the title is written in, as a BCP 47 code such as "en" (English). Set it whenever the questionnaire has a language other than the title\'s (an English title on a Hindi screen), so that screen readers pronounce the title right.',
      }),
    publisher: z.string().optional().meta({ description: 'Who published it, e.g. "NHS (nhs.uk)".' }),
    url: z.url().optional().meta({ description: 'Where to read it: a full URL, e.g. "https://www.nhs.uk/conditions/lupus/".' }),
    note: z.string().optional().meta({ description: 'Anything else a reader needs to find it, e.g. the authors, journal and year.' }),
  })
  .meta({
    description: 'Where a question or advice comes from. Give at least one of publisher, url or note so a reader can find it ("symptom-check lint" warns about a source with only a title).',
  });
export type Source = z.infer<typeof Source>;

export const Questionnaire = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'Set to "./schema.json" so editors complete and check the file.' }),
    id: idOf('The questionnaire\'s id, e.g. "lupus": reported with its version in the sc-ready and sc-complete events, printed on the summary, and part of the key under which persist="session" keeps a run.'),
    version: z
      .string()
      .regex(/^\d+\.\d+\.\d+$/, 'a version looks like "1.0.0"')
      .meta({ description: 'The file\'s version, printed on every summary. Raise it on every change.' }),
    title: LocalText,
    intro: LocalText.optional().meta({ description: 'Shown before the first question: what this questionnaire covers.' }),
    languages: z.array(LanguageCode).min(1).meta({
      description: 'Every language the texts are written in. The first is the fallback.',
    }),
    emergencyNumber: z
      .string()
      .regex(/^\+?[0-9]{2,15}$/, 'an emergency number is digits only, with a "+" in front at most, e.g. "112"')
      .meta({ description: 'The phone number for emergencies where the clinic is, e.g. "112". A page may override it.' }),
    sources: z.array(Source).min(1).meta({ description: 'Where the questions and advice come from (at least 1). Questions and guidance cite them by id.' }),
    sections: z.array(Section).min(1).meta({ description: 'The questions, in groups, in the order they are asked (at least 1 section).' }),
    scores: z.array(Score).optional().meta({ description: 'Named weighted sums of conditions, which conditions can test with {"score": ..., "atLeast": ...}.' }),
    guidance: z.array(Guidance).min(1).meta({
      description: 'The advice (at least 1). Every piece whose "when" holds is shown, most urgent first.',
    }),
  })
  .meta({ title: 'symptom-check questionnaire', description: 'Questions, scores and guidance for <symptom-check>.' });
export type Questionnaire = z.infer<typeof Questionnaire>;

/** Answers keyed by question id. "unsure" is accepted for every question type. */
export type AnswerValue = string | number | string[];
export type Answers = Record<string, AnswerValue>;

/** The rules/schema.json document. */
export function questionnaireJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(Questionnaire, { target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
}
