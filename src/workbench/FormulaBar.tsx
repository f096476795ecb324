/**
 * Excel's name box and formula bar: the selected range's address, which the
 * user can type to select a range from the keyboard, and the active cell's text.
 */
import { Input, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';

const useStyles = makeStyles({
  bar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  name: { width: '9rem' },
  cell: { flex: 1, minWidth: 0 },
});

export interface FormulaBarProps {
  address: string;
  cellText: string;
  onGo(address: string): void;
}

export function FormulaBar({ address, cellText, onGo }: FormulaBarProps): React.JSX.Element {
  const styles = useStyles();
  const [typed, setTyped] = useState(address);
  useEffect(() => setTyped(address), [address]);
  return (
    <div className={styles.bar}>
      <Input
        className={styles.name}
        size="small"
        aria-label="Name box: the selected range; type a range and press Enter to select it"
        value={typed}
        onChange={(_, d) => setTyped(d.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          e.preventDefault();
          onGo(typed.trim());
        }}
        spellCheck={false}
      />
      <Input className={styles.cell} size="small" aria-label="Active cell" value={cellText} readOnly />
    </div>
  );
}
