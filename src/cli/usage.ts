/** What `symptom-check --help` and `symptom-check COMMAND --help` print. */

/** Each command's synopsis and what it does, a line of the overall usage each. */
const COMMANDS = {
  validate: { synopsis: 'validate FILE...', about: ['check questionnaire files; prints file:line:col  path  message  (hint)'] },
  lint: {
    synopsis: 'lint FILE... [--strict] [--config LINTFILE]',
    about: [
      'validate, then warn about unread questions, diagnosing or treatment',
      'words, texts above reading grade 8 and untraceable sources',
      '(config default: FILE with .lint.json; --strict: warnings fail too)',
    ],
  },
  evaluate: { synopsis: 'evaluate RULES ANSWERS [--lang L]', about: ['print the guidance for an answers file as JSON'] },
  test: {
    synopsis: 'test RULES [CASES] [--coverage]',
    about: ['run rule test cases (default: RULES with .cases.json); --coverage', 'lists guidance, conditions and options no case reached'],
  },
  fhir: { synopsis: 'fhir RULES [--lang L]', about: ['print the questionnaire as a FHIR R4 Questionnaire (JSON)'] },
  schema: { synopsis: 'schema', about: ['print the questionnaire JSON Schema'] },
} as const;

export type Command = keyof typeof COMMANDS;

const EXIT_CODES = 'Exit codes: 0 ok, 1 problems found or tests failed, 2 bad usage or bad input.';
const SYNOPSIS_WIDTH = 33;

/** The synopsis, then what it does in a column of its own (below it when the synopsis is too long). */
function listing({ synopsis, about }: (typeof COMMANDS)[Command]): string {
  const indent = ' '.repeat(SYNOPSIS_WIDTH + 3);
  const lines = synopsis.length <= SYNOPSIS_WIDTH ? [`  ${synopsis.padEnd(SYNOPSIS_WIDTH)} ${about[0]}`, ...about.slice(1).map((l) => indent + l)] : [`  ${synopsis}`, ...about.map((l) => indent + l)];
  return lines.join('\n');
}

export const USAGE = `Usage: symptom-check <command>

${Object.values(COMMANDS).map(listing).join('\n')}

${EXIT_CODES}`;

/** The command names, for "did you mean". */
export const commandNames = Object.keys(COMMANDS) as Command[];

export function isCommand(name: string | undefined): name is Command {
  return name !== undefined && Object.hasOwn(COMMANDS, name);
}

/** One command's usage, for `symptom-check COMMAND --help`. */
export function commandUsage(command: Command): string {
  const { synopsis, about } = COMMANDS[command];
  return `Usage: symptom-check ${synopsis}

${about.join('\n')}

${EXIT_CODES}`;
}

/** Whether the arguments ask for help (`--help` or `-h` anywhere among them). */
export function asksForHelp(args: readonly string[]): boolean {
  return args.includes('--help') || args.includes('-h');
}
