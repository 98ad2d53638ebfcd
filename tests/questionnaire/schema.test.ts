import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { loadQuestionnaire } from '../../src/questionnaire/load';
import { questionnaireJsonSchema } from '../../src/questionnaire/schema';
import { smallQuestionnaire } from '../fixtures';

describe('rules/schema.json', () => {
  it('is what the Zod schema generates (run `npm run schema` after changing src/questionnaire/schema.ts)', () => {
    const checkedIn = JSON.parse(readFileSync(new URL('../../rules/schema.json', import.meta.url), 'utf8'));
    expect(checkedIn).toEqual(questionnaireJsonSchema());
  });
  it('gives editors hover help for fields', () => {
    const schema = questionnaireJsonSchema() as any;
    expect(schema.properties.emergencyNumber.description).toMatch(/emergencies/);
    expect(schema.$defs.Condition.description).toMatch(/condition/);
    expect(schema.properties.sources.items.properties.lang.description).toMatch(/language the title is written in.*screen readers/);
  });
  it('says what each kind of id names, and only a question id is an answers key', () => {
    const schema = questionnaireJsonSchema() as any;
    const question = (type: string) => schema.properties.sections.items.properties.questions.items.oneOf.find((q: any) => q.properties.type.const === type);
    const ids: Record<string, any> = {
      questionnaire: schema.properties.id,
      source: schema.properties.sources.items.properties.id,
      section: schema.properties.sections.items.properties.id,
      question: question('yesno').properties.id,
      option: question('single').properties.options.items.properties.id,
      score: schema.properties.scores.items.properties.id,
      guidance: schema.properties.guidance.items.properties.id,
    };
    const descriptions = Object.values(ids).map((id) => id.description as string);
    expect(new Set(descriptions).size).toBe(descriptions.length);
    for (const [kind, id] of Object.entries(ids)) {
      expect(id.pattern).toBe('^[a-z][a-z0-9_]*$');
      expect(id.description).toMatch(/snake_case/);
      if (kind === 'question') expect(id.description).toMatch(/answers object/);
      else expect(id.description).not.toMatch(/answers object/);
    }
    expect(ids.option.description).toMatch(/"includes"/);
    expect(ids.source.description).toMatch(/"sources"/);
    expect(ids.score.description).toMatch(/"score"/);
  });
  it('describes the lists, a question\'s type, options and range, and every field of a source', () => {
    const schema = questionnaireJsonSchema() as any;
    const p = schema.properties;
    const questions = p.sections.items.properties.questions;
    const described = [
      p.sources, p.sources.items, p.sections, p.sections.items, p.guidance, p.guidance.items, p.scores, questions,
      ...questions.items.oneOf.map((q: any) => q.properties.type),
      ...questions.items.oneOf.flatMap((q: any) => ['options', 'min', 'max'].filter((f) => f in q.properties).map((f) => q.properties[f])),
      ...['title', 'publisher', 'url', 'note'].map((f) => p.sources.items.properties[f]),
    ];
    for (const field of described) expect(field.description).toMatch(/\w/);
    // Lint, not the validator, asks for a publisher, url or note, so the schema only says so.
    expect(p.sources.items.description).toMatch(/publisher, url or note/);
    expect(p.sources.items.anyOf).toBeUndefined();
  });
});

describe('rules/schema.json in an editor (checked with Ajv, as editors check JSON)', () => {
  const validate = new Ajv2020({ strict: false, allErrors: true }).compile(JSON.parse(readFileSync(new URL('../../rules/schema.json', import.meta.url), 'utf8')));
  const withGuidanceWhen = (when: unknown) => {
    const q = smallQuestionnaire() as unknown as { guidance: { when: unknown }[] };
    q.guidance[2]!.when = when;
    return q;
  };
  it('accepts the built-in rules and a range test with a bound', () => {
    expect(validate(JSON.parse(readFileSync(new URL('../../rules/lupus.json', import.meta.url), 'utf8')))).toBe(true);
    expect(validate(withGuidanceWhen({ answer: 'joint_weeks', atLeast: 6 }))).toBe(true);
    expect(validate(withGuidanceWhen({ score: 'features', atMost: 1 }))).toBe(true);
  });
  it.each([
    ['an answer test with no comparison', { answer: 'joint_weeks' }],
    ['a score test with no bound', { score: 'features' }],
  ])('flags %s, as the validator does', (_name, when) => {
    expect(validate(withGuidanceWhen(when))).toBe(false);
    expect(loadQuestionnaire(JSON.stringify(withGuidanceWhen(when)), 'x.json').ok).toBe(false);
  });
  it('flags a text of spaces only', () => {
    const q = smallQuestionnaire() as unknown as { guidance: { text: Record<string, string> }[] };
    q.guidance[0]!.text.en = '  ';
    expect(validate(q)).toBe(false);
  });
});

describe('the emergency number', () => {
  it.each(['112', '+44999', '911'])('takes %s', (number) => {
    expect(loadQuestionnaire(JSON.stringify({ ...smallQuestionnaire(), emergencyNumber: number })).ok).toBe(true);
  });
  // "*" and "#" make phone codes: **21*number# forwards the patient's calls elsewhere.
  it.each(['**21*5551234#', '112#', '1+12'])('refuses %s', (number) => {
    const result = loadQuestionnaire(JSON.stringify({ ...smallQuestionnaire(), emergencyNumber: number }), 'x.json');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ path: '$.emergencyNumber', message: expect.stringMatching(/digits only/) });
  });
});
