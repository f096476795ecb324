/**
 * First run and sign-in: what Plumbline does, the store and a token, and a
 * way to try it on the demo's sample data without a token of one's own.
 */
import { Button, Field, Input, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { DemoPersona } from '../../client/store-client';
import { ProblemBar } from '../shell/ProblemBar';
import { Progress } from '../shell/Progress';
import { useOperation } from '../shell/use-operation';
import { normaliseStoreUrl, type Session } from './session';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
  lines: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'grid',
    gap: tokens.spacingVerticalXS,
  },
  personas: { display: 'grid', gap: tokens.spacingVerticalS },
});

export interface SignInProps {
  /** The store offered first: the workbook's own, else the one that served the pane. */
  suggestedUrl: string;
  /** Where the suggestion comes from, to say so. */
  suggestedFromWorkbook: boolean;
  signIn(storeUrl: string, token: string): Promise<Session>;
  demoPersonas(storeUrl: string): Promise<DemoPersona[]>;
}

export function SignIn(props: SignInProps): React.JSX.Element {
  const styles = useStyles();
  const [url, setUrl] = useState(props.suggestedUrl);
  const [token, setToken] = useState('');
  const [urlProblem, setUrlProblem] = useState<string | null>(null);
  const [personas, setPersonas] = useState<DemoPersona[] | null>(null);
  const op = useOperation();

  useEffect(() => setUrl(props.suggestedUrl), [props.suggestedUrl]);

  function storeUrl(): string | null {
    const checked = normaliseStoreUrl(url);
    if ('problem' in checked) {
      setUrlProblem(checked.problem);
      return null;
    }
    setUrlProblem(null);
    return checked.url;
  }

  async function submit(event: React.FormEvent): Promise<void> {
    event.preventDefault();
    const base = storeUrl();
    if (!base) return;
    await op.run('Signing in…', () => props.signIn(base, token.trim()));
  }

  async function trySample(): Promise<void> {
    const base = storeUrl();
    if (!base) return;
    const found = await op.run('Looking for the sample organisation…', () => props.demoPersonas(base));
    if (found) setPersonas(found);
  }

  return (
    <main className={styles.root} aria-labelledby="welcome">
      <Title3 as="h1" id="welcome">
        One version of your KPIs
      </Title3>
      <ul className={styles.lines}>
        <li>Link the ranges you already keep to your company’s KPI model.</li>
        <li>Submit the KPIs you own without leaving the spreadsheet.</li>
        <li>See every number that differs from the truth, and fix it in a click.</li>
      </ul>
      <form onSubmit={(e) => void submit(e)} style={{ display: 'grid', gap: 12 }}>
        <Field
          label="Store address"
          hint={props.suggestedFromWorkbook ? 'This workbook was linked with this store.' : undefined}
          validationMessage={urlProblem ?? undefined}
          validationState={urlProblem ? 'error' : 'none'}
          required
        >
          <Input value={url} onChange={(_, d) => setUrl(d.value)} type="url" autoComplete="url" />
        </Field>
        <Field
          label="Your token"
          hint="Your admin gives you a token; it is kept for you alone, never in the workbook."
          required
        >
          <Input
            value={token}
            onChange={(_, d) => setToken(d.value)}
            type="password"
            autoComplete="current-password"
          />
        </Field>
        <Button appearance="primary" type="submit" disabled={token.trim() === '' || op.progress !== null}>
          Sign in
        </Button>
      </form>
      <Button onClick={() => void trySample()} disabled={op.progress !== null}>
        Try it on sample data
      </Button>
      <Progress text={op.progress} />
      {op.problem && <ProblemBar problem={op.problem} onDismiss={op.dismiss} />}
      {personas && personas.length === 0 && (
        <Text>
          This store has no sample organisation. Start one with <code>npm start</code> (it prints the
          address), or ask your admin for a token.
        </Text>
      )}
      {personas && personas.length > 0 && (
        <section aria-labelledby="personas" className={styles.personas}>
          <Text as="h2" weight="semibold" id="personas">
            Sign in to the sample organisation as
          </Text>
          {personas.map((p) => (
            <Button
              key={p.id}
              onClick={() => {
                const base = storeUrl();
                if (base) void op.run(`Signing in as ${p.name}…`, () => props.signIn(base, p.token));
              }}
            >
              {p.name} — {p.role}
            </Button>
          ))}
        </section>
      )}
    </main>
  );
}
