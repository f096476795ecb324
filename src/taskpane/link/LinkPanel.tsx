/**
 * Link: bind the range the user selected to KPIs of the model. The panel
 * follows the selection, shows what core reads (layout, each period, what
 * cannot be read and why), suggests a KPI per row from its label for the user
 * to confirm, and lists the workbook's links with go-to, re-link and remove.
 */
import { Button, Caption1, Field, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { LinkCellsResult } from '../../core/link-cells';
import type { KpiWithPath } from '../../core/model-tree';
import { listWorkbookLinks, unlinkRange, type WorkbookLink } from '../../core/unlink-range';
import type { RangeRef } from '../../hosts/host';
import { ProblemBar } from '../shell/ProblemBar';
import { Progress } from '../shell/Progress';
import { useOperation } from '../shell/use-operation';
import type { WorkspaceContext } from '../shell/Workspace';
import { kpiMatcher } from './kpi-suggestions';
import { makeLink, SCALES } from './link-actions';
import { checkLink, guessSurroundings, readHeader, rowLabel, type HeaderReading } from './link-preview';
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
  check: LinkCellsResult | null;
}

export function LinkPanel({ context }: { context: WorkspaceContext }): React.JSX.Element {
  const styles = useStyles();
  const { deps, client, kpis, session } = context;
  const { host, platform } = deps;
  const op = useOperation();
  const [sheet, setSheet] = useState('');
  const [values, setValues] = useState('');
  const [periods, setPeriods] = useState('');
  const [labels, setLabels] = useState('');
  const [kpiIds, setKpiIds] = useState<string[]>([]);
  const [scale, setScale] = useState(1);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [links, setLinks] = useState<WorkbookLink[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const match = useMemo(() => kpiMatcher(kpis), [kpis]);
  const byId = useMemo(() => new Map(kpis.map((k) => [k.id, k])), [kpis]);

  const useRange = (range: RangeRef | null) => {
    if (!range) return;
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

  // Read the header and labels whenever the ranges change, and suggest KPIs for rows not chosen yet.
  useEffect(() => {
    if (!sheet || !values || !periods) {
      setPreview(null);
      return;
    }
    let stale = false;
    void op.run('Reading the header…', async () => {
      const refs = [{ sheet, address: periods }, ...(labels ? [{ sheet, address: labels }] : [])];
      const [header, labelBlock] = await host.readBlocks(refs);
      if (stale || !header) return;
      const rowLabels = labelBlock ? labelBlock.values.map(rowLabel) : [];
      const suggested =
        kpiIds.length === rowLabels.length && kpiIds.length > 0
          ? kpiIds
          : rowLabels.map((l) => match(l)?.id ?? '');
      setKpiIds(suggested);
      const chosen = suggested.map((id) => byId.get(id)).filter((k): k is KpiWithPath => k !== undefined);
      setPreview({
        header: readHeader(header, chosen[0] ?? { cadence: 'month' }),
        labels: rowLabels,
        check:
          chosen.length === suggested.length && chosen.length > 0
            ? checkLink(values, periods, header, chosen)
            : null,
      });
    });
    return () => {
      stale = true;
    };
  }, [sheet, values, periods, labels, kpiIds.join(',')]);

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
    <section aria-labelledby="link-title" style={{ display: 'grid', gap: 12 }}>
      <Text as="h2" id="link-title" weight="semibold" size={400}>
        Link a range
      </Text>
      <Caption1>
        Select the values in the sheet (not the header): Plumbline reads the periods above them and the labels
        to the left.
      </Caption1>
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
                  {h.period ? `${h.label} → ${h.period}` : `✗ ${h.label || '(blank)'}: ${h.problem}`}
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
    </section>
  );
}
