import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { CellVerdict } from '../../core/reconcile';

/**
 * A formula is never overwritten without asking. Asked in place, beside the
 * finding (no modal: the pane is narrow and the cell stays visible), with the
 * safe answer focused.
 */
export function ConfirmOverwrite(props: {
  cell: CellVerdict;
  onConfirm(): void;
  onCancel(): void;
}): React.JSX.Element {
  const where = `${props.cell.sheet}!${props.cell.address}`;
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  return (
    <MessageBar
      intent="warning"
      layout="multiline"
      role="alertdialog"
      aria-label={`Replace the formula in ${where}?`}
    >
      <MessageBarBody>
        <MessageBarTitle>Replace the formula in {where}?</MessageBarTitle>
        {where} is calculated by a formula. Writing the store’s value replaces the formula with a number;
        cells that depend on it will use the number from now on.
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" onClick={props.onConfirm}>
          Replace the formula
        </Button>
        <Button ref={keep} onClick={props.onCancel}>
          Keep the formula
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
