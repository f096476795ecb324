/**
 * Link: bind the range the user selected to KPIs of the model. The panel
 * follows the selection, shows what core reads (layout, each period, what
 * cannot be read and why), suggests a KPI per row from its label for the user
 * to confirm, and lists the workbook's links with go-to, re-link and remove.
 */
import { Button, Caption1, Field, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { LinkCellsResult } from '../../core/link-cells';
import type { KpiWithPath } from '../../core/model-tree';
import { listWorkbookLinks, unlinkRange, type WorkbookLink } from '../../core/unlink-range';
import type { Block, RangeRef } from '../../hosts/host';
import { userMessage, type UserMessage } from '../errors/user-message';
import { formatPeriod } from '../shell/format';
import { ProblemBar } from '../shell/ProblemBar';
import { Progress } from '../shell/Progress';
import { Panel } from '../shell/Panel';
import { useOperation } from '../shell/use-operation';
import type { WorkspaceContext } from '../shell/Workspace';
import { kpiMatcher } from './kpi-suggestions';
import { makeLink, SCALES } from './link-actions';
import {
  checkLink,
  guessSurroundings,
  readHeader,
  rowLabel,
  unreadableCells,
  type HeaderReading,
  type UnreadableCell,
} from './link-preview';
import { LinkList } from './LinkList';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalS },
  // minmax(0, …) and a shrinkable input: an <input> is 20 characters wide by default, which made
  // the pair 410 px wide and the whole pane scroll sideways in Excel's 320–350 px pane.
  pair: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)',
    gap: tokens.spacingHorizontalS,
  },
  shrink: { minWidth: 0 },
  periods: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  bad: { color: tokens.colorPaletteRedForeground1 },
});

interface Preview {
  header: HeaderReading[];
  labels: string[];
  unreadable: UnreadableCell[];
  check: LinkCellsResult | null;
}

export function LinkPanel({ context }: { context: WorkspaceContext }): React.JSX.Element {
  const styles = useStyles();
  const { deps, client, kpis, session } = context;
  const { host, platform } = deps;
  const op = useOperation();
  // Reading the header follows every change of the ranges: the latest read wins, earlier ones are dropped.
  const [readingProblem, setReadingProblem] = useState<UserMessage | null>(null);
  const [sheet, setSheet] = useState('');
  const [values, setValues] = useState('');
  const [periods, setPeriods] = useState('');
  const [labels, setLabels] = useState('');
  const [kpiIds, setKpiIds] = useState<string[]>([]);
  const [scale, setScale] = useState(1);
  const [blocks, setBlocks] = useState<{ header: Block; values: Block; rowLabels: string[] } | null>(null);
  const [links, setLinks] = useState<WorkbookLink[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const match = useMemo(() => kpiMatcher(kpis), [kpis]);
  const byId = useMemo(() => new Map(kpis.map((k) => [k.id, k])), [kpis]);

  // The selection event and "Use the selected range" may report the same range again: keep the user's choices then.
  const current = useRef<RangeRef | null>(null);
  const useRange = (range: RangeRef | null) => {
    if (!range || (current.current?.sheet === range.sheet && current.current.address === range.address))
      return;
    current.current = range;
    const around = guessSurroundings(range.address);
    setSheet(range.sheet);
    setValues(range.address);
    setPeriods(around.periods ?? '');
    setLabels(around.labels ?? '');
    setKpiIds([]);
    // A new range starts as typed: the scale chosen for the last link (FCR in points) is not this one's.
    setScale(1);
    setNotice(null);
  };

  const refreshLinks = () =>
    op.run('Reading this workbook’s links…', async () => setLinks(await listWorkbookLinks(host)));

  useEffect(() => {
    void refreshLinks();
    void platform.selection.current().then(useRange, () => undefined);
    return platform.selection.onChange(useRange) ?? undefined;
  }, [platform, host]);

  // Read the header, values and labels whenever the ranges change; the latest read wins.
  useEffect(() => {
    if (!sheet || !values || !periods) {
      setBlocks(null);
      return;
    }
    let stale = false;
    const refs = [
      { sheet, address: periods },
      { sheet, address: values },
      ...(labels ? [{ sheet, address: labels }] : []),
    ];
    host.readBlocks(refs).then(
      ([header, valueBlock, labelBlock]) => {
        if (stale || !header || !valueBlock) return;
        const rowLabels = labelBlock ? labelBlock.values.map(rowLabel) : [];
        setBlocks({ header, values: valueBlock, rowLabels });
        setReadingProblem(null);
        // Rows already chosen (a re-link) stay; a new selection gets a suggestion per row label.
        setKpiIds((chosen) =>
          chosen.length === rowLabels.length && chosen.every((id) => id !== '')
            ? chosen
            : rowLabels.map((l) => match(l)?.id ?? ''),
        );
      },
      (error: unknown) => {
        if (!stale) setReadingProblem(userMessage(error));
      },
    );
    return () => {
      stale = true;
    };
  }, [sheet, values, periods, labels, host, match]);

  const preview = useMemo((): Preview | null => {
    if (!blocks) return null;
    const chosen = kpiIds.map((id) => byId.get(id)).filter((k): k is KpiWithPath => k !== undefined);
    return {
      header: readHeader(blocks.header, chosen[0] ?? { cadence: 'month' }),
      labels: blocks.rowLabels,
      unreadable: unreadableCells(blocks.values),
      check:
        chosen.length === kpiIds.length && chosen.length > 0
          ? checkLink(values, periods, blocks.header, chosen)
          : null,
    };
  }, [blocks, kpiIds, byId, values, periods]);

  const rows = Math.max(preview?.labels.length ?? 0, kpiIds.length);
  const ready = preview?.check?.ok === true && kpiIds.every((id) => id !== '');

  const confirm = () =>
    op.run('Linking…', async (step) => {
      const result = await makeLink(host, client, session.storeUrl, {
        sheet,
        values,
        periods,
        kpiIds,
        scale,
        createdBy: session.user.id,
      });
      step('Reading this workbook’s links…');
      setLinks(await listWorkbookLinks(host));
      setNotice(
        `${result.replaced ? 'Updated' : 'Linked'} ${sheet}!${values}: ${result.cells.length} cells to ${kpiIds.length} KPI${kpiIds.length === 1 ? '' : 's'}.`,
      );
    });

  return (
    <Panel
      id="link"
      title="Link a range"
      intro="Select the values in the sheet (not the header): Plumbline reads the periods above them and the labels to the left."
    >
      <Button
        onClick={() => void platform.selection.current().then(useRange)}
        disabled={op.progress !== null}
      >
        Use the selected range
      </Button>
      <div className={styles.form}>
        <Field label="Sheet">
          <Input value={sheet} onChange={(_, d) => setSheet(d.value)} />
        </Field>
        <div className={styles.pair}>
          <Field label="Values">
            <Input
              className={styles.shrink}
              value={values}
              onChange={(_, d) => setValues(d.value.toUpperCase())}
            />
          </Field>
          <Field label="Period header">
            <Input
              className={styles.shrink}
              value={periods}
              onChange={(_, d) => setPeriods(d.value.toUpperCase())}
            />
          </Field>
        </div>
        {preview && (
          <Field label="Periods read from the header">
            <div className={styles.periods}>
              {preview.header.map((h, i) => (
                <Caption1
                  key={i}
                  className={h.problem ? styles.bad : undefined}
                  title={h.problem ?? undefined}
                >
                  {h.period
                    ? `${h.label} → ${formatPeriod(h.period)}`
                    : `✗ ${h.label || '(blank)'}: ${h.problem}`}
                </Caption1>
              ))}
            </div>
          </Field>
        )}
        {Array.from({ length: rows }, (_, r) => (
          <Field
            key={r}
            label={`KPI for row ${r + 1}${preview?.labels[r] ? ` “${preview.labels[r]}”` : ''}`}
            required
          >
            <Select
              value={kpiIds[r] ?? ''}
              onChange={(_, d) =>
                setKpiIds((ids) =>
                  Array.from({ length: rows }, (_, i) => (i === r ? d.value : (ids[i] ?? ''))),
                )
              }
            >
              <option value="">Choose a KPI…</option>
              {kpis.map((k) => (
                <option key={k.id} value={k.id}>
                  {`${k.name} (${k.cadence})`}
                </option>
              ))}
            </Select>
          </Field>
        ))}
        <Field label="The sheet shows values">
          <Select value={String(scale)} onChange={(_, d) => setScale(Number(d.value))}>
            {SCALES.map((s) => (
              <option key={s.value} value={String(s.value)}>
                {s.label}
              </option>
            ))}
          </Select>
        </Field>
        {preview && preview.unreadable.length > 0 && (
          <Field
            label={`${preview.unreadable.length} cell${preview.unreadable.length === 1 ? '' : 's'} cannot be read as numbers`}
          >
            <ul className={styles.bad} aria-label="Cells that cannot be read as numbers">
              {preview.unreadable.map((u) => (
                <li key={u.address}>
                  {u.address} “{u.text}”: {u.reason}
                </li>
              ))}
            </ul>
          </Field>
        )}
        {preview?.check && !preview.check.ok && (
          <ul aria-label="Why this range cannot be linked yet" className={styles.bad}>
            {preview.check.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
        {preview?.check?.ok && (
          <Caption1 role="status">
            {preview.check.layout === 'grid' ? 'A block of KPIs' : 'A series'} of {preview.check.cells.length}{' '}
            cells, one KPI per {preview.check.orientation === 'rows' ? 'row' : 'column'}.
          </Caption1>
        )}
        <Button appearance="primary" disabled={!ready || op.progress !== null} onClick={() => void confirm()}>
          Link {kpiIds.length || ''} KPI{kpiIds.length === 1 ? '' : 's'}
        </Button>
      </div>
      <Progress text={op.progress} />
      {op.problem && <ProblemBar problem={op.problem} onDismiss={op.dismiss} />}
      {readingProblem && <ProblemBar problem={readingProblem} onDismiss={() => setReadingProblem(null)} />}
      {notice && (
        <Text role="status" aria-live="polite">
          {notice}
        </Text>
      )}
      <LinkList
        links={links}
        kpiName={(id) => byId.get(id)?.name ?? id}
        busy={op.progress !== null}
        onGoTo={(ref) => void op.run('Going to the range…', () => platform.selection.select(ref))}
        onRelink={(l) => {
          if (!l.values) return;
          setSheet(l.values.sheet);
          setValues(l.values.address);
          setPeriods(l.periods?.address ?? '');
          setLabels(guessSurroundings(l.values.address).labels ?? '');
          setKpiIds(l.link.kpiIds);
          setScale(l.link.scale);
        }}
        onRemove={(l) =>
          void op.run(`Removing ${l.link.name}…`, async () => {
            await unlinkRange(host, l.link.name);
            setLinks(await listWorkbookLinks(host));
            setNotice(
              `Removed the link of ${l.values ? `${l.values.sheet}!${l.values.address}` : l.link.name}; the cells are unchanged.`,
            );
          })
        }
      />
    </Panel>
  );
}
