/**
 * An owner submits the value a cell holds instead of pulling the store's: the
 * same rules as the Submit panel (core's, checked first) and the same outbox,
 * so a retry never doubles. A value that needs a remediation plan is sent to
 * the Submit panel, where the plan is asked for.
 */
import type { StoreClient } from '../../client/store-client';
import type { ReadingInput } from '../../core/api';
import type { Kpi } from '../../core/model';
import type { CellVerdict } from '../../core/reconcile';
import { readingProblems } from '../../core/reading-rules';
import { Outbox } from '../submit/outbox';
import { sendEntry } from '../submit/send-entry';
import type { KeyValueStorage } from '../platform';

export type SubmitLocalResult = { stored: true; revision: number } | { stored: false; reason: string };

/** Whether the signed-in user may offer this cell's value as the KPI's reading. */
export function canSubmitLocal(
  cell: CellVerdict,
  kpi: Pick<Kpi, 'ownerId'> | undefined,
  userId: string,
): boolean {
  return (
    kpi?.ownerId === userId &&
    cell.local !== null &&
    (cell.verdict === 'diverged' || cell.verdict === 'local-only')
  );
}

export async function submitLocal(
  client: StoreClient,
  storage: KeyValueStorage,
  who: { userId: string; today: string; workbookName: string },
  kpi: Kpi,
  cell: CellVerdict,
): Promise<SubmitLocalResult> {
  const reading: ReadingInput = {
    kpiId: cell.kpiId,
    period: cell.period,
    value: cell.local!,
    comment: `Submitted from ${cell.sheet}!${cell.address} while reconciling.`,
    source: { workbook: who.workbookName, sheet: cell.sheet, address: cell.address },
  };
  const problems = readingProblems({
    kpis: [kpi],
    user: { id: who.userId },
    today: who.today,
    readings: [reading],
  });
  if (problems.length > 0) {
    const needsPlan = problems.some((p) => p.code === 'remediation_required');
    return {
      stored: false,
      reason: needsPlan
        ? `${problems[0]!.message} Submit it from the Submit tab, where the plan is asked for.`
        : problems.map((p) => p.message).join(' '),
    };
  }
  const outbox = new Outbox(storage, who.userId);
  const entry = await outbox.add([reading], crypto.randomUUID(), new Date().toISOString());
  const sent = await sendEntry(client, outbox, entry);
  return sent.ok
    ? { stored: true, revision: sent.readings[0]!.revision }
    : { stored: false, reason: sent.reason };
}
