/**
 * Submit: the KPIs you own that are due, each with what its linked cells
 * hold; a review step; one request for all, recorded in the outbox first so a
 * retry never doubles; pending and failed submissions stay visible.
 */
import { Button, Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ReadingInput } from '../../core/api';
import { compareWorkbook } from '../../core/reconcile-workbook';
import { OperationStatus } from '../shell/OperationStatus';
import { Panel } from '../shell/Panel';
import { localDay } from '../shell/local-day';
import { useOperation } from '../shell/use-operation';
import type { WorkspaceContext } from '../shell/Workspace';
import { DueKpiCard } from './DueKpiCard';
import { checkDraft, toReading, typedText, type Draft } from './draft';
import { dueKpis, type DueKpi } from './due-readings';
import { Outbox, type OutboxEntry } from './outbox';
import { OutboxList } from './OutboxList';
import { ReviewList } from './ReviewList';
import { sendEntry } from './send-entry';

const useStyles = makeStyles({
  list: { display: 'grid', gap: tokens.spacingVerticalM, listStyle: 'none', margin: 0, padding: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export function SubmitPanel({ context }: { context: WorkspaceContext }): React.JSX.Element {
  const styles = useStyles();
  const { deps, client, session, kpis, freshness } = context;
  const outbox = useMemo(() => new Outbox(deps.platform.storage, session.user.id), [deps, session]);
  const [entries, setEntries] = useState<OutboxEntry[]>(() => outbox.entries());
  const [due, setDue] = useState<DueKpi[] | null>(null);
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [reviewing, setReviewing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [linkProblem, setLinkProblem] = useState<string | null>(null);
  const op = useOperation();
  const byId = useMemo(() => new Map(kpis.map((k) => [k.id, k])), [kpis]);

  /** What is due and what the linked cells hold, read again (inside an operation already running, too). */
  const refresh = async (step: (text: string) => void) => {
    const summary = await client.summary();
    step('Reading what your linked cells hold…');
    let cells: Awaited<ReturnType<typeof compareWorkbook>>['cells'] = [];
    try {
      cells = (await compareWorkbook(deps.host, client)).cells;
      setLinkProblem(null);
    } catch (error) {
      // The links are a help, not a condition: values can still be typed in.
      setLinkProblem(error instanceof Error ? error.message : String(error));
    }
    const next = dueKpis(summary.rows, session.user.id, cells);
    setDue(next);
    setDrafts(Object.fromEntries(next.map((d) => [d.row.id, initialDraft(d)])));
    setReviewing(false);
  };
  const load = () => op.run('Finding the KPIs you own that are due…', refresh);

  // Always called inside an operation: the due list is read again here, not through `load` (which
  // would not start while one runs), so what was stored leaves it even where no event announces it.
  const send = async (entry: OutboxEntry, step: (text: string) => void = () => undefined) => {
    const result = await sendEntry(client, outbox, entry);
    setEntries(outbox.entries());
    if (result.ok) {
      setNotice(`Stored ${result.readings.length} reading${result.readings.length === 1 ? '' : 's'}.`);
      step('Finding what is still due…');
      await refresh(step);
    }
    return result;
  };

  // Submissions left pending by a crash, a reload or a lost connection go again, with their own keys.
  const resent = useRef(false);
  useEffect(() => {
    void load().then(async () => {
      if (resent.current) return;
      resent.current = true;
      for (const entry of outbox.entries().filter((e) => e.state === 'pending')) {
        await op.run('Sending a submission that had not reached the store…', (step) => send(entry, step));
      }
    });
    // Reload when readings land elsewhere (a colleague submitted, or a copy was pushed).
  }, [freshness]);

  const who = { userId: session.user.id, today: localDay(new Date()) };
  // A reading waiting in the outbox may have landed already: offering it again, under a new
  // idempotency key, could store it twice. It goes with its own key ("Send again") or is discarded.
  const waiting = new Set(
    entries
      .filter((e) => e.state === 'pending')
      .flatMap((e) => e.readings.map((r) => `${r.kpiId}|${r.period}`)),
  );
  const checks = (due ?? [])
    .filter((d) => !waiting.has(`${d.row.id}|${d.row.period}`))
    .flatMap((d) => {
      const kpi = byId.get(d.row.id);
      const draft = drafts[d.row.id];
      return kpi && draft ? [{ due: d, draft, check: checkDraft(d.row, kpi, draft, who) }] : [];
    });
  const chosen = checks.filter((c) => c.draft.include);
  const blocked = chosen.filter((c) => c.check.problems.length > 0);
  const readings: ReadingInput[] = chosen
    .filter((c) => c.check.value !== null && c.check.problems.length === 0)
    .map((c) => toReading(c.due.row, c.draft, c.check.value!));

  const submit = () =>
    op.run(`Submitting ${readings.length} reading${readings.length === 1 ? '' : 's'}…`, async (step) => {
      const entry = await outbox.add(readings, crypto.randomUUID(), new Date().toISOString());
      // The review is over once the readings are in the outbox: they wait there, never offered
      // here again under a new key (and the two never show at once, even while sending).
      setReviewing(false);
      setEntries(outbox.entries());
      const result = await send(entry, step);
      if (!result.ok) setNotice(`Not stored yet: ${result.reason}`);
    });

  return (
    <Panel id="submit" title="Submit your KPIs">
      <OutboxList
        entries={entries}
        kpiName={(id) => byId.get(id)?.name ?? id}
        busy={op.progress !== null}
        onRetry={(entry) => void op.run('Sending again…', (step) => send(entry, step))}
        onDiscard={(entry) => {
          outbox.remove(entry.key);
          setEntries(outbox.entries());
        }}
      />
      <OperationStatus op={op} notice={notice} onRetry={() => void load()} />
      {linkProblem && (
        <Caption1 role="note">
          The linked cells could not be read ({linkProblem}); type the values instead.
        </Caption1>
      )}
      {due && checks.length === 0 && waiting.size === 0 && (
        <Text>Nothing is due: every KPI you own is reported for its latest period.</Text>
      )}
      {due && checks.length > 0 && !reviewing && (
        <>
          <ul className={styles.list} aria-label="KPIs due">
            {checks.map(({ due: d, draft, check }) => (
              <DueKpiCard
                key={d.row.id}
                due={d}
                draft={draft}
                check={check}
                onChange={(change) =>
                  setDrafts((all) => ({ ...all, [d.row.id]: { ...all[d.row.id]!, ...change } }))
                }
              />
            ))}
          </ul>
          <div className={styles.actions}>
            <Button
              appearance="primary"
              disabled={readings.length === 0 || blocked.length > 0 || op.progress !== null}
              onClick={() => setReviewing(true)}
            >
              Review {readings.length} reading{readings.length === 1 ? '' : 's'}
            </Button>
            {blocked.length > 0 && (
              <Caption1 role="status">
                {blocked.length} KPI{blocked.length === 1 ? ' needs' : 's need'} attention before review.
              </Caption1>
            )}
          </div>
        </>
      )}
      {reviewing && (
        <ReviewList
          readings={readings}
          kpi={(id) => byId.get(id)}
          busy={op.progress !== null}
          onBack={() => setReviewing(false)}
          onSubmit={() => void submit()}
        />
      )}
    </Panel>
  );
}

function initialDraft(due: DueKpi): Draft {
  const only = due.candidates.length === 1 ? due.candidates[0] : undefined;
  return {
    include: due.candidates.length > 0,
    typed: only ? typedText(due.row, only.value) : '',
    comment: '',
    remediation: '',
  };
}
