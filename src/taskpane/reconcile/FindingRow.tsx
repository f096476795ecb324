import { Badge, Button, Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { CellVerdict } from '../../core/reconcile';
import { formatDay, formatValue, formatPeriod } from '../shell/format';
import { VERDICT_LABEL, badgeColor } from './verdict-text';

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  top: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** One linked cell that needs attention: where, here against the store, who said so, and what to do. */
export function FindingRow(props: {
  cell: CellVerdict;
  unit: string | undefined;
  busy: boolean;
  onGoTo(): void;
  onPull(): void;
  /** Offered to the KPI's owner: send the cell's value to the store instead. */
  onSubmitLocal?: () => void;
}): React.JSX.Element {
  const styles = useStyles();
  const { cell, unit } = props;
  const where = `${cell.sheet}!${cell.address}`;
  const local = cell.verdict === 'unreadable' ? `“${String(cell.cell)}”` : formatValue(cell.local, unit);
  return (
    <li className={styles.row}>
      <div className={styles.top}>
        <Badge appearance="filled" color={badgeColor(cell.verdict)}>
          {VERDICT_LABEL[cell.verdict]}
        </Badge>
        <Text weight="semibold">{formatPeriod(cell.period)}</Text>
        <Caption1>{where}</Caption1>
      </div>
      <Text>
        Here {local} · Store {formatValue(cell.canonical, unit)}
      </Text>
      {cell.revision !== null && (
        <Caption1>
          Revision {cell.revision} by {cell.submittedBy}, {formatDay(cell.submittedAt)}
        </Caption1>
      )}
      {cell.unreadable && <Caption1>{cell.unreadable}</Caption1>}
      <div className={styles.actions}>
        {/* Each name starts with the button's visible words (WCAG 2.5.3), then says which cell. */}
        <Button size="small" onClick={props.onGoTo} disabled={props.busy} aria-label={`Go to cell ${where}`}>
          Go to cell
        </Button>
        {cell.canonical !== null && cell.verdict !== 'match' && (
          <Button
            size="small"
            onClick={props.onPull}
            disabled={props.busy}
            aria-label={`Use store value${cell.isFormula ? '…' : ''} in ${where}`}
          >
            Use store value{cell.isFormula ? '…' : ''}
          </Button>
        )}
        {props.onSubmitLocal && (
          <Button
            size="small"
            onClick={props.onSubmitLocal}
            disabled={props.busy}
            aria-label={`Submit this sheet's value from ${where}`}
          >
            Submit this value
          </Button>
        )}
      </div>
    </li>
  );
}
