/** Rule test cases ("vignettes"): answers and the guidance a rule author expects from them. */
import { z } from 'zod';
import { Id, Level } from '../questionnaire/schema';

export const Case = z.strictObject({
  name: z.string().min(1).meta({ description: 'Who this is, in a few words: "young woman, rash and sore joints".' }),
  answers: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])),
  expect: z.strictObject({
    guidance: z.array(Id).meta({ description: 'Exactly the guidance ids that must apply (order does not matter).' }),
    topLevel: Level.optional().meta({ description: 'The most urgent level among them.' }),
  }),
});
export type Case = z.infer<typeof Case>;

export const CasesFile = z.strictObject({
  $schema: z.string().optional(),
  rules: z.string().optional().meta({ description: 'The questionnaire these cases test, relative to this file.' }),
  cases: z.array(Case).min(1),
});
export type CasesFile = z.infer<typeof CasesFile>;
