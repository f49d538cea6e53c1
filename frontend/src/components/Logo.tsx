import { Group, Text } from '@mantine/core';
import { Link } from 'react-router';

/** The Bullpen mark and name; `linked` (the default) makes it a link home, which candidates' pages do not want. */
export function Logo({ linked = true }: { linked?: boolean }) {
  const mark = (
    <Group gap={8} wrap="nowrap">
      <img src="/favicon.svg" alt="" width={28} height={28} />
      <Text fw={700} size="lg" component="span">
        Bullpen
      </Text>
    </Group>
  );
  if (!linked) {
    return (
      <div role="img" aria-label="Bullpen">
        {mark}
      </div>
    );
  }
  return (
    <Link to="/" style={{ textDecoration: 'none', color: 'inherit' }} aria-label="Bullpen">
      {mark}
    </Link>
  );
}
