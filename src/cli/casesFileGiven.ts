/**
 * A rule test cases file given where a questionnaire belongs (`validate rules/lupus.cases.json`):
 * checked as a questionnaire it gets ten schema errors that hide the real mistake, so it gets
 * one problem saying which command runs it.
 */
import { dirname, isAbsolute, join } from 'node:path';
import { readJsonFile } from '../questionnaire/jsonFile';
import type { Problem } from '../questionnaire/problem';

/**
 * The problem to print instead of the questionnaire's, if `text` is a cases file: an object with
 * `cases` and no `sections` (a questionnaire with a stray `cases` keeps its own problems).
 */
export function casesFileGiven(text: string, file: string): Problem | undefined {
  const read = readJsonFile(text, file, '');
  if (!read.ok) return undefined;
  const { value, map } = read;
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !('cases' in value) || 'sections' in value) return undefined;
  // Its `rules` is relative to the cases file; the command is run from here.
  const rules = 'rules' in value && typeof value.rules === 'string' && value.rules !== '' ? (isAbsolute(value.rules) ? value.rules : join(dirname(file), value.rules)) : 'RULES';
  return {
    file,
    ...map.positionOfPath(['cases'], { key: true }),
    path: '$.cases',
    message: 'this is a rule test cases file, not a questionnaire',
    hint: `to run its cases against the questionnaire: symptom-check test ${rules} ${file}`,
  };
}
