import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReadingInput } from '../../core/api';
import type { KpiWithPath } from '../../core/model-tree';
import { formatValue, formatPeriod } from '../shell/format';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'grid', gap: tokens.spacingVerticalXS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/** What will be sent, counted, before one click sends it all. */
export function ReviewList(props: {
  readings: ReadingInput[];
  kpi(id: string): KpiWithPath | undefined;
  busy: boolean;
  onBack(): void;
  onSubmit(): void;
}): React.JSX.Element {
  const styles = useStyles();
  const n = props.readings.length;
  return (
    <section aria-labelledby="review-title" style={{ display: 'grid', gap: 8 }}>
      <Text as="h3" id="review-title" weight="semibold">
        {n} reading{n === 1 ? '' : 's'} will be sent to the store
      </Text>
      <ul className={styles.list}>
        {props.readings.map((r) => {
          const kpi = props.kpi(r.kpiId);
          return (
            <li key={r.kpiId}>
              {kpi?.name ?? r.kpiId}, {formatPeriod(r.period)}:{' '}
              <strong>{formatValue(r.value, kpi?.unit)}</strong>
              {r.remediation ? ' (with a remediation plan)' : ''}
            </li>
          );
        })}
      </ul>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={props.onSubmit} disabled={props.busy}>
          Submit {n} reading{n === 1 ? '' : 's'}
        </Button>
        <Button onClick={props.onBack} disabled={props.busy}>
          Back
        </Button>
      </div>
    </section>
  );
}
