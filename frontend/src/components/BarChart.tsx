import { Box, Grid, Group, Stack, Text } from '@mantine/core';

/** One series of bars (e.g. "reached"), drawn in a theme color. */
export interface BarSeries {
  key: string;
  label: string;
  color: string;
}

/** One category (a stage, a source) with a value per series. */
export interface BarRow {
  label: string;
  values: Record<string, number>;
}

/**
 * A horizontal grouped bar chart drawn with plain elements: a row per category, a bar per series, each
 * bar labelled with its number. Screen readers get the numbers as one sentence (the page's tables have them
 * too); on a phone the category names go above their bars.
 */
export function BarChart({
  title,
  rows,
  series,
  format = String,
  testId,
}: {
  title: string;
  rows: BarRow[];
  series: BarSeries[];
  format?: (n: number) => string;
  testId?: string;
}) {
  const max = Math.max(1, ...rows.flatMap((r) => series.map((s) => r.values[s.key] ?? 0)));
  const summary = rows
    .map((r) => `${r.label}: ${series.map((s) => `${s.label} ${format(r.values[s.key] ?? 0)}`).join(', ')}`)
    .join('; ');
  return (
    <Stack gap="sm" data-testid={testId}>
      <Group gap="md" aria-hidden>
        {series.map((s) => (
          <Group key={s.key} gap={6} wrap="nowrap">
            <Box w={12} h={12} bg={`${s.color}.6`} style={{ borderRadius: 3 }} />
            <Text size="xs" c="dimmed">
              {s.label}
            </Text>
          </Group>
        ))}
      </Group>
      <Box role="img" aria-label={`${title}. ${summary}`}>
        <Stack gap="sm" aria-hidden>
          {rows.map((r) => (
            <Grid key={r.label} rowGap={2} columnGap="md" align="center">
              <Grid.Col span={{ base: 12, sm: 3 }}>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {r.label}
                </Text>
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 9 }}>
                <Stack gap={3}>
                  {series.map((s) => {
                    const v = r.values[s.key] ?? 0;
                    return (
                      <Group key={s.key} gap={6} wrap="nowrap">
                        <Box
                          h={12}
                          bg={`${s.color}.6`}
                          style={{
                            width: v > 0 ? `max(3px, calc((100% - 56px) * ${v / max}))` : 0,
                            borderRadius: 3,
                            flexShrink: 0,
                          }}
                        />
                        <Text size="xs" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
                          {format(v)}
                        </Text>
                      </Group>
                    );
                  })}
                </Stack>
              </Grid.Col>
            </Grid>
          ))}
        </Stack>
      </Box>
    </Stack>
  );
}
