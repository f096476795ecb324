import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import type { UserMessage } from '../errors/user-message';

/** A failure as the user reads it: what happened, the specifics, and what to do. */
export function ProblemBar(props: {
  problem: UserMessage;
  onRetry?: () => void;
  onSignIn?: () => void;
  onDismiss?: () => void;
}): React.JSX.Element {
  const { problem } = props;
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{problem.title}</MessageBarTitle>
        <div style={{ whiteSpace: 'pre-line' }}>{problem.body}</div>
        {problem.details.length > 0 && (
          <ul style={{ margin: '4px 0', paddingLeft: 18 }}>
            {problem.details.map((d) => (
              <li key={`${d.path}:${d.message}`}>{d.message}</li>
            ))}
          </ul>
        )}
        <div>{problem.action}</div>
      </MessageBarBody>
      <MessageBarActions>
        {problem.remedy === 'retry' && props.onRetry && <Button onClick={props.onRetry}>Try again</Button>}
        {problem.remedy === 'sign-in' && props.onSignIn && <Button onClick={props.onSignIn}>Sign in</Button>}
        {props.onDismiss && <Button onClick={props.onDismiss}>Dismiss</Button>}
      </MessageBarActions>
    </MessageBar>
  );
}
