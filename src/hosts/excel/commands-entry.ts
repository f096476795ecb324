/**
 * The ribbon's function commands (manifest.xml: `ExecuteFunction` `reconcile` and
 * `summary`), loaded by `commands.html` in a runtime of their own, so they work
 * with the pane closed. They use the pane's sign-in: the same per-user storage,
 * partitioned the same way, and the same workflows as the pane's panels.
 */
import { createStoreClient, type StoreClient } from '../../client/store-client';
import type { Verdict } from '../../core/verdict';
import { userMessage } from '../../taskpane/errors/user-message';
import type { KeyValueStorage } from '../../taskpane/platform';
import { reconcileAndFlag } from '../../taskpane/reconcile/reconcile-actions';
import { VERDICT_LABEL, VERDICT_ORDER } from '../../taskpane/reconcile/verdict-text';
import { loadSession, type Session } from '../../taskpane/sign-in/session';
import { SUMMARY_SHEET, writeSummarySheet } from '../../taskpane/summary/summary-actions';
import { createExcelHost } from './excel-host';
import type { ExcelGlobal, ExcelRun } from './excel-types';
import { showNotice, type Notice, type OfficeDialogApi } from './office-dialog';
import { partitionedStorage, type OfficeContextSubset } from './office-platform';

export interface CommandDeps {
  run: ExcelRun;
  /** The pane's per-user storage, where its sign-in lives. */
  storage: KeyValueStorage;
  connect(storeUrl: string, token: string): StoreClient;
  /** Tells the user something and resolves once they have read it. */
  notify(notice: Notice): Promise<void>;
}

/** The `FunctionName`s of manifest.xml. */
export const COMMAND_NAMES = ['reconcile', 'summary'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

const LABEL: Record<CommandName, string> = { reconcile: 'Reconcile', summary: 'Summary' };

/** Each command's work; it returns what to tell the user, or null when the workbook shows it. */
const WORK: Record<CommandName, (deps: CommandDeps, client: StoreClient) => Promise<Notice | null>> = {
  async reconcile(deps, client) {
    const kpis = await client.kpis();
    const result = await reconcileAndFlag(createExcelHost(deps.run), client, kpis, () => undefined);
    return reconcileNotice(
      result.links,
      result.cells.map((c) => c.verdict),
    );
  },
  async summary(deps, client) {
    await writeSummarySheet(createExcelHost(deps.run), await client.summary());
    // The sheet itself is the answer: show it.
    await deps.run(async (context) => {
      context.workbook.worksheets.getItem(SUMMARY_SHEET).activate();
      await context.sync();
    });
    return null;
  },
};

/** Runs a command for the signed-in user; every outcome but a silent success becomes a notice. */
export async function runCommand(name: CommandName, deps: CommandDeps): Promise<void> {
  const session: Session | null = loadSession(deps.storage);
  if (!session) {
    await deps.notify({
      title: 'Sign in to Plumbline first',
      body: `${LABEL[name]} works with your Plumbline sign-in, and there is none in this Excel yet.`,
      action: `Click Plumbline on the Home tab, sign in with your store's address and your token, then click ${LABEL[name]} again.`,
    });
    return;
  }
  let notice: Notice | null;
  try {
    notice = await WORK[name](deps, deps.connect(session.storeUrl, session.token));
  } catch (error) {
    notice = problemNotice(error);
  }
  if (notice) await deps.notify(notice);
}

/** The pane's words for a failure (one place maps codes to text), plus where to sign in again. */
function problemNotice(error: unknown): Notice {
  const message = userMessage(error);
  const details = message.details.map((d) => `${d.path}: ${d.message}`);
  return {
    title: message.title,
    body: [message.body, ...details].join('\n'),
    action:
      message.remedy === 'sign-in'
        ? `${message.action} Click Plumbline on the Home tab to sign in.`
        : message.action,
  };
}

export function reconcileNotice(links: number, verdicts: readonly Verdict[]): Notice {
  if (links === 0) {
    return {
      title: 'Nothing to reconcile yet',
      body: 'This workbook has no ranges linked to Plumbline KPIs.',
      action: 'Click Plumbline on the Home tab and link a range first.',
    };
  }
  const counts = new Map<Verdict, number>();
  for (const verdict of verdicts) counts.set(verdict, (counts.get(verdict) ?? 0) + 1);
  const diverged = counts.get('diverged') ?? 0;
  const tally = VERDICT_ORDER.filter((v) => counts.has(v)).map(
    (v) => `${counts.get(v)} ${VERDICT_LABEL[v].toLowerCase()}`,
  );
  const cells = `${verdicts.length} linked cell${verdicts.length === 1 ? '' : 's'} in ${links} link${links === 1 ? '' : 's'}`;
  return diverged === 0
    ? { title: 'Every linked cell agrees with the store', body: `${cells}: ${tally.join(', ')}.` }
    : {
        title: `${diverged} cell${diverged === 1 ? ' differs' : 's differ'} from the store`,
        body: `${cells}: ${tally.join(', ')}. The cells that differ are flagged in the sheet; your own formatting is unchanged.`,
        action:
          'Click Plumbline on the Home tab to see them by KPI, pull the canonical values or submit yours.',
      };
}

/** An Office command event: Office queues the next click of the button until `completed()` is called. */
export interface CommandEvent {
  completed(): void;
}

/** The handler Office calls: it always completes the event, whatever happened. */
export function commandHandler(
  name: CommandName,
  deps: () => Promise<CommandDeps>,
): (event: CommandEvent) => Promise<void> {
  return async (event) => {
    try {
      await runCommand(name, await deps());
    } catch (error) {
      // Only when the notice itself could not be shown (no dialog, Office refused it):
      // nothing is left to tell the user with, so it goes to the console for support.
      console.error(`Plumbline ${name}:`, error);
    } finally {
      event.completed();
    }
  };
}

/** What the commands read of `Office` (a structural subset of office.d.ts). */
export interface OfficeCommandsGlobal extends OfficeDialogApi {
  onReady(): Promise<unknown>;
  /** Absent in hosts older than `Office.actions`, which call a global function of the command's name. */
  actions?: { associate(actionId: string, actionFunction: (event: CommandEvent) => void): void };
  context: OfficeDialogApi['context'] & OfficeContextSubset;
}

/** The page's global scope (`window` in commands.html), as far as the commands use it. */
export type CommandScope = {
  Office?: OfficeCommandsGlobal;
  Excel?: ExcelGlobal;
  localStorage: Storage;
  location: { origin: string };
} & Partial<Record<CommandName, (event: CommandEvent) => Promise<void>>>;

/** The commands' dependencies inside Excel, once Office is ready (Excel is defined only then). */
async function excelDeps(scope: CommandScope, office: OfficeCommandsGlobal): Promise<CommandDeps> {
  await office.onReady();
  const excel = scope.Excel;
  if (!excel) throw new Error('Excel is not available: the commands run only inside Excel.');
  return {
    run: excel.run.bind(excel),
    // The pane's storage: the same origin's localStorage under the same partition, so its sign-in is found.
    storage: partitionedStorage(scope.localStorage, office.context.partitionKey),
    connect: (storeUrl, token) => createStoreClient({ baseUrl: storeUrl, token }),
    notify: (notice) => showNotice(office, scope.location.origin, notice),
  };
}

/** Registers every command with Office, the way Microsoft documents for new and older hosts. */
export function registerCommands(scope: CommandScope): void {
  const office = scope.Office;
  if (!office) return;
  for (const name of COMMAND_NAMES) {
    const handler = commandHandler(name, () => excelDeps(scope, office));
    office.actions?.associate(name, handler);
    scope[name] = handler;
  }
}

registerCommands(globalThis as unknown as CommandScope);
