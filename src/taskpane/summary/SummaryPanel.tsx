/**
 * Summary: the reconciled picture for a leader — the hierarchy with status in
 * words, value against target, what is overdue and how many local copies
 * disagree — and the summary sheet written into the workbook.
 */
import { Badge, Button, Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { sparkline } from '../../core/summary-sheet';
import type { SummaryRow } from '../../core/summary';
import { formatValue, formatPeriod } from '../shell/format';
import { OperationStatus } from '../shell/OperationStatus';
import { STATUS_LABEL, statusColor } from '../shell/status-text';
import { Panel } from '../shell/Panel';
import { useOperation } from '../shell/use-operation';
import type { WorkspaceContext } from '../shell/Workspace';
import { SUMMARY_SHEET, writeSummarySheet } from './summary-actions';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalXS },
  row: {
    display: 'grid',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  line: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
  },
  flags: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  spark: { fontFamily: tokens.fontFamilyMonospace, letterSpacing: '1px' },
});

export function SummaryPanel({ context }: { context: WorkspaceContext }): React.JSX.Element {
  const styles = useStyles();
  const { deps, client, freshness } = context;
  const op = useOperation();
  const [summary, setSummary] = useState<{ asOf: string; rows: SummaryRow[] } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = () => op.run('Loading the summary…', async () => setSummary(await client.summary()));
  useEffect(() => void load(), [freshness]);

  return (
    <Panel id="summary" title={`Summary${summary ? ` as of ${summary.asOf}` : ''}`}>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Button
          appearance="primary"
          disabled={!summary || op.progress !== null}
          onClick={() =>
            void op.run(`Writing the “${SUMMARY_SHEET}” sheet…`, async () => {
              const fresh = await client.summary();
              setSummary(fresh);
              await writeSummarySheet(deps.host, fresh);
              setNotice(`The “${SUMMARY_SHEET}” sheet is up to date; your other sheets are unchanged.`);
            })
          }
        >
          Write summary sheet
        </Button>
        <Button onClick={() => void load()} disabled={op.progress !== null}>
          Refresh
        </Button>
      </div>
      <OperationStatus op={op} notice={notice} onRetry={() => void load()} />
      {summary && (
        <ul className={styles.list} aria-label="KPIs by pillar and program">
          {summary.rows.map((row) => (
            <li key={row.id} className={styles.row} style={{ paddingLeft: row.depth * 12 }}>
              <div className={styles.line}>
                <Text weight={row.kind === 'kpi' ? 'regular' : 'semibold'}>{row.name}</Text>
                <Badge appearance="tint" color={statusColor(row.status)}>
                  {STATUS_LABEL[row.status]}
                </Badge>
              </div>
              {row.kind === 'kpi' ? (
                <>
                  <Caption1>
                    {formatPeriod(row.period)}:{' '}
                    {row.value === null ? 'not reported' : formatValue(row.value, row.unit)} · target{' '}
                    {formatValue(row.target, row.unit)}
                    {row.value === null && row.latest
                      ? ` · last ${formatValue(row.latest.value, row.unit)} (${formatPeriod(row.latest.period)})`
                      : ''}{' '}
                    · owner {row.ownerId}
                  </Caption1>
                  <Caption1 className={styles.spark} aria-label="Trend of the last 12 periods">
                    {sparkline(row.trend)}
                  </Caption1>
                </>
              ) : null}
              <div className={styles.flags}>
                {row.overdue && (
                  <Badge appearance="outline" color="danger">
                    {row.kind === 'kpi' ? 'Overdue' : `${row.overdueCount} overdue`}
                  </Badge>
                )}
                {row.divergentCopies > 0 && (
                  <Badge appearance="outline" color="warning">
                    {row.divergentCopies} of {row.copies} copies differ
                  </Badge>
                )}
                {row.kind === 'kpi' && row.remediation && (
                  <Badge appearance="outline" color="informative">
                    In remediation
                  </Badge>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
