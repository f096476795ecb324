import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import type { OutboxEntry } from './outbox';

/** Submissions not yet stored: why, and a retry that sends the same key (so never twice). */
export function OutboxList(props: {
  entries: OutboxEntry[];
  kpiName(id: string): string;
  busy: boolean;
  onRetry(entry: OutboxEntry): void;
  onDiscard(entry: OutboxEntry): void;
}): React.JSX.Element | null {
  if (props.entries.length === 0) return null;
  return (
    <section aria-label="Submissions not yet stored" style={{ display: 'grid', gap: 8 }}>
      {props.entries.map((entry) => (
        <MessageBar
          key={entry.key}
          intent={entry.state === 'failed' ? 'error' : 'warning'}
          layout="multiline"
        >
          <MessageBarBody>
            <MessageBarTitle>
              {entry.state === 'failed' ? 'Refused by the store' : 'Waiting to reach the store'}
            </MessageBarTitle>
            {entry.readings.map((r) => `${props.kpiName(r.kpiId)} ${r.period}: ${r.value}`).join('; ')}
            {entry.reason && <div>{entry.reason}</div>}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => props.onRetry(entry)} disabled={props.busy}>
              Send again
            </Button>
            <Button onClick={() => props.onDiscard(entry)} disabled={props.busy}>
              Discard
            </Button>
          </MessageBarActions>
        </MessageBar>
      ))}
    </section>
  );
}
