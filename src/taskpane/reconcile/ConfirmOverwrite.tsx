import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import type { CellVerdict } from '../../core/reconcile';

/** A formula is never overwritten without asking. */
export function ConfirmOverwrite(props: {
  cell: CellVerdict;
  onConfirm(): void;
  onCancel(): void;
}): React.JSX.Element {
  const where = `${props.cell.sheet}!${props.cell.address}`;
  return (
    <Dialog open modalType="alert" onOpenChange={(_, d) => (d.open ? undefined : props.onCancel())}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Replace the formula in {where}?</DialogTitle>
          <DialogContent>
            {where} is calculated by a formula. Writing the store’s value replaces the formula with a number;
            cells that depend on it will use the number from now on.
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={props.onConfirm}>
              Replace the formula
            </Button>
            <Button onClick={props.onCancel}>Keep the formula</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
