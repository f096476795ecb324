/**
 * The workbench's toolbar: open a sample workbook, upload one, download the
 * open workbook as .xlsx, and reload the pane (as Excel's "Reload" of a task pane).
 */
import { Button, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    alignItems: 'flex-end',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
  sample: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalXS },
});

export interface ToolbarProps {
  samples: string[];
  /** The open workbook's file name: the sample offered first when it is one. */
  current: string | null;
  busy: boolean;
  canDownload: boolean;
  onOpenSample(file: string): void;
  onUpload(file: File): void;
  onDownload(): void;
  onReloadPane(): void;
}

export function Toolbar(props: ToolbarProps): React.JSX.Element {
  const styles = useStyles();
  const [sample, setSample] = useState('');
  const upload = useRef<HTMLInputElement>(null);
  const chosen =
    sample ||
    (props.current && props.samples.includes(props.current) ? props.current : props.samples[0]) ||
    '';
  return (
    <div className={styles.bar} role="toolbar" aria-label="Workbook">
      <div className={styles.sample}>
        <Field label="Sample workbook" size="small">
          <Select value={chosen} onChange={(_, d) => setSample(d.value)} size="small">
            {props.samples.map((file) => (
              <option key={file} value={file}>
                {file}
              </option>
            ))}
          </Select>
        </Field>
        <Button
          size="small"
          disabled={props.busy || chosen === ''}
          onClick={() => props.onOpenSample(chosen)}
        >
          Open sample
        </Button>
      </div>
      <Button size="small" disabled={props.busy} onClick={() => upload.current?.click()}>
        Upload .xlsx…
      </Button>
      <input
        ref={upload}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        hidden
        aria-hidden="true"
        tabIndex={-1}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) props.onUpload(file);
        }}
      />
      <Button size="small" disabled={props.busy || !props.canDownload} onClick={props.onDownload}>
        Download .xlsx
      </Button>
      <Button size="small" onClick={props.onReloadPane}>
        Reload pane
      </Button>
    </div>
  );
}
