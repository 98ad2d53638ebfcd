import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { questionnaireJsonSchema } from '../../src/questionnaire/schema';

describe('rules/schema.json', () => {
  it('is what the Zod schema generates (run `npm run schema` after changing src/questionnaire/schema.ts)', () => {
    const checkedIn = JSON.parse(readFileSync(new URL('../../rules/schema.json', import.meta.url), 'utf8'));
    expect(checkedIn).toEqual(questionnaireJsonSchema());
  });
  it('gives editors hover help for fields', () => {
    const schema = questionnaireJsonSchema() as any;
    expect(schema.properties.emergencyNumber.description).toMatch(/emergencies/);
    expect(schema.$defs.Condition.description).toMatch(/condition/);
  });
});
