/** Helpers for tests of what the loader reports, and where. */
import { loadQuestionnaire } from '../src/questionnaire/load';
import type { Problem } from '../src/questionnaire/problem';

/** The problems the loader finds in `text`; throws when it finds none. */
export function problemsOf(text: string): Problem[] {
  const result = loadQuestionnaire(text, 'rules/test.json');
  if (result.ok) throw new Error('expected problems, got a valid questionnaire');
  return result.problems;
}

/**
 * Line and column (1-based) where the `occurrence`th `needle` starts in `text`, found
 * independently of the tool under test; \r\n, \n and a lone \r each end a line.
 */
export function positionOf(text: string, needle: string, occurrence = 0) {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) offset = text.indexOf(needle, offset + 1);
  if (offset < 0) throw new Error(`"${needle}" is not in the text`);
  const lines = text.slice(0, offset).split(/\r\n|\n|\r/);
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}
