import {
  Badge,
  Caption1,
  Checkbox,
  Field,
  Input,
  Radio,
  RadioGroup,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { formatValue, formatPeriod } from '../shell/format';
import { STATUS_LABEL, statusColor } from '../shell/status-text';
import { typedText, type Draft, type DraftCheck } from './draft';
import type { DueKpi } from './due-readings';

const useStyles = makeStyles({
  card: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  head: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
  },
  // Beside a long KPI name at 320 px the status wrapped to "On / track".
  status: { flexShrink: 0, whiteSpace: 'nowrap' },
});

/** One KPI due: its copies, the value to send, its status against target, a comment and a plan when needed. */
export function DueKpiCard(props: {
  due: DueKpi;
  draft: Draft;
  check: DraftCheck;
  onChange(change: Partial<Draft>): void;
}): React.JSX.Element {
  const styles = useStyles();
  const { due, draft, check } = props;
  const { row, candidates } = due;
  const valueProblem = check.problems.find((p) => p.field === 'value');
  const planProblem = check.problems.find((p) => p.field === 'remediation');
  const needsPlan = check.status === 'at-risk' || check.status === 'off-track';
  const id = `due-${row.id}`;
  return (
    <li className={styles.card} aria-labelledby={id}>
      <div className={styles.head}>
        <Checkbox
          checked={draft.include}
          onChange={(_, d) => props.onChange({ include: d.checked === true })}
          label={
            <Text weight="semibold" id={id}>
              {row.name}
            </Text>
          }
        />
        {draft.include && check.value !== null && (
          <Badge className={styles.status} appearance="tint" color={statusColor(check.status)}>
            {STATUS_LABEL[check.status]}
          </Badge>
        )}
      </div>
      <Caption1>
        {formatPeriod(row.period)} · target {formatValue(row.target, row.unit)}
        {row.latest
          ? ` · last reported ${formatValue(row.latest.value, row.unit)} (${formatPeriod(row.latest.period)})`
          : ''}
      </Caption1>
      {draft.include && (
        <>
          {candidates.length > 1 && (
            <Field label="Your copies disagree: choose the value to submit" required>
              <RadioGroup value={draft.typed} onChange={(_, d) => props.onChange({ typed: d.value })}>
                {candidates.map((c) => (
                  <Radio
                    key={c.value}
                    value={typedText(row, c.value)}
                    label={`${formatValue(c.value, row.unit)} in ${c.cells.map((cell) => `${cell.sheet}!${cell.address}`).join(', ')}`}
                  />
                ))}
              </RadioGroup>
            </Field>
          )}
          <Field
            label={`Value${row.unit ? ` (${row.unit === '%' ? 'percent' : row.unit})` : ''}`}
            hint={candidates.length === 0 ? 'No linked cell holds this period: type the value.' : undefined}
            validationMessage={valueProblem?.message}
            validationState={valueProblem ? 'error' : 'none'}
            required
          >
            <Input
              value={draft.typed}
              onChange={(_, d) => props.onChange({ typed: d.value })}
              inputMode="decimal"
              contentAfter={row.unit === '%' ? <span aria-hidden>%</span> : undefined}
            />
          </Field>
          <Field label="Comment">
            <Textarea
              value={draft.comment}
              onChange={(_, d) => props.onChange({ comment: d.value })}
              resize="vertical"
            />
          </Field>
          {needsPlan && (
            <Field
              label="Remediation plan"
              hint="Required when a value is at risk or off track: what will bring it back, and by when."
              validationMessage={planProblem?.message}
              validationState={planProblem ? 'error' : 'none'}
              required
            >
              <Textarea
                maxLength={4000}
                value={draft.remediation}
                onChange={(_, d) => props.onChange({ remediation: d.value })}
                resize="vertical"
              />
            </Field>
          )}
        </>
      )}
    </li>
  );
}
