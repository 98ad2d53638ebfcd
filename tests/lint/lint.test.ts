import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/lint';
import { MAX_WORDS_PER_TEXT } from '../../src/lint/checks';
import { formatLintProblem, lintSummary, type LintProblem } from '../../src/lint/problem';
import { DIAGNOSIS_TERMS, TREATMENT_TERMS } from '../../src/lint/wording';
import { smallQuestionnaire } from '../fixtures';
import { positionOf } from '../problems';

type Mutate = (q: any) => void;
const FILE = 'rules/small.json';
const CONFIG = 'rules/small.lint.json';
/** The fixture with what lint asks for: a traceable source with the language of its title, and "sex" declared as kept for the summary. */
const cleanConfig = { summaryOnly: { sex: 'printed on the summary for the doctor' } };
function clean(mutate: Mutate = () => {}) {
  const q: any = smallQuestionnaire();
  q.sources[0].publisher = 'NHS (nhs.uk)';
  q.sources[0].lang = 'en';
  mutate(q);
  return JSON.stringify(q, null, 2);
}
/** `config` null: no lint config at all. */
function lintOf(text: string, config: unknown = cleanConfig): LintProblem[] {
  return lint({ text, file: FILE, configFile: CONFIG, ...(config === null ? {} : { config: { text: typeof config === 'string' ? config : JSON.stringify(config, null, 2), file: CONFIG } }) }).problems;
}
const show = (problems: LintProblem[]) => problems.map(formatLintProblem).join('\n');

describe('a file that follows the authoring rules', () => {
  it('has no problems', () => {
    const problems = lintOf(clean());
    expect(problems, show(problems)).toEqual([]);
    expect(lintSummary(problems)).toBe('0 problems (0 errors, 0 warnings)');
  });
});

// [what, change to the clean fixture, rule, JSON path, message, hint, the text the position must point at]
const rows: [string, Mutate, string, string, RegExp, RegExp, string][] = [
  ['a question nothing reads', (q) => (q.scores[0].items[1].when = { answer: 'tiredness', atLeast: 5 }), 'unread-question', '$.sections[1].questions[2].id', /no guidance, score or follow-up reads "rash"/, /if it is kept for the summary only, add "rash": "why" under "summaryOnly" in rules\/small\.lint\.json/, '"rash"'],
  ['"exclusive" on a single-choice option', (q) => (q.sections[1].questions[4].options[1].exclusive = false), 'no-effect', '$.sections[1].questions[4].options[1].exclusive', /"exclusive" does nothing on single-choice question "sex"/, /remove it, or make the question "multi"/, '"exclusive": false'],
  ['a score nothing reads', (q) => q.guidance.splice(3, 1), 'unused-score', '$.scores[0].id', /no guidance or follow-up reads the score "features"/, /use it in a "when", or remove it/, '"features"'],
  ['advice that says "you have lupus"', (q) => (q.guidance[4].text.en = 'Rest. You have lupus.'), 'diagnosis', '$.guidance[4].text.en', /the advice text of guidance "info_tired" diagnoses: "You have lupus"/, /leave the diagnosis to the doctor/, '"Rest. You have lupus."'],
  ['advice that says "you may have SLE"', (q) => (q.guidance[4].text.en = 'Rest, as you may have SLE.'), 'diagnosis', '$.guidance[4].text.en', /diagnoses: "you may have SLE"/, /what to do and how soon/, '"Rest, as you may have SLE."'],
  ['an advice title that names a diagnosis', (q) => (q.guidance[3].title.en = 'Your diagnosis'), 'diagnosis', '$.guidance[3].title.en', /the advice title of guidance "routine_features" diagnoses: "diagnosis"/, /doctor/, '"Your diagnosis"'],
  ['advice with "diagnosed with"', (q) => (q.guidance[3].text.en = 'People diagnosed with lupus should book.'), 'diagnosis', '$.guidance[3].text.en', /"diagnosed"/, /doctor/, '"People diagnosed with lupus should book."'],
  ['Hindi advice with निदान (diagnosis)', (q) => (q.guidance[3].text.hi = 'यह ल्यूपस का निदान है।'), 'diagnosis', '$.guidance[3].text.hi', /the advice text of guidance "routine_features" \(hi\) diagnoses: "निदान"/, /doctor/, '"यह ल्यूपस का निदान है।"'],
  ['advice that names a medicine', (q) => (q.guidance[4].text.en = 'Ask for hydroxychloroquine.'), 'treatment', '$.guidance[4].text.en', /names a treatment or clinic: "hydroxychloroquine"/, /describe medicines by what they do/, '"Ask for hydroxychloroquine."'],
  ['a brand name', (q) => (q.guidance[4].text.en = 'Keep taking Plaquenil.'), 'treatment', '$.guidance[4].text.en', /"Plaquenil" \(hydroxychloroquine\)/, /leave treatment to the doctor/, '"Keep taking Plaquenil."'],
  ['steroids in help text', (q) => (q.sections[1].questions[0].help = { en: 'Steroids can cause this.', hi: 'x' }), 'treatment', '$.sections[1].questions[0].help.en', /the help text of question "joint_pain" names a treatment or clinic: "Steroids"/, /what they do/, '"Steroids can cause this."'],
  ['prednisolone in an option', (q) => (q.sections[0].questions[0].options[1].text.en = 'Swelling on prednisolone'), 'treatment', '$.sections[0].questions[0].options[1].text.en', /the option text of option "swollen_leg" of "red_flags" names a treatment or clinic: "prednisolone" \(steroids\)/, /doctor/, '"Swelling on prednisolone"'],
  ['a painkiller', (q) => (q.guidance[4].text.en = 'Take ibuprofen and rest.'), 'treatment', '$.guidance[4].text.en', /"ibuprofen" \(a painkiller\)/, /doctor/, '"Take ibuprofen and rest."'],
  ['stem cell therapy', (q) => (q.guidance[3].text.en = 'Ask about stem-cell care.'), 'treatment', '$.guidance[3].text.en', /"stem-cell" \(stem cell\)/, /doctor/, '"Ask about stem-cell care."'],
  ['a therapy', (q) => (q.guidance[3].text.en = 'Ask about physiotherapy.'), 'treatment', '$.guidance[3].text.en', /"physiotherapy" \(therapy\)/, /doctor/, '"Ask about physiotherapy."'],
  ['a clinic in the intro', (q) => (q.intro = { en: 'Brought to you by our clinic.', hi: 'x' }), 'treatment', '$.intro.en', /the intro of the questionnaire names a treatment or clinic: "clinic"/, /doctor/, '"Brought to you by our clinic."'],
  ['a clinic in Hindi', (q) => (q.guidance[3].text.hi = 'हमारे क्लिनिक आएँ।'), 'treatment', '$.guidance[3].text.hi', /the advice text of guidance "routine_features" \(hi\) names a treatment or clinic: "क्लिनिक" \(clinic\)/, /doctor/, '"हमारे क्लिनिक आएँ।"'],
  ['advice that says "you may well have lupus"', (q) => (q.guidance[4].text.en = 'Your answers suggest you may well have lupus.'), 'diagnosis', '$.guidance[4].text.en', /diagnoses: "you may well have lupus"/, /leave the diagnosis to the doctor/, '"Your answers suggest you may well have lupus."'],
  ['advice that says "your answers suggest lupus"', (q) => (q.guidance[4].text.en = 'Your answers suggest lupus.'), 'diagnosis', '$.guidance[4].text.en', /diagnoses: "suggest lupus"/, /doctor/, '"Your answers suggest lupus."'],
  ['Hindi advice: आपको शायद ल्यूपस है (you probably have lupus)', (q) => (q.guidance[3].text.hi = 'जवाबों से लगता है कि आपको शायद ल्यूपस है।'), 'diagnosis', '$.guidance[3].text.hi', /\(hi\) diagnoses: "आपको शायद ल्यूपस है"/, /doctor/, '"जवाबों से'],
  ['Hindi advice: आपको संभवतः लूपस हो सकता है (you may have lupus)', (q) => (q.guidance[3].text.hi = 'आपको संभवतः लूपस हो सकता है।'), 'diagnosis', '$.guidance[3].text.hi', /diagnoses: "आपको संभवतः लूपस हो सकता"/, /doctor/, '"आपको संभवतः'],
  ['Hindi: स्टीरॉयड (steroid)', (q) => (q.sections[1].questions[0].help = { en: 'Pain.', hi: 'स्टीरॉयड से भी ऐसा हो सकता है।' }), 'treatment', '$.sections[1].questions[0].help.hi', /names a treatment or clinic: "स्टीरॉयड" \(steroids\)/, /what they do/, '"स्टीरॉयड'],
  ['Hindi: प्रेडनिसोलोन (prednisolone)', (q) => (q.guidance[4].text.hi = 'प्रेडनिसोलोन की गोली लें।'), 'treatment', '$.guidance[4].text.hi', /"प्रेडनिसोलोन" \(steroids\)/, /doctor/, '"प्रेडनिसोलोन'],
  ['Hindi: मेथोट्रेक्सेट (methotrexate)', (q) => (q.guidance[4].text.hi = 'मेथोट्रेक्सेट लेते रहें।'), 'treatment', '$.guidance[4].text.hi', /"मेथोट्रेक्सेट" \(methotrexate\)/, /doctor/, '"मेथोट्रेक्सेट'],
  ['Hindi: इबुप्रोफ़ेन, with the nukta (ibuprofen)', (q) => (q.guidance[4].text.hi = 'दर्द हो तो इबुप्रोफ़ेन लें।'), 'treatment', '$.guidance[4].text.hi', /"इबुप्रोफ़ेन" \(a painkiller\)/, /doctor/, '"दर्द हो'],
  [
    'advice above reading grade 8',
    (q) => (q.guidance[3].text.en = 'Systemic lupus erythematosus is a multisystem autoimmune inflammatory condition with heterogeneous manifestations.'),
    'reading-grade',
    '$.guidance[3].text.en',
    /the advice text of guidance "routine_features" reads at grade 2\d\.\d, above 8/,
    /^12 words a sentence, \d\.\d\d syllables a word: use shorter sentences, and plainer words than "erythematosus" \(6\), /,
    '"Systemic lupus',
  ],
  ['a question above reading grade 8', (q) => (q.sections[1].questions[2].text.en = 'Have you experienced any cutaneous eruptions recently?'), 'reading-grade', '$.sections[1].questions[2].text.en', /the question text of question "rash" reads at grade \d+\.\d, above 8/, /plainer words than .*"cutaneous" \(3\)/, '"Have you experienced'],
  ['a source with only a title', (q) => delete q.sources[0].publisher, 'source', '$.sources[0].title', /source "src" has only a title, so a reader cannot find it/, /add a "url", a "publisher", or a "note"/, '"A source"'],
  ['a source nothing cites', (q) => q.sources.push({ id: 'unused', title: 'Unused', lang: 'en', url: 'https://example.org/' }), 'source', '$.sources[1].id', /no question or guidance cites source "unused"/, /cite it where it supports a text, or remove it/, '"unused"'],
  [
    'a source with no "lang" in a two-language questionnaire',
    (q) => delete q.sources[0].lang,
    'source-lang',
    '$.sources[0]',
    /^source "src" \("A source"\) does not say which language its title is in: screen readers read the title in the voice of the screen's language, so on a screen in another of en, hi it is read with the wrong voice$/,
    /^add "lang": "en"; /,
    '{\n      "id": "src"',
  ],
  [
    'red flags asked after another question',
    (q) => q.sections.push(q.sections.shift()),
    'red-flags-first',
    '$.sections[1].questions[0].id',
    /^"red_flags" is needed for emergency advice "emergency_chest" but is asked after "joint_pain", which no emergency advice needs: a patient in danger answers those questions before being told to get help$/,
    /^move "red_flags" before "joint_pain": the warning signs that need help now come first \(safety rule 2 in rules\/README\.md\)$/,
    '"red_flags"',
  ],
  [
    'a warning sign that leads to no emergency or urgent advice',
    (q) => (q.guidance[1].level = 'soon'),
    'red-flags-first',
    '$.sections[0].questions[0].options[1].id',
    /^the warning sign "swollen_leg" of "red_flags" leads to no emergency or urgent advice$/,
    /^add emergency or urgent advice whose "when" is \{ "answer": "red_flags", "includes": "swollen_leg" \}, or move the option to a question that is not a warning sign \(safety rule 2/,
    '"swollen_leg"',
  ],
  [
    'a warning sign whose advice another answer switches off (a "not" around it)',
    (q) => (q.guidance[1].when = { all: [{ answer: 'joint_pain', equals: 'yes' }, { not: { answer: 'red_flags', includes: 'swollen_leg' } }] }),
    'red-flags-first',
    '$.sections[0].questions[0].options[1].id',
    /^the warning sign "swollen_leg" of "red_flags" leads to no emergency or urgent advice$/,
    /safety rule 2/,
    '"swollen_leg"',
  ],
  [
    'emergency advice on a score with an item that counts against it',
    (q) => {
      q.scores.push({ id: 'danger', title: { en: 'Danger', hi: 'Danger' }, items: [{ when: { answer: 'red_flags', includes: 'chest_pain' } }, { when: { answer: 'joint_pain', equals: 'yes' }, weight: -1 }] });
      q.guidance[0].when = { score: 'danger', atLeast: 1 };
    },
    'emergency-switch-off',
    '$.guidance[0].when',
    /^emergency advice "emergency_chest" reads the score "danger", which has items that count against it: an answer can switch it off even when another calls for emergency care$/,
    /put scores in less urgent advice \(safety rule 3/,
    '{\n        "score": "danger"',
  ],
  [
    'emergency advice on a score that no one answer reaches',
    (q) => {
      q.scores.push({ id: 'danger', title: { en: 'Danger', hi: 'Danger' }, items: [{ when: { answer: 'red_flags', includes: 'chest_pain' } }, { when: { answer: 'joint_pain', equals: 'yes' } }] });
      q.guidance[0].when = { score: 'danger', atLeast: 2 };
    },
    'emergency-switch-off',
    '$.guidance[0].when',
    /reads the score "danger", and no one answer is enough for it/,
    /safety rule 3/,
    '{\n        "score": "danger"',
  ],
  [
    'emergency advice on a score whose item needs two answers at once',
    (q) => {
      q.scores.push({ id: 'danger', title: { en: 'Danger', hi: 'Danger' }, items: [{ when: { all: [{ answer: 'red_flags', includes: 'chest_pain' }, { answer: 'joint_pain', equals: 'no' }] } }] });
      q.guidance[0].when = { score: 'danger', atLeast: 1 };
    },
    'emergency-switch-off',
    '$.scores[1].items[0].when',
    /^emergency advice "emergency_chest" needs the answers to "red_flags", "joint_pain" at once/,
    /safety rule 3/,
    '{\n            "all"',
  ],
  [
    'the same, with the score read through "not"',
    (q) => {
      q.scores.push({ id: 'danger', title: { en: 'Danger', hi: 'Danger' }, items: [{ when: { all: [{ answer: 'red_flags', includes: 'chest_pain' }, { answer: 'joint_pain', equals: 'no' }] } }] });
      q.guidance[0].when = { not: { score: 'danger', atMost: 0 } };
    },
    'emergency-switch-off',
    '$.scores[1].items[0].when',
    /^emergency advice "emergency_chest" needs the answers to "red_flags", "joint_pain" at once/,
    /safety rule 3/,
    '{\n            "all"',
  ],
  ['no emergency advice', (q) => (q.guidance[0].level = 'urgent'), 'red-flags-first', '$.guidance', /^no advice has the level "emergency", so nothing tells a patient in danger to get help now$/, /safety rule 2/, '[\n    {\n      "id": "emergency_chest"'],
  [
    'emergency advice that another answer switches off (all)',
    (q) => (q.guidance[0].when = { all: [{ answer: 'red_flags', includes: 'chest_pain' }, { not: { answer: 'joint_pain', equals: 'yes' } }] }),
    'emergency-switch-off',
    '$.guidance[0].when',
    /^emergency advice "emergency_chest" needs the answers to "red_flags", "joint_pain" at once: an answer to one of them switches it off even when another calls for emergency care$/,
    /^give each warning sign its own emergency advice, with a "when" on that sign alone; put other conditions in less urgent advice \(safety rule 3/,
    '{\n        "all"',
  ],
  [
    'emergency advice that another answer switches off (not of any), inside an any',
    (q) => (q.guidance[0].when = { any: [{ answer: 'red_flags', includes: 'chest_pain' }, { not: { any: [{ answer: 'red_flags', includes: 'none' }, { answer: 'joint_pain', equals: 'yes' }] } }] }),
    'emergency-switch-off',
    '$.guidance[0].when.any[1].not',
    /^emergency advice "emergency_chest" needs the answers to "red_flags", "joint_pain" at once/,
    /safety rule 3/,
    '{\n              "any": [\n                {\n                  "answer": "red_flags",\n                  "includes": "none"',
  ],
];

describe('each check finds its problem, places it and says how to fix it', () => {
  it.each(rows)('%s', (_what, mutate, rule, path, message, hint, needle) => {
    const text = clean(mutate);
    const problems = lintOf(text);
    expect(problems, show(problems)).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: FILE, severity: 'warning', rule, path, ...positionOf(text, needle) });
    expect(problems[0]!.message).toMatch(message);
    expect(problems[0]!.hint).toMatch(hint);
  });
});

// Texts that must not be flagged: near misses of the word lists, and the places the checks leave alone.
const allowed: [string, Mutate][] = [
  ['"clinical" is not "clinic"', (q) => (q.guidance[3].text.en = 'A doctor can do a clinical check.')],
  ['a question may ask whether a doctor diagnosed lupus', (q) => (q.sections[1].questions[0].text.en = 'Has a doctor diagnosed you with lupus?')],
  ['medicines named by what they do', (q) => (q.guidance[4].text.en = 'Do not stop medicines that weaken your immune system.')],
  ['"the diagnosed_lupus question" in an id is not text', (q) => (q.sections[1].questions[0].id = 'diagnosed_lupus', q.sections[1].questions[1].showIf.answer = 'diagnosed_lupus', q.scores[0].items[0].when.answer = 'diagnosed_lupus')],
  ['a short label with a long word is not graded', (q) => (q.sections[1].questions[2].summary.en = 'Anaemia (low blood)')],
  ['Hindi texts are not graded', (q) => (q.guidance[3].text.hi = 'सिस्टमिक ल्यूपस एरिथेमेटोसस एक मल्टीसिस्टम ऑटोइम्यून इन्फ्लेमेटरी कंडीशन है।')],
  ['a source with only a url', (q) => (delete q.sources[0].publisher, (q.sources[0].url = 'https://www.nhs.uk/conditions/lupus/'))],
  ['a source with only a note', (q) => (delete q.sources[0].publisher, (q.sources[0].note = 'Karlson EW et al. Ann Epidemiol 1995.'))],
  ['emergency advice on any of several warning signs', (q) => (q.guidance[0].when = { any: [{ answer: 'red_flags', includes: 'chest_pain' }, { answer: 'red_flags', includes: 'swollen_leg' }] })],
  ['emergency advice needing two answers to the one red-flag question', (q) => (q.guidance[0].when = { all: [{ answer: 'red_flags', includes: 'chest_pain' }, { not: { answer: 'red_flags', includes: 'none' } }] })],
  [
    'emergency and urgent advice on warning signs counted by scores',
    (q) => {
      q.scores.push({ id: 'danger', title: { en: 'Danger', hi: 'Danger' }, items: [{ when: { answer: 'red_flags', includes: 'chest_pain' } }] });
      q.scores.push({ id: 'leg', title: { en: 'Leg', hi: 'Leg' }, items: [{ when: { answer: 'red_flags', includes: 'swollen_leg' } }] });
      q.guidance[0].when = { score: 'danger', atLeast: 1 };
      q.guidance[1].when = { score: 'leg', atLeast: 1 };
    },
  ],
  [
    'emergency advice on a score of either of two answers, read through "not"',
    (q) => {
      q.scores.push({ id: 'danger', title: { en: 'Danger', hi: 'Danger' }, items: [{ when: { any: [{ answer: 'red_flags', includes: 'chest_pain' }, { answer: 'joint_pain', equals: 'yes' }] } }] });
      q.guidance[0].when = { not: { score: 'danger', atMost: 0 } };
    },
  ],
  ['emergency advice on any warning sign: "not None of these"', (q) => (q.guidance[0].when = { not: { answer: 'red_flags', includes: 'none' } })],
  // joint_weeks is asked only after joint_pain: emergency advice reading it needs joint_pain too, so neither is "late".
  ['emergency advice on a follow-up, asked right after the question it follows', (q) => (q.guidance[0].when = { any: [{ answer: 'red_flags', includes: 'chest_pain' }, { answer: 'joint_weeks', atLeast: 52 }] })],
];

describe('what the checks leave alone', () => {
  it.each(allowed)('%s', (_what, mutate) => {
    const problems = lintOf(clean(mutate));
    expect(problems, show(problems)).toEqual([]);
  });
});

describe('the word lists', () => {
  it.each([...DIAGNOSIS_TERMS, ...TREATMENT_TERMS].map((t) => [t.label, t.example, t] as const))('"%s" flags its example: %s', (_label, example, term) => {
    expect(term.pattern.test(example)).toBe(true);
  });
  it('flags each listed example in advice, and nothing in the clean fixture', () => {
    for (const term of [...DIAGNOSIS_TERMS, ...TREATMENT_TERMS]) {
      const rule = DIAGNOSIS_TERMS.includes(term) ? 'diagnosis' : 'treatment';
      const problems = lintOf(clean((q) => (q.guidance[3].text[/[\u0900-\u097F]/.test(term.example) ? 'hi' : 'en'] = term.example)));
      expect(problems.map((p) => p.rule), term.example).toContain(rule);
    }
  });
});

describe('Hindi advice that diagnoses and names medicines', () => {
  it('flags the diagnosis and each kind of medicine in the text a reviewer wrote', () => {
    const text = clean((q) => (q.guidance[3].text.hi = 'आपको शायद ल्यूपस है। पैरासिटामोल या इबुप्रोफेन लें। हाइड्रोक्सीक्लोरोक्वीन के बारे में पूछें।'));
    const problems = lintOf(text);
    expect(problems.map((p) => [p.rule, p.path, p.message]), show(problems)).toEqual([
      ['diagnosis', '$.guidance[3].text.hi', 'the advice text of guidance "routine_features" (hi) diagnoses: "आपको शायद ल्यूपस है"'],
      ['treatment', '$.guidance[3].text.hi', 'the advice text of guidance "routine_features" (hi) names a treatment or clinic: "हाइड्रोक्सीक्लोरोक्वीन" (hydroxychloroquine)'],
      ['treatment', '$.guidance[3].text.hi', 'the advice text of guidance "routine_features" (hi) names a treatment or clinic: "पैरासिटामोल" (a painkiller)'],
      ['treatment', '$.guidance[3].text.hi', 'the advice text of guidance "routine_features" (hi) names a treatment or clinic: "इबुप्रोफेन" (a painkiller)'],
    ]);
  });
});

describe('every banned word in a text, in one run', () => {
  // Positions are those of the text (its opening quote), so each word is told once, with how many
  // times the text has it: the author fixes them all before running lint again.
  const advice = (text: string) => clean((q) => (q.guidance[4].text.en = text));
  const found = (problems: LintProblem[]) => problems.map((p) => [p.rule, p.message]);
  /** The wording checks' problems only (these made-up texts also read above grade 8). */
  const wordingOf = (text: string) => lintOf(text).filter((p) => p.rule === 'treatment' || p.rule === 'diagnosis');

  it('each word a term flags, not only the first: prednisolone, prednisone and steroids', () => {
    const text = advice('Take prednisolone or prednisone. Other steroids help too.');
    const problems = wordingOf(text);
    expect(found(problems), show(problems)).toEqual([
      ['treatment', 'the advice text of guidance "info_tired" names a treatment or clinic: "prednisolone" (steroids)'],
      ['treatment', 'the advice text of guidance "info_tired" names a treatment or clinic: "prednisone" (steroids)'],
      ['treatment', 'the advice text of guidance "info_tired" names a treatment or clinic: "steroids"'],
    ]);
    for (const p of problems) expect(p).toMatchObject({ file: FILE, path: '$.guidance[4].text.en', ...positionOf(text, '"Take prednisolone'), hint: expect.stringMatching(/describe medicines by what they do/) });
  });
  it('a word written several times, in any capitals: once, with how many times', () => {
    const problems = wordingOf(advice('Ibuprofen helps. Take ibuprofen twice a day, and more ibuprofen at night.'));
    expect(found(problems), show(problems)).toEqual([['treatment', 'the advice text of guidance "info_tired" names a treatment or clinic: "Ibuprofen" (a painkiller), 3 times']]);
  });
  it('a diagnosis said twice, and in two ways', () => {
    const problems = wordingOf(advice('You have lupus. As you have lupus, rest. This is lupus.'));
    expect(found(problems), show(problems)).toEqual([
      ['diagnosis', 'the advice text of guidance "info_tired" diagnoses: "You have lupus", 2 times'],
      ['diagnosis', 'the advice text of guidance "info_tired" diagnoses: "This is lupus"'],
    ]);
  });
  it('Hindi: the same medicine twice, and a clinic', () => {
    const problems = wordingOf(clean((q) => (q.guidance[3].text.hi = 'पैरासिटामोल लें। दर्द रहे तो फिर पैरासिटामोल लें, या हमारे क्लिनिक आएँ।')));
    expect(found(problems), show(problems)).toEqual([
      ['treatment', 'the advice text of guidance "routine_features" (hi) names a treatment or clinic: "क्लिनिक" (clinic)'],
      ['treatment', 'the advice text of guidance "routine_features" (hi) names a treatment or clinic: "पैरासिटामोल" (a painkiller), 2 times'],
    ]);
  });
  it(`lists at most ${MAX_WORDS_PER_TEXT} words a text, then says how many more there are`, () => {
    const therapies = ['physio', 'chemo', 'hydro', 'aroma', 'music', 'art', 'light', 'heat', 'cold', 'sound', 'colour', 'crystal'].map((w) => `${w}therapy`);
    const text = advice(`Try ${therapies.join(', ')}, or more crystaltherapy.`);
    const problems = wordingOf(text);
    expect(problems, show(problems)).toHaveLength(MAX_WORDS_PER_TEXT + 1);
    expect(problems.slice(0, MAX_WORDS_PER_TEXT).map((p) => p.message)).toEqual(therapies.slice(0, MAX_WORDS_PER_TEXT).map((w) => `the advice text of guidance "info_tired" names a treatment or clinic: "${w}" (therapy)`));
    // "colourtherapy" once and "crystaltherapy" twice are not listed.
    expect(problems.at(-1)).toEqual({
      file: FILE,
      ...positionOf(text, '"Try physiotherapy'),
      path: '$.guidance[4].text.en',
      message: 'and 2 more words in the advice text of guidance "info_tired", not listed',
      hint: 'fix the ones above and run lint again',
      severity: 'warning',
      rule: 'treatment',
    });
  });
});

describe('the language of a source title (source-lang)', () => {
  const langWarnings = (text: string) => lintOf(text).filter((p) => p.rule === 'source-lang');
  it('warns at each source without "lang", and only there', () => {
    const text = clean((q) => q.sources.push({ id: 'nhs_lupus', title: 'Lupus', publisher: 'NHS (nhs.uk)' }, { id: 'who', title: 'WHO', lang: 'en', publisher: 'WHO' }));
    const problems = lintOf(text).filter((p) => p.rule !== 'source'); // the two new sources are cited by nothing
    expect(problems.map((p) => [p.rule, p.path, p.message, p.hint]), show(problems)).toEqual([
      [
        'source-lang',
        '$.sources[1]',
        'source "nhs_lupus" ("Lupus") does not say which language its title is in: screen readers read the title in the voice of the screen\'s language, so on a screen in another of en, hi it is read with the wrong voice',
        'add "lang": "en"; if the title is not in English, use the code of the language it is written in',
      ],
    ]);
    expect(problems[0]).toMatchObject(positionOf(text, '{\n      "id": "nhs_lupus"'));
  });
  it('adding "lang" clears it, whatever the language', () => {
    expect(langWarnings(clean((q) => (q.sources[0].lang = 'en')))).toEqual([]);
    expect(langWarnings(clean((q) => ((q.sources[0].title = 'ल्यूपस'), (q.sources[0].lang = 'hi'))))).toEqual([]);
  });
  it('does not suggest "en" for a title in another script', () => {
    const problems = langWarnings(clean((q) => ((q.sources[0].title = 'ल्यूपस: लक्षण'), delete q.sources[0].lang)));
    expect(problems.map((p) => [p.path, p.hint]), show(problems)).toEqual([['$.sources[0]', 'add "lang" with the code of the language the title is written in']]);
    expect(problems[0]!.message).toMatch(/^source "src" \("ल्यूपस: लक्षण"\) does not say which language/);
  });
  it('suggests "en" for a plain-ASCII title with digits and punctuation', () => {
    const problems = langWarnings(clean((q) => ((q.sources[0].title = "2019 EULAR/ACR criteria (SLE): Raynaud's"), delete q.sources[0].lang)));
    expect(problems.map((p) => p.hint)).toEqual([expect.stringMatching(/^add "lang": "en"/)]);
  });
  it('quotes a long title cut short', () => {
    const title = 'A connective tissue disease screening questionnaire for population studies';
    const [problem] = langWarnings(clean((q) => ((q.sources[0].title = title), delete q.sources[0].lang)));
    expect(problem!.message).toContain(`("${title.slice(0, 57)}...")`);
  });
  it('leaves a one-language questionnaire alone', () => {
    const english = clean((q) => {
      delete q.sources[0].lang;
      q.languages = ['en'];
      // Drop the Hindi of every text, so the file stays valid with English alone.
      const strip = (v: any): void => {
        if (Array.isArray(v)) v.forEach(strip);
        else if (v && typeof v === 'object') {
          if (typeof v.en === 'string' && typeof v.hi === 'string') delete v.hi;
          Object.values(v).forEach(strip);
        }
      };
      strip(q);
    });
    const problems = lintOf(english);
    expect(problems, show(problems)).toEqual([]);
  });
});

describe('summary-only questions are data in the lint config', () => {
  it('warns about a question no rule reads when there is no config, naming the config file', () => {
    const problems = lintOf(clean(), null);
    expect(problems.map((p) => [p.rule, p.path])).toEqual([['unread-question', '$.sections[1].questions[4].id']]);
    expect(problems[0]!.hint).toContain('rules/small.lint.json');
  });
  it('reports a summary-only id that is not a question as an error in the config file, at the id', () => {
    const config = JSON.stringify({ summaryOnly: { sex: 'summary', sexx: 'typo' } }, null, 2);
    const problems = lintOf(clean(), config);
    expect(problems).toEqual([
      { file: CONFIG, ...positionOf(config, '"sexx"'), path: '$.summaryOnly.sexx', message: '"sexx" is not a question in small', hint: 'did you mean "sex"?', severity: 'error', rule: 'unread-question' },
    ]);
  });
  it('warns when a summary-only question is read by a rule after all', () => {
    const config = JSON.stringify({ summaryOnly: { sex: 'summary', rash: 'old reason' } }, null, 2);
    const problems = lintOf(clean(), config);
    expect(problems).toMatchObject([{ file: CONFIG, ...positionOf(config, '"rash"'), severity: 'warning', message: '"rash" is listed as summary-only, but a rule reads it' }]);
  });
  it('rejects a config with an unknown property, at the property', () => {
    const config = JSON.stringify({ sumaryOnly: { sex: 'summary' } }, null, 2);
    expect(lintOf(clean(), config)).toMatchObject([{ file: CONFIG, ...positionOf(config, '"sumaryOnly"'), severity: 'error', rule: 'config', message: expect.stringMatching(/unknown property "sumaryOnly"/) }]);
  });
  it('rejects a reason that is empty', () => {
    expect(lintOf(clean(), { summaryOnly: { sex: '' } })).toMatchObject([{ severity: 'error', path: '$.summaryOnly.sex', message: 'say why the question is kept' }]);
  });
  it('rejects a config that is not JSON, at the error', () => {
    expect(lintOf(clean(), '{"summaryOnly": {')).toMatchObject([{ file: CONFIG, line: 1, severity: 'error', message: expect.stringMatching(/JSON syntax error/) }]);
  });
  it('says where a syntax error in the config is and how to fix it, as the loader does', () => {
    const config = '{\n  "summaryOnly": {\n    "sex": "summary",\n  }\n}\n';
    expect(lintOf(clean(), config)).toEqual([
      { file: CONFIG, line: 3, column: 21, path: '$', message: 'JSON syntax error: a comma too many before "}"', hint: 'remove this comma: JSON has no comma after the last item', severity: 'error', rule: 'config' },
    ]);
  });
  it('rejects a property given twice in the config, at the second copy, as the loader does', () => {
    // JSON.parse would keep the last "summaryOnly" and drop the first's reasons without a word.
    const config = '{\n  "summaryOnly": { "sex": "summary" },\n  "summaryOnly": { "rash": "kept" }\n}\n';
    expect(lintOf(clean(), config)).toEqual([
      {
        file: CONFIG,
        ...positionOf(config, '"summaryOnly"', 1),
        path: '$.summaryOnly',
        message: '"summaryOnly" is given twice in the same object (first on line 2)',
        hint: 'remove one of the two: only the last one would count',
        severity: 'error',
        rule: 'config',
      },
    ]);
  });
  it('rejects a summary-only question given twice, at the second copy', () => {
    const config = '{\n  "summaryOnly": {\n    "sex": "summary",\n    "sex": ""\n  }\n}\n';
    expect(lintOf(clean(), config)).toMatchObject([{ file: CONFIG, ...positionOf(config, '"sex"', 1), path: '$.summaryOnly.sex', message: '"sex" is given twice in the same object (first on line 3)', severity: 'error' }]);
  });
  it('suggests the property a misspelt config key was meant to be', () => {
    const config = JSON.stringify({ sumaryOnly: { sex: 'summary' } }, null, 2);
    expect(lintOf(clean(), config)).toMatchObject([{ path: '$.sumaryOnly', hint: 'did you mean "summaryOnly"?' }]);
  });
});

describe('an invalid file', () => {
  it('gives the loader problems as errors and nothing else', () => {
    const text = clean((q) => {
      q.guidance[0].when = { answer: 'red_flags', includes: 'chest_pian' };
      q.guidance[4].text.en = 'You have lupus.';
    });
    const problems = lintOf(text);
    expect(problems).toMatchObject([{ severity: 'error', rule: 'invalid', path: '$.guidance[0].when.includes', message: '"red_flags" has no option "chest_pian"' }]);
    expect(lintSummary(problems)).toBe('1 problem (1 error, 0 warnings)');
  });
  it('a red-flag question never shown: that question first, with a fix, then the guidance it silences', () => {
    const text = clean((q) => {
      q.sections.reverse();
      q.sections[1].questions[0].showIf = { all: [{ answer: 'joint_pain', equals: 'yes' }, { answer: 'joint_pain', equals: 'no' }] };
    });
    const problems = lintOf(text);
    expect(problems.map((p) => `${p.path}  ${p.message}`)).toEqual([
      '$.sections[1].questions[0].showIf  "red_flags" is never shown: no answers make its showIf true',
      '$.guidance[0].when  guidance "emergency_chest" can never apply: no answers make its "when" true',
      '$.guidance[1].when  guidance "urgent_leg" can never apply: no answers make its "when" true',
    ]);
    expect(problems[0]!.hint).toMatch(/^its showIf asks that "joint_pain" is "yes" and "joint_pain" is "no", which no answers give: .*the 2 guidance entries that need its answer can never apply: "emergency_chest", "urgent_leg"$/);
  });
  it('lists missing translations as errors', () => {
    const problems = lintOf(clean((q) => delete q.guidance[2].text.hi));
    expect(problems).toMatchObject([{ severity: 'error', path: '$.guidance[2].text', message: 'the "hi" text is missing' }]);
  });
});

describe('printing', () => {
  it('prints file:line:col  severity  path  message  (hint)  [rule]', () => {
    const text = clean((q) => delete q.sources[0].publisher);
    const { line, column } = positionOf(text, '"A source"');
    expect(formatLintProblem(lintOf(text)[0]!)).toBe(
      `${FILE}:${line}:${column}  warning  $.sources[0].title  source "src" has only a title, so a reader cannot find it  (add a "url", a "publisher", or a "note" with the authors, journal and year)  [source]`,
    );
  });
  it('counts problems in the closing line', () => {
    const p = (severity: 'error' | 'warning'): LintProblem => ({ file: 'f', path: '$', message: 'm', severity, rule: 'r' });
    expect(lintSummary([p('error'), p('warning'), p('warning')])).toBe('3 problems (1 error, 2 warnings)');
    expect(lintSummary([p('warning')])).toBe('1 problem (0 errors, 1 warning)');
  });
});

describe('rules/lupus.json', () => {
  it('lints with no errors', () => {
    const text = readFileSync(new URL('../../rules/lupus.json', import.meta.url), 'utf8');
    const problems = lint({ text, file: 'rules/lupus.json' }).problems;
    expect(problems.filter((p) => p.severity === 'error'), show(problems)).toEqual([]);
  });
});
