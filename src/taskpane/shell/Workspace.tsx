/**
 * The signed-in pane: who you are, the jobs your role allows as tabs, and
 * live refresh when readings land in the store.
 */
import { Button, Caption1, Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { StoreClient } from '../../client/store-client';
import type { KpiWithPath } from '../../core/model-tree';
import { LinkPanel } from '../link/LinkPanel';
import type { Job, PaneDeps } from '../pane-deps';
import { ReconcilePanel } from '../reconcile/ReconcilePanel';
import type { Session } from '../sign-in/session';
import { SubmitPanel } from '../submit/SubmitPanel';
import { SummaryPanel } from '../summary/SummaryPanel';
import { ProblemBar } from './ProblemBar';
import { Progress } from './Progress';
import { useOperation } from './use-operation';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  who: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  body: { padding: tokens.spacingHorizontalM, display: 'grid', gap: tokens.spacingVerticalM },
});

const JOB_LABEL: Record<Job, string> = {
  link: 'Link',
  submit: 'Submit',
  reconcile: 'Reconcile',
  summary: 'Summary',
};

/** What the panels share: the session, the store, the model, and a counter that moves when readings land. */
export interface WorkspaceContext {
  deps: PaneDeps;
  session: Session;
  client: StoreClient;
  kpis: KpiWithPath[];
  /** Moves when readings land (or after a reconnect): panels refetch what they show. */
  freshness: number;
}

export function Workspace(props: {
  deps: PaneDeps;
  session: Session;
  client: StoreClient;
  onSignOut(): void;
}): React.JSX.Element {
  const styles = useStyles();
  const { deps, session, client } = props;
  const [kpis, setKpis] = useState<KpiWithPath[] | null>(null);
  const [freshness, setFreshness] = useState(0);
  const load = useOperation();

  const reloadModel = () => void load.run('Loading the KPI model…', async () => setKpis(await client.kpis()));
  // Once per store: the model changes rarely, and a reload is one click away on failure.
  useEffect(reloadModel, [client]);

  useEffect(() => {
    if (!deps.subscribe) return undefined;
    return deps.subscribe(session.storeUrl, session.token, {
      onReadings: () => setFreshness((n) => n + 1),
      onReconnect: () => setFreshness((n) => n + 1),
    });
  }, [deps, session]);

  const jobs = useMemo(() => jobsFor(session, kpis ?? []), [session, kpis]);
  const [job, setJob] = useState<Job>(() =>
    deps.initialJob && jobs.includes(deps.initialJob) ? deps.initialJob : (jobs[0] ?? 'reconcile'),
  );
  useEffect(() => {
    if (!jobs.includes(job)) setJob(jobs[0] ?? 'reconcile');
  }, [jobs, job]);

  const context: WorkspaceContext | null = kpis ? { deps, session, client, kpis, freshness } : null;
  return (
    <div>
      <header className={styles.header}>
        <div className={styles.who}>
          <Text weight="semibold" truncate wrap={false}>
            {session.user.name}
          </Text>
          <Caption1 truncate wrap={false}>
            {session.user.role} · {new URL(session.storeUrl).host}
          </Caption1>
        </div>
        <Button size="small" onClick={props.onSignOut}>
          Sign out
        </Button>
      </header>
      <nav aria-label="Plumbline jobs">
        <TabList selectedValue={job} onTabSelect={(_, d) => setJob(d.value as Job)} size="small">
          {jobs.map((j) => (
            <Tab key={j} value={j}>
              {JOB_LABEL[j]}
            </Tab>
          ))}
        </TabList>
      </nav>
      <main className={styles.body} aria-label={JOB_LABEL[job]}>
        <Progress text={load.progress} />
        {load.problem && (
          <ProblemBar problem={load.problem} onRetry={reloadModel} onSignIn={props.onSignOut} />
        )}
        {context && job === 'link' && <LinkPanel context={context} />}
        {context && job === 'submit' && <SubmitPanel context={context} />}
        {context && job === 'reconcile' && <ReconcilePanel context={context} />}
        {context && job === 'summary' && <SummaryPanel context={context} />}
      </main>
    </div>
  );
}

/** The jobs a role allows (DESIGN §2): linking for analysts, owners and admins; submitting for whoever owns KPIs. */
export function jobsFor(session: Session, kpis: readonly KpiWithPath[]): Job[] {
  const { role, id } = session.user;
  const jobs: Job[] = [];
  if (role === 'analyst' || role === 'owner' || role === 'admin') jobs.push('link');
  if (kpis.some((k) => k.ownerId === id)) jobs.push('submit');
  jobs.push('reconcile', 'summary');
  if (role === 'leader') return ['summary', 'reconcile'];
  return jobs;
}
