import { Group, Text } from '@mantine/core';
import { Link } from 'react-router';

export function Logo() {
  return (
    <Link to="/" style={{ textDecoration: 'none', color: 'inherit' }} aria-label="Bullpen">
      <Group gap={8} wrap="nowrap">
        <img src="/favicon.svg" alt="" width={28} height={28} />
        <Text fw={700} size="lg" component="span">
          Bullpen
        </Text>
      </Group>
    </Link>
  );
}
