import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { STAGES, type Opening, type Stage } from '../api/types';
import { STAGE_COLORS } from '../lib/pipeline';

/** A stage's name in its colour. */
export function StageBadge({ stage, size = 'sm' }: { stage: Stage | string; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge color={STAGE_COLORS[stage as Stage] ?? 'gray'} variant="light" size={size} tt="none" data-testid="stage-badge">
      {t(`stage.${stage}`, { defaultValue: stage.replace(/_/g, ' ') })}
    </Badge>
  );
}

/** An opening's applications counted per stage, as small chips (stages with none are left out). */
export function StageCounts({ counts }: { counts: Opening['counts'] }) {
  const { t } = useTranslation();
  const present = STAGES.filter((s) => (counts?.[s] ?? 0) > 0);
  if (!present.length) {
    return (
      <Text size="xs" c="dimmed">
        {t('openings.noCandidates')}
      </Text>
    );
  }
  return (
    <Group gap={4} wrap="wrap" data-testid="stage-counts">
      {present.map((s) => (
        <Badge key={s} size="xs" variant="light" color={STAGE_COLORS[s]} tt="none" radius="sm">
          {t('openings.stageCount', { stage: t(`stage.${s}`), count: counts[s] ?? 0 })}
        </Badge>
      ))}
    </Group>
  );
}
