import type { Problem } from './problem';

/** `file:line:col  path  message  (hint)`: one line a problem, the CLI's and the playground's format. */
export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}:${p.column ?? 1}` : p.file;
  return `${where}  ${p.path}  ${p.message}${p.hint ? `  (${p.hint})` : ''}`;
}
