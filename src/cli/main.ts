/**
 * `plumbline` — the package's command line (DESIGN §3, contract).
 * Exit codes: 0 success, 1 something diverges (reconcile), 2 error.
 */
import { CliError } from './cli-error';
import { LINK_USAGE } from './link-usage';

const USAGE = `Usage: plumbline <command> [options]

Commands:
  serve  --port P --data DIR     run the store (DATABASE_URL replaces --data with PostgreSQL;
                                 PLUMBLINE_ADMIN_TOKEN sets the first admin's token;
                                 PLUMBLINE_PUBLIC_URL its https address, for /manifest.xml)
  demo   [--port P] [--data DIR] a store with the demo organisation and its history up to the
                                 last complete month (PLUMBLINE_DEMO_TODAY=YYYY-MM-DD pins the day);
                                 prints the URL, every user's token, its sample workbooks and how
                                 to sideload the add-in
  link   FILE.xlsx …             write a link into a saved workbook and register it with the store:
         ${LINK_USAGE.replace('plumbline link FILE.xlsx ', '')}
  reconcile FILE.xlsx --server URL --token T [--json]
                                 each linked cell's verdict against the store; exit 0 when nothing
                                 diverges, 1 when something does, 2 on error; never writes the file
  manifest --url URL [--out FILE]
                                 the Excel add-in's manifest for a store's public https URL
                                 (default PLUMBLINE_PUBLIC_URL), to stdout or FILE
  token  revoke|rotate --user ID  revoke a user's token (it stops working at once) or rotate it
                                 (a new one, printed once); needs an admin's --token
  backup --data DIR --out FILE   a consistent copy of a live SQLite store (for PostgreSQL: pg_dump)
  restore FILE --data DIR        a backup into a new data folder, for serve --data DIR
  help                           this text

serve and demo take --https: localhost's development certificate (office-addin-dev-certs, as
npm start does), or http with the reason when it cannot be installed.
--server/--token default to PLUMBLINE_SERVER/PLUMBLINE_TOKEN.
`;

type Command = (args: string[]) => Promise<number>;

/**
 * Each command is loaded when it runs: the store's (fastify, the databases,
 * exceljs) take half a second to load, which `link` and `reconcile` need not pay.
 */
const COMMANDS: Record<string, Command> = {
  serve: async (args) => (await import('./serve-command')).runServe(args),
  demo: async (args) => (await import('./demo-command')).runDemo(args),
  link: async (args) => (await import('./link-command')).runLink(args),
  reconcile: async (args) => (await import('./reconcile-command')).runReconcile(args),
  manifest: async (args) => (await import('./manifest-command')).runManifest(args),
  token: async (args) => (await import('./token-command')).runToken(args),
  backup: async (args) => (await import('./backup-command')).runBackup(args),
  restore: async (args) => (await import('./backup-command')).runRestore(args),
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
