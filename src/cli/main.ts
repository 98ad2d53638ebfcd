/**
 * The symptom-check command for rule authors. `main` takes its I/O as arguments so tests can
 * run it in-process; bin/symptom-check.js wires it to the real process.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AnswersError } from '../engine/answers';
import { evaluate } from '../engine/evaluate';
import { loadQuestionnaire } from '../questionnaire/load';
import { formatPath, formatProblem } from '../questionnaire/problem';
import { questionnaireJsonSchema, type Questionnaire } from '../questionnaire/schema';
import { runCases } from '../cases/run';
import { CasesFile } from '../cases/schema';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): string;
}

const nodeIO: CliIO = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  readFile: (path) => readFileSync(path, 'utf8'),
};

const USAGE = `Usage: symptom-check <command>

  validate FILE...                  check questionnaire files; prints file:line:col  path  message  (hint)
  evaluate RULES ANSWERS [--lang L] print the guidance for an answers file as JSON
  test RULES [CASES]                run rule test cases (default: RULES with .cases.json)
  schema                            print the questionnaire JSON Schema

Exit codes: 0 ok, 1 problems found or tests failed, 2 bad usage or bad input.`;

class UsageError extends Error {}

export async function main(argv: string[], io: CliIO = nodeIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'validate':
        return validate(rest, io);
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
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
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
    throw new InputError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function validate(files: string[], io: CliIO): number {
  if (files.length === 0) throw new UsageError('validate needs at least one file');
  let failed = false;
  for (const file of files) {
    const result = loadQuestionnaire(read(file, io), file);
    if (result.ok) io.out(`${file}: ok (${result.questionnaire.id} ${result.questionnaire.version})`);
    else {
      failed = true;
      result.problems.forEach((p) => io.out(formatProblem(p)));
    }
  }
  return failed ? 1 : 0;
}

/** A questionnaire for the commands that need one valid: problems are printed and end the run. */
function requireQuestionnaire(file: string, io: CliIO): Questionnaire {
  const result = loadQuestionnaire(read(file, io), file);
  if (result.ok) return result.questionnaire;
  result.problems.forEach((p) => io.err(formatProblem(p)));
  throw new InputError(`${file} is not a valid questionnaire (run: symptom-check validate ${file})`);
}

function readJson(file: string, io: CliIO): unknown {
  try {
    return JSON.parse(read(file, io));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
}

function evaluateCommand(args: string[], io: CliIO): number {
  const { positional, lang } = parseFlags(args);
  const [rulesFile, answersFile] = positional;
  if (!rulesFile || !answersFile || positional.length > 2) throw new UsageError('evaluate needs RULES and ANSWERS files');
  const questionnaire = requireQuestionnaire(rulesFile, io);
  const answers = readJson(answersFile, io);
  try {
    const result = evaluate(questionnaire, answers as Record<string, never>, { lang });
    const guidance = result.guidance.map(({ id, level, title, text, because }) => ({ id, level, title, text, because }));
    io.out(JSON.stringify({ guidance }, null, 2));
    return 0;
  } catch (error) {
    if (error instanceof AnswersError) {
      error.problems.forEach((p) => io.err(`${answersFile}: ${p.question}: ${p.message}`));
      throw new InputError(`${answersFile} has answers ${questionnaire.id} cannot take`);
    }
    throw error;
  }
}

function testCommand(args: string[], io: CliIO): number {
  const { positional } = parseFlags(args);
  const [rulesFile, givenCases] = positional;
  if (!rulesFile || positional.length > 2) throw new UsageError('test needs RULES and optionally CASES');
  const casesFile = givenCases ?? rulesFile.replace(/\.json$/, '') + '.cases.json';
  const questionnaire = requireQuestionnaire(rulesFile, io);
  const parsed = CasesFile.safeParse(readJson(casesFile, io));
  if (!parsed.success) {
    parsed.error.issues.forEach((issue) => io.err(`${casesFile}  ${formatPath(issue.path)}  ${issue.message}`));
    throw new InputError(`${casesFile} is not a valid cases file`);
  }
  if (parsed.data.rules && givenCases && resolve(dirname(casesFile), parsed.data.rules) !== resolve(rulesFile)) {
    io.err(`note: ${casesFile} says it tests ${parsed.data.rules}; running it against ${rulesFile}`);
  }
  const results = runCases(questionnaire, parsed.data.cases);
  for (const r of results) {
    if (r.passed) continue;
    io.out(`FAIL ${r.name}`);
    r.failures.forEach((f) => io.out(`  ${f}`));
  }
  const failed = results.filter((r) => !r.passed).length;
  io.out(`${results.length - failed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

function parseFlags(args: string[]): { positional: string[]; lang: string } {
  const positional: string[] = [];
  let lang = 'en';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--lang') {
      const value = args[++i];
      if (!value) throw new UsageError('--lang needs a language code, e.g. --lang hi');
      lang = value;
    } else if (arg.startsWith('--lang=')) lang = arg.slice('--lang='.length);
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else positional.push(arg);
  }
  return { positional, lang };
}
