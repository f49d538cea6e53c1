import { Box, Group, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Green for a gentle buyer through red for the hardest. */
const COLORS = ['teal', 'lime', 'yellow', 'orange', 'red'];

/** A scenario's difficulty as five dots, the first n filled; read out as "Difficulty n of 5". */
export function DifficultyDots({ difficulty, size = 10 }: { difficulty: number; size?: number }) {
  const { t } = useTranslation();
  const n = Math.min(5, Math.max(0, Math.round(difficulty)));
  const color = `var(--mantine-color-${COLORS[Math.max(0, n - 1)]}-6)`;
  const label = t('scenario.difficultyOf', { n });
  return (
    <Tooltip label={label} openDelay={300}>
      <Group gap={4} wrap="nowrap" role="img" aria-label={label} data-testid="difficulty">
        {[1, 2, 3, 4, 5].map((i) => (
          <Box
            key={i}
            w={size}
            h={size}
            style={{
              borderRadius: '50%',
              background: i <= n ? color : 'transparent',
              border: `1.5px solid ${i <= n ? color : 'var(--mantine-color-gray-4)'}`,
            }}
          />
        ))}
      </Group>
    </Tooltip>
  );
}
