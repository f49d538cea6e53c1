import { List, Text, ThemeIcon } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WorkingStep } from '../api/types';
import { useFormat } from '../lib/format';
import { translateStep } from '../lib/working';

export function WorkingSteps({ steps, currency }: { steps: WorkingStep[]; currency: string }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const exists = (key: string, options?: { count?: number }) => i18n.exists(key, options);
  if (!steps?.length) return <Text c="dimmed" size="sm">{t('sizing.noWorking')}</Text>;
  return (
    <List
      type="ordered"
      spacing="xs"
      size="sm"
      center={false}
      data-testid="working-steps"
      icon={undefined}
      styles={{ itemWrapper: { alignItems: 'flex-start' } }}
    >
      {steps.map((s, i) => (
        <List.Item
          key={`${s.code}-${i}`}
          icon={
            <ThemeIcon size={22} radius="xl" variant="light" aria-hidden>
              <Text size="xs" fw={700}>
                {i + 1}
              </Text>
            </ThemeIcon>
          }
        >
          {translateStep(s, fmt, currency, t, exists)}
        </List.Item>
      ))}
    </List>
  );
}
