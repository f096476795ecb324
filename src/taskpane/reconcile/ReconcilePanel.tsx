/**
 * Reconcile: one click compares every linked cell with the store, flags the
 * cells that differ (conditional formats, the user's own formatting
 * untouched) and lists what needs attention by KPI, each finding with what to do.
 */
import { Badge, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CellVerdict } from '../../core/reconcile';
import type { WorkbookReconcile } from '../../core/reconcile-workbook';
import type { Verdict } from '../../core/verdict';
import { OperationStatus } from '../shell/OperationStatus';
import { Panel } from '../shell/Panel';
import { useOperation } from '../shell/use-operation';
import type { WorkspaceContext } from '../shell/Workspace';
import { ConfirmOverwrite } from './ConfirmOverwrite';
import { FindingRow } from './FindingRow';
import { clearFlags, pullCanonical, reconcileAndFlag } from './reconcile-actions';
import { canSubmitLocal, submitLocal } from './submit-local';
import { localDay } from '../shell/local-day';
import type { KpiWithPath } from '../../core/model-tree';
import { VERDICT_LABEL, VERDICT_ORDER, badgeColor } from './verdict-text';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  counts: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  group: { display: 'grid', gap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyle: 'none' },
  kpi: { marginTop: tokens.spacingVerticalS },
});

type Result = WorkbookReconcile & { flagged: number };

export function ReconcilePanel({ context }: { context: WorkspaceContext }): React.JSX.Element {
  const styles = useStyles();
  const { deps, client, kpis, freshness, session } = context;
  const op = useOperation();
  const [result, setResult] = useState<Result | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<CellVerdict | null>(null);
  const byId = useMemo(() => new Map(kpis.map((k) => [k.id, k])), [kpis]);

  const reconcile = () =>
    op.run('Reconciling…', async (step) => {
      const next = await reconcileAndFlag(deps.host, client, kpis, step);
      setResult(next);
      setNotice(null);
    });

  // Readings landed elsewhere: the flags and the list follow, if the user has reconciled here.
  const reconciled = useRef(false);
  reconciled.current = result !== null;
  useEffect(() => {
    if (freshness > 0 && reconciled.current) void reconcile();
    // Only when readings land: `reconcile` is a new function at every render.
  }, [freshness]);

  const pull = async (cell: CellVerdict) => {
    setConfirming(null);
    await op.run(`Writing the canonical value into ${cell.sheet}!${cell.address}…`, async (step) => {
      await pullCanonical(deps.host, cell);
      setResult(await reconcileAndFlag(deps.host, client, kpis, step));
      setNotice(`${cell.sheet}!${cell.address} now holds the canonical value.`);
    });
  };

  const offerLocal = (kpi: KpiWithPath, cell: CellVerdict, workbookName: string) =>
    op.run(`Submitting ${cell.sheet}!${cell.address}…`, async (step) => {
      const who = { userId: session.user.id, today: localDay(new Date()), workbookName };
      const sent = await submitLocal(client, deps.platform.storage, who, kpi, cell);
      if (!sent.stored) {
        setNotice(`Not submitted: ${sent.reason}`);
        return;
      }
      setResult(await reconcileAndFlag(deps.host, client, kpis, step));
      setNotice(`${cell.sheet}!${cell.address} is now the store's value (revision ${sent.revision}).`);
    });

  const findings = (result?.cells ?? []).filter((c) => c.verdict !== 'match');
  const groups = groupByKpi(findings);
  const counts = countVerdicts(result?.cells ?? []);

  return (
    <Panel
      id="reconcile"
      title="Reconcile this workbook"
      intro="Compares every linked cell with the store and flags the cells that differ. Your own formatting stays as it is."
    >
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void reconcile()} disabled={op.progress !== null}>
          {result ? 'Reconcile again' : 'Reconcile'}
        </Button>
        <Button
          onClick={() =>
            void op.run('Removing Plumbline’s flags…', async () => {
              const removed = await clearFlags(deps.host);
              setNotice(
                removed === 0
                  ? 'There were no flags to remove.'
                  : `Removed ${removed} flag${removed === 1 ? '' : 's'}.`,
              );
            })
          }
          disabled={op.progress !== null}
        >
          Clear flags
        </Button>
      </div>
      <OperationStatus op={op} notice={notice} onRetry={() => void reconcile()} />
      {result && (
        <div role="status" aria-live="polite">
          <Text weight="semibold">
            {result.links === 0
              ? 'This workbook has no links yet: link a range first.'
              : `${result.cells.length} linked cells in ${result.links} link${result.links === 1 ? '' : 's'}: ${counts.diverged ?? 0} ${counts.diverged === 1 ? 'differs' : 'differ'} from the store.`}
          </Text>
          <div className={styles.counts} aria-label="Cells by verdict">
            {VERDICT_ORDER.filter((v) => counts[v]).map((v) => (
              <Badge key={v} appearance="tint" color={badgeColor(v)}>
                {/* "Differs: 2", not "2 differs": the labels are verbs and phrases, read alone on each row too. */}
                {VERDICT_LABEL[v]}: {counts[v]}
              </Badge>
            ))}
          </div>
        </div>
      )}
      {groups.map(([kpiId, cells]) => {
        const kpi = byId.get(kpiId);
        return (
          <section key={kpiId} className={styles.kpi} aria-label={kpi?.name ?? kpiId}>
            <Text as="h3" weight="semibold">
              {kpi?.name ?? kpiId}
            </Text>
            <ul className={styles.group}>
              {cells.map((cell) => (
                <FindingRow
                  key={`${cell.sheet}!${cell.address}`}
                  cell={cell}
                  unit={kpi?.unit}
                  busy={op.progress !== null}
                  onGoTo={() => void op.run('Going to the cell…', () => deps.platform.selection.select(cell))}
                  onPull={() => (cell.isFormula ? setConfirming(cell) : void pull(cell))}
                  onSubmitLocal={
                    kpi && result && canSubmitLocal(cell, kpi, session.user.id)
                      ? () => void offerLocal(kpi, cell, result.workbook.name)
                      : undefined
                  }
                />
              ))}
            </ul>
          </section>
        );
      })}
      {confirming && (
        <ConfirmOverwrite
          cell={confirming}
          onConfirm={() => void pull(confirming)}
          onCancel={() => setConfirming(null)}
        />
      )}
    </Panel>
  );
}

function groupByKpi(cells: readonly CellVerdict[]): [string, CellVerdict[]][] {
  const groups = new Map<string, CellVerdict[]>();
  for (const cell of [...cells].sort(
    (a, b) => VERDICT_ORDER.indexOf(a.verdict) - VERDICT_ORDER.indexOf(b.verdict),
  )) {
    groups.set(cell.kpiId, [...(groups.get(cell.kpiId) ?? []), cell]);
  }
  return [...groups];
}

function countVerdicts(cells: readonly CellVerdict[]): Partial<Record<Verdict, number>> {
  const counts: Partial<Record<Verdict, number>> = {};
  for (const cell of cells) counts[cell.verdict] = (counts[cell.verdict] ?? 0) + 1;
  return counts;
}
