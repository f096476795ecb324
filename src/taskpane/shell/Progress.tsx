import { Field, ProgressBar } from '@fluentui/react-components';

/** Every long operation says what it is doing (announced politely to screen readers). */
export function Progress({ text }: { text: string | null }): React.JSX.Element | null {
  if (!text) return null;
  return (
    <Field validationMessage={text} validationState="none" aria-live="polite">
      <ProgressBar thickness="large" aria-label={text} />
    </Field>
  );
}
