import { Button, Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { WorkbookLink } from '../../core/unlink-range';
import type { RangeRef } from '../../hosts/host';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  item: {
    display: 'grid',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingVerticalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** The workbook's links, each with where it is, its KPIs, and go to / re-link / remove. */
export function LinkList(props: {
  links: WorkbookLink[];
  kpiName(id: string): string;
  busy: boolean;
  onGoTo(ref: RangeRef): void;
  onRelink(link: WorkbookLink): void;
  onRemove(link: WorkbookLink): void;
}): React.JSX.Element {
  const styles = useStyles();
  return (
    <section aria-labelledby="links-title" style={{ display: 'grid', gap: 8 }}>
      <Text as="h3" id="links-title" weight="semibold">
        Links in this workbook ({props.links.length})
      </Text>
      {props.links.length === 0 && <Caption1>None yet.</Caption1>}
      <ul className={styles.list}>
        {props.links.map((l) => {
          const where = l.values
            ? `${l.values.sheet}!${l.values.address}`
            : `${l.link.name} (its range was deleted)`;
          return (
            <li key={l.link.name} className={styles.item}>
              <Text weight="semibold">{where}</Text>
              <Caption1>{l.link.kpiIds.map(props.kpiName).join(', ')}</Caption1>
              <div className={styles.actions}>
                {l.values && (
                  <Button
                    size="small"
                    onClick={() => props.onGoTo(l.values!)}
                    disabled={props.busy}
                    aria-label={`Go to ${where}`}
                  >
                    Go to
                  </Button>
                )}
                <Button
                  size="small"
                  onClick={() => props.onRelink(l)}
                  disabled={props.busy || !l.values}
                  aria-label={`Re-link ${where}`}
                >
                  Re-link
                </Button>
                <Button
                  size="small"
                  onClick={() => props.onRemove(l)}
                  disabled={props.busy}
                  aria-label={`Remove the link of ${where}`}
                >
                  Remove
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
