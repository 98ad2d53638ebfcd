import { readFileSync } from 'node:fs';
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
