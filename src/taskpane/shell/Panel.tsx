import { Caption1, Text } from '@fluentui/react-components';

/** One job's panel: a heading that names it for screen readers, a line on what it does, then its content. */
export function Panel(props: {
  id: string;
  title: string;
  intro?: string;
  children: React.ReactNode;
}): React.JSX.Element {
  const titleId = `${props.id}-title`;
  return (
    <section aria-labelledby={titleId} style={{ display: 'grid', gap: 12 }}>
      <Text as="h2" id={titleId} weight="semibold" size={400} style={{ margin: 0 }}>
        {props.title}
      </Text>
      {props.intro && <Caption1>{props.intro}</Caption1>}
      {props.children}
    </section>
  );
}
