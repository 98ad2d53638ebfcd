/**
 * Build-time step for the built-in questionnaire: validates rules/lupus.json (a broken file
 * fails the build, so the widget never ships Zod for it) and splits it per language, so a page
 * downloads only the language it shows, in two parts:
 * - `<lang>/first`: everything the first screens need: the whole structure (questions, options,
 *   conditions, levels; scores only if those conditions read one), the texts of the first
 *   section (the red flags) and the titles of same-day advice on it;
 * - `<lang>`: the complete questionnaire in that language, fetched once the first question is
 *   on screen, while the patient reads it.
 *
 *   import { builtinLanguages, loadBuiltinRules } from 'virtual:symptom-check/builtin-rules';
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { loadQuestionnaire } from './questionnaire/load';
import { formatProblem } from './questionnaire/problem';
import type { Questionnaire } from './questionnaire/schema';

const ENTRY = 'virtual:symptom-check/builtin-rules';
const PER_LANGUAGE = `${ENTRY}/`;

export function builtinRulesPlugin(rulesFile: string): Plugin {
  let questionnaire: Questionnaire | undefined;
  const load = (): Questionnaire => {
    if (questionnaire) return questionnaire;
    const result = loadQuestionnaire(readFileSync(rulesFile, 'utf8'), rulesFile);
    if (!result.ok) throw new Error(`the built-in rules are invalid:\n${result.problems.map(formatProblem).join('\n')}`);
    return (questionnaire = result.questionnaire);
  };
  return {
    name: 'symptom-check:builtin-rules',
    resolveId: (id) => (id === ENTRY || id.startsWith(PER_LANGUAGE) ? `\0${id}` : undefined),
    load(id) {
      if (!id.startsWith(`\0${ENTRY}`)) return undefined;
      this.addWatchFile(rulesFile);
      const q = load();
      if (id === `\0${ENTRY}`) {
        // The first language's first-screens part is imported statically: the browser fetches it
        // alongside the entry instead of after running it, which shortens start-up.
        const [first] = q.languages;
        const loaders = q.languages
          .map((lang) => {
            const firstPart = lang === first ? '() => firstScreensOfDefault' : `() => import(${JSON.stringify(`${PER_LANGUAGE}${lang}/first`)}).then((m) => m.default)`;
            return `${JSON.stringify(lang)}: [${firstPart}, () => import(${JSON.stringify(PER_LANGUAGE + lang)}).then((m) => m.default)]`;
          })
          .join(',\n  ');
        return `import firstScreensOfDefault from ${JSON.stringify(`${PER_LANGUAGE}${first}/first`)};
export const builtinLanguages = ${JSON.stringify(q.languages)};
const loaders = {\n  ${loaders}\n};
/** The first screens' part of the built-in questionnaire in \`lang\` (one of builtinLanguages): at once for the first language, else a promise. */
export function loadBuiltinFirst(lang) { return loaders[lang][0](); }
/** The complete built-in questionnaire in \`lang\`. */
export function loadBuiltinRules(lang) { return loaders[lang][1](); }`;
      }
      const [lang = '', part] = id.slice(`\0${PER_LANGUAGE}`.length).split('/');
      const projected = projectLanguage(q, lang);
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(part === 'first' ? firstScreens(projected) : projected))});`;
    },
  };
}

/**
 * The questionnaire with every text reduced to `lang`, and only what the widget reads of its
 * sources: the title, and the title's language for screen readers.
 */
export function projectLanguage(q: Questionnaire, lang: string): Questionnaire {
  const project = (value: unknown, key?: string): unknown => {
    if (Array.isArray(value)) return value.map((v) => project(v));
    if (value === null || typeof value !== 'object') return value;
    const entries = Object.entries(value);
    // A text object: every key is a declared language.
    if (key !== 'when' && key !== 'showIf' && entries.length > 0 && entries.every(([k, v]) => q.languages.includes(k) && typeof v === 'string')) {
      return { [lang]: (value as Record<string, string>)[lang] };
    }
    return Object.fromEntries(entries.filter(([k]) => k !== '$schema').map(([k, v]) => [k, project(v, k)]));
  };
  const projected = project(q) as Questionnaire;
  return { ...projected, languages: [lang], sources: q.sources.map(({ id, title, lang: titleLang }) => ({ id, title, ...(titleLang ? { lang: titleLang } : {}) })) };
}

/**
 * The part of a one-language questionnaire the first screens need: the questions' structure,
 * the scores their conditions read (if any), the emergency guidance (the questionnaire stops at
 * once when it applies), the same-day guidance on the first section's answers alone (with its
 * title), the title and intro, and the texts of the first section. Other texts are left empty
 * ({}); the widget swaps in the complete questionnaire before it shows any of them.
 */
export function firstScreens(q: Questionnaire): Questionnaire {
  const [lang] = q.languages;
  const isText = (value: unknown) => {
    const entries = value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value) : [];
    return entries.length === 1 && entries[0]![0] === lang && typeof entries[0]![1] === 'string';
  };
  // Required texts become {} (a question waits for them); optional ones (summary, help, unit…)
  // and sources go: nothing reads them before the complete questionnaire has come.
  const withoutTexts = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(withoutTexts);
    if (value === null || typeof value !== 'object') return value;
    const kept = Object.entries(value).filter(([k, v]) => k !== 'source' && k !== 'sources' && (!isText(v) || k === 'text' || k === 'title'));
    return Object.fromEntries(kept.map(([k, v]) => [k, isText(v) ? {} : withoutTexts(v)]));
  };
  const [first, ...rest] = q.sections;
  const emergencies = q.guidance.filter((g) => g.level === 'emergency');
  // Same-day advice on the first section's answers alone, with its title: the question screens
  // name it from the next screen on (UrgentSoFar), even if the rest of the texts never come.
  const firstIds = new Set(first!.questions.map((question) => question.id));
  const sameDay = q.guidance.filter((g) => g.level === 'urgent' && !readsScore(g.when) && answersRead(g.when).every((id) => firstIds.has(id)));
  // Scores only if a condition kept here reads one (a showIf, an emergency's `when`): the first
  // screens never show a score, and the result, which does, waits for the complete questionnaire.
  const conditions = [...q.sections.flatMap((s) => s.questions.map((question) => question.showIf)), ...emergencies.map((g) => g.when)];
  const { scores, ...withoutScores } = q;
  return {
    ...withoutScores,
    sections: [first!, ...(withoutTexts(rest) as Questionnaire['sections'])],
    guidance: [...(withoutTexts(emergencies) as Questionnaire['guidance']), ...sameDay.map((g) => ({ ...(withoutTexts(g) as Questionnaire['guidance'][number]), title: g.title }))],
    ...(scores && conditions.some(readsScore) ? { scores: withoutTexts(scores) as Questionnaire['scores'] } : {}),
    sources: [],
  };
}

/** The ids of the questions a condition reads directly (not through a score). */
function answersRead(condition: unknown): string[] {
  if (condition === null || typeof condition !== 'object') return [];
  if (Array.isArray(condition)) return condition.flatMap(answersRead);
  const { answer } = condition as { answer?: unknown };
  return [...(typeof answer === 'string' ? [answer] : []), ...Object.values(condition).flatMap(answersRead)];
}

/** Whether a condition (or any condition inside it) compares a score. */
function readsScore(condition: unknown): boolean {
  if (condition === null || typeof condition !== 'object') return false;
  if (Array.isArray(condition)) return condition.some(readsScore);
  return 'score' in condition || Object.values(condition).some(readsScore);
}

