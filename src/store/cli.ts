/**
 * `plumbline` — the package's command line (DESIGN §3, contract).
 * Exit codes: 0 success, 1 something diverges (reconcile), 2 error.
 */
import { runDemo } from './cli/demo-command';
import { runServe } from './cli/serve-command';
import { CliError } from './cli/cli-error';

const USAGE = `Usage: plumbline <command> [options]

Commands:
  serve  --port P --data DIR     run the store (DATABASE_URL replaces --data with PostgreSQL;
                                 PLUMBLINE_ADMIN_TOKEN sets the first admin's token)
  demo   [--port P] [--data DIR] a store with the demo organisation and its 2026 history;
                                 prints the URL and every user's token
  help                           this text
`;

type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  serve: runServe,
  demo: runDemo,
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`plumbline: unknown command "${name}".\n\n${USAGE}`);
    return 2;
  }
  try {
    return await command(args);
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`plumbline ${name}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
