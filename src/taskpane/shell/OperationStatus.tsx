import { Text } from '@fluentui/react-components';
import { ProblemBar } from './ProblemBar';
import { Progress } from './Progress';
import type { Operation } from './use-operation';

/** What a panel's operation is doing, how it failed and what to do, or what it last achieved. */
export function OperationStatus(props: {
  op: Operation;
  notice?: string | null;
  onRetry?: () => void;
  onSignIn?: () => void;
}): React.JSX.Element {
  const { op, notice } = props;
  return (
    <>
      <Progress text={op.progress} />
      {op.problem && (
        <ProblemBar
          problem={op.problem}
          onRetry={props.onRetry}
          onSignIn={props.onSignIn}
          onDismiss={op.dismiss}
        />
      )}
      {notice && (
        <Text role="status" aria-live="polite">
          {notice}
        </Text>
      )}
    </>
  );
}
