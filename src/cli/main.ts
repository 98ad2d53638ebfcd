/**
 * The symptom-check command for rule authors. `main` takes its I/O as arguments so tests can
 * run it in-process; bin/symptom-check.js wires it to the real process, and so does this module
 * when node runs it directly (see entry.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { evaluate } from '../engine/evaluate';
import { loadQuestionnaire } from '../questionnaire/load';
import { didYouMean, formatProblem } from '../questionnaire/problem';
import { questionnaireJsonSchema, type Questionnaire } from '../questionnaire/schema';
import { coverage, formatCoverage } from '../cases/coverage';
import { checkAnswersText, formatCaseProblem, formatCasesRun, runCasesText } from '../cases/load';
import { toFhirQuestionnaire } from '../fhir/questionnaire';
import { defaultConfigPath } from '../lint/config';
import { lint } from '../lint/lint';
import { formatLintProblem, lintSummary, type LintProblem } from '../lint/problem';
import { casesFileGiven } from './casesFileGiven';
import { isProcessEntry, runAsProcess } from './entry';
import { asksForHelp, commandNames, commandUsage, isCommand, USAGE } from './usage';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): string;
  /** Whether a file exists (for optional files such as the lint config); defaults to trying to read it. */
  exists?(path: string): boolean;
}

const nodeIO: CliIO = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  readFile: (path) => readFileSync(path, 'utf8'),
  exists: (path) => existsSync(path),
};

/** For bin/symptom-check.js, which imports this module (from src/ or dist/) and runs it. */
export { runAsProcess };

class UsageError extends Error {}

export async function main(argv: string[], io: CliIO = nodeIO): Promise<number> {
  const [command, ...rest] = argv;
  if (isCommand(command) && asksForHelp(rest)) {
    io.out(commandUsage(command));
    return 0;
  }
  try {
    switch (command) {
      case 'validate':
        return validate(rest, io);
      case 'lint':
        return lintCommand(rest, io);
      case 'fhir':
        return fhirCommand(rest, io);
      case 'evaluate':
        return evaluateCommand(rest, io);
      case 'test':
        return testCommand(rest, io);
      case 'schema':
        io.out(JSON.stringify(questionnaireJsonSchema(), null, 2));
        return 0;
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        // `help validate` is `validate --help`.
        io.out(command === 'help' && isCommand(rest[0]) ? commandUsage(rest[0]) : USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"${suggestion(didYouMean(command, commandNames))}`);
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof InputError) {
      io.err(`symptom-check: ${error.message}`);
      if (error instanceof UsageError) io.err(USAGE);
      return 2;
    }
    throw error;
  }
}

class InputError extends Error {}

function read(path: string, io: CliIO): string {
  try {
    return io.readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`file not found: ${path}`);
    if (code === 'EISDIR') throw new InputError(`${path} is a folder, not a file`);
    throw new InputError(`cannot read ${path}: ${code ?? (error as Error).message}`);
  }
}

function validate(args: string[], io: CliIO): number {
  const files = parseArgs(args, {}).positional;
  if (files.length === 0) throw new UsageError('validate needs at least one file');
  let failed = false;
  for (const file of files) {
    const text = read(file, io);
    const result = loadQuestionnaire(text, file);
    if (result.ok) io.out(`${file}: ok (${result.questionnaire.id} ${result.questionnaire.version})`);
    else {
      failed = true;
      // A cases file gets one line naming the command that runs it, not the schema's complaints.
      const casesFile = casesFileGiven(text, file);
      (casesFile ? [casesFile] : result.problems).forEach((p) => io.out(formatProblem(p)));
    }
  }
  return failed ? 1 : 0;
}

/** A questionnaire for the commands that need one valid: problems are printed and end the run. */
function requireQuestionnaire(file: string, io: CliIO): Questionnaire {
  const text = read(file, io);
  const result = loadQuestionnaire(text, file);
  if (result.ok) return result.questionnaire;
  const casesFile = casesFileGiven(text, file);
  if (casesFile) {
    // Its line says which command runs it: "run validate" would only repeat that line.
    io.err(formatProblem(casesFile));
    throw new InputError(`${file} is a cases file, not a questionnaire`);
  }
  result.problems.forEach((p) => io.err(formatProblem(p)));
  throw new InputError(`${file} is not a valid questionnaire (run: symptom-check validate ${file})`);
}

/**
 * The questionnaire's language for `--lang` (its first when not given): a regional tag ("hi-IN")
 * is worded in its base language ("hi"), as in the widget; a language the file does not have is refused.
 */
function languageOf(questionnaire: Questionnaire, rulesFile: string, given: string | undefined): string {
  if (given === undefined) return questionnaire.languages[0]!;
  const code = [given, given.split('-')[0]!].find((c) => questionnaire.languages.includes(c));
  if (code === undefined) throw new InputError(`${rulesFile} has no "${given}" texts; its languages are ${questionnaire.languages.join(', ')}`);
  return code;
}

function evaluateCommand(args: string[], io: CliIO): number {
  const { positional, values } = parseArgs(args, { values: ['--lang'] });
  const [rulesFile, answersFile] = positional;
  if (!rulesFile || !answersFile || positional.length > 2) throw new UsageError('evaluate needs RULES and ANSWERS files');
  const questionnaire = requireQuestionnaire(rulesFile, io);
  const lang = languageOf(questionnaire, rulesFile, values.get('--lang'));
  // Checked as a case's answers are: each problem at its place, and an answer to a follow-up
  // these answers do not ask is a warning (the engine ignores it), as `test` says of a case.
  const checked = checkAnswersText(questionnaire, read(answersFile, io), answersFile);
  if (!checked.ok) {
    checked.problems.forEach((p) => io.err(formatProblem(p)));
    throw new InputError(`${answersFile} could not be read as answers (see above)`);
  }
  checked.problems.forEach((p) => io.err(formatCaseProblem(p)));
  if (checked.problems.some((p) => p.severity === 'error')) throw new InputError(`${answersFile} has answers ${questionnaire.id} cannot take`);
  const result = evaluate(questionnaire, checked.answers, { lang });
  const guidance = result.guidance.map(({ id, level, title, text, because }) => ({ id, level, title, text, because }));
  io.out(JSON.stringify({ guidance }, null, 2));
  return 0;
}

function testCommand(args: string[], io: CliIO): number {
  const { positional, flags } = parseArgs(args, { flags: ['--coverage'] });
  const [rulesFile, givenCases] = positional;
  if (!rulesFile || positional.length > 2) throw new UsageError('test needs RULES and optionally CASES');
  const casesFile = givenCases ?? rulesFile.replace(/\.json$/, '') + '.cases.json';
  const questionnaire = requireQuestionnaire(rulesFile, io);
  const run = runCasesText(questionnaire, read(casesFile, io), casesFile);
  if (!run.ok) {
    run.problems.forEach((p) => io.err(formatProblem(p)));
    throw new InputError(`${casesFile} is not a valid cases file`);
  }
  const { rules, cases } = run.file;
  if (rules && givenCases && resolve(dirname(casesFile), rules) !== resolve(rulesFile)) {
    io.err(`note: ${casesFile} says it tests ${rules}; running it against ${rulesFile}`);
  }
  const { lines, summary } = formatCasesRun(run.reports);
  lines.forEach((line) => io.out(line));
  if (flags.has('--coverage')) formatCoverage(coverage(questionnaire, cases)).forEach((line) => io.out(line));
  io.out(summary);
  return run.reports.some((r) => !r.passed) ? 1 : 0;
}

function lintCommand(args: string[], io: CliIO): number {
  const { positional: files, flags, values } = parseArgs(args, { flags: ['--strict'], values: ['--config'] });
  if (files.length === 0) throw new UsageError('lint needs at least one file');
  const given = values.get('--config');
  if (given && files.length > 1) throw new UsageError('--config applies to one file: lint the files one at a time');
  const problems: LintProblem[] = [];
  for (const file of files) {
    const text = read(file, io);
    // A cases file: the one line naming the command that runs it, as validate gives.
    const casesFile = casesFileGiven(text, file);
    if (casesFile) {
      problems.push({ ...casesFile, severity: 'error', rule: 'invalid' });
      continue;
    }
    const configFile = given ?? defaultConfigPath(file);
    const hasConfig = given !== undefined || (io.exists ? io.exists(configFile) : canRead(configFile, io));
    problems.push(...lint({ text, file, configFile, ...(hasConfig ? { config: { text: read(configFile, io), file: configFile } } : {}) }).problems);
  }
  problems.forEach((p) => io.out(formatLintProblem(p)));
  io.out(lintSummary(problems));
  const errors = problems.some((p) => p.severity === 'error');
  return errors || (flags.has('--strict') && problems.length > 0) ? 1 : 0;
}

function canRead(path: string, io: CliIO): boolean {
  try {
    io.readFile(path);
    return true;
  } catch {
    return false;
  }
}

function fhirCommand(args: string[], io: CliIO): number {
  const { positional, values } = parseArgs(args, { values: ['--lang'] });
  const [rulesFile] = positional;
  if (!rulesFile || positional.length > 1) throw new UsageError('fhir needs one RULES file');
  const questionnaire = requireQuestionnaire(rulesFile, io);
  const lang = languageOf(questionnaire, rulesFile, values.get('--lang'));
  io.out(JSON.stringify(toFhirQuestionnaire(questionnaire, lang), null, 2));
  return 0;
}

interface ArgSpec {
  /** Options that stand alone, e.g. --strict. */
  flags?: string[];
  /** Options that take a value: `--lang hi` or `--lang=hi`. */
  values?: string[];
}

function parseArgs(args: string[], spec: ArgSpec): { positional: string[]; flags: Set<string>; values: Map<string, string> } {
  const positional: string[] = [];
  const flags = new Set<string>();
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (spec.values?.includes(name)) {
      const value = inline ?? args[++i];
      if (!value) throw new UsageError(`${name} needs a value${name === '--lang' ? ', e.g. --lang hi' : ''}`);
      values.set(name, value);
    } else if (spec.flags?.includes(arg)) flags.add(arg);
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}${suggestion(didYouMean(name, [...(spec.flags ?? []), ...(spec.values ?? [])]))}`);
    else positional.push(arg);
  }
  return { positional, flags, values };
}

/** " (did you mean …?)" after a usage error, when a near name exists. */
function suggestion(hint: string | undefined): string {
  return hint ? ` (${hint})` : '';
}

// `npx tsx src/cli/main.ts …` or `node dist/cli/main.js …`: without this the command would do
// nothing and exit 0, and a broken file would look as if it passed.
if (isProcessEntry(import.meta.url)) void runAsProcess(main);
