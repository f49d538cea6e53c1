import { Badge, Group, Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled, bordered section of the rep's home (a region named by its title), with an optional count. */
export function HomeSection({
  title,
  id,
  count,
  countLabel,
  actions,
  children,
}: {
  title: string;
  id: string;
  /** Shown as a badge beside the title when above zero. */
  count?: number;
  countLabel?: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby={id} data-testid={id}>
      <Group justify="space-between" mb="sm" gap="sm" wrap="wrap">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          <Title order={2} size="h4" id={id}>
            {title}
          </Title>
          {!!count && count > 0 && (
            <Badge variant="light" size="lg" circle aria-label={countLabel}>
              {count}
            </Badge>
          )}
        </Group>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}

/** A plain list of the home's rows (each a bordered item), named for screen readers. */
export function HomeList({ label, children }: { label: string; children: ReactNode }) {
  return (
    <ul aria-label={label} style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 'var(--mantine-spacing-xs)' }}>
      {children}
    </ul>
  );
}
