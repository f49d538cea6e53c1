import { ActionIcon, Alert, Anchor, Breadcrumbs, Button, CopyButton, Group, Paper, Skeleton, Stack, Tabs, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconExternalLink, IconInfoCircle, IconLayoutKanban, IconScale, IconSettings, IconUpload, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useOpening } from '../api/queries';
import type { OpeningDecision } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { CompareTab } from '../components/opening/CompareTab';
import { ImportTab } from '../components/opening/ImportTab';
import { SettingsTab } from '../components/opening/SettingsTab';
import { OpeningDecisionModal } from '../components/OpeningDecisionModal';
import { PageHeader } from '../components/PageHeader';
import { PipelineBoard } from '../components/pipeline/PipelineBoard';
import { StatusBadge } from '../components/StatusBadge';
import { useFormat } from '../lib/format';
import { applyUrl, canDecideOpening, canManagePipeline } from '../lib/pipeline';
import { useCurrentUser } from '../lib/useCurrentUser';

const TABS = ['pipeline', 'compare', 'settings', 'import'] as const;

/** One opening: its pipeline board, its candidates compared, its settings and its CSV imports. */
export function OpeningPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useCurrentUser();
  const id = Number(useParams().id);
  const opening = useOpening(id);
  const [params, setParams] = useSearchParams();
  const [deciding, setDeciding] = useState<OpeningDecision | null>(null);

  if (opening.isPending) {
    return (
      <Stack>
        <Skeleton height={40} width="50%" />
        <Skeleton height={360} radius="md" />
      </Stack>
    );
  }
  if (opening.isError) return <ErrorAlert error={opening.error} onRetry={() => void opening.refetch()} />;

  const o = opening.data;
  const canManage = canManagePipeline(me);
  const asked = params.get('tab');
  const tab = canManage && TABS.includes(asked as (typeof TABS)[number]) ? (asked as string) : 'pipeline';
  const url = applyUrl(o);

  return (
    <>
      <Breadcrumbs mb="xs" aria-label={t('common.breadcrumbs')}>
        <Anchor component={Link} to="/openings" size="sm">
          {t('openings.title')}
        </Anchor>
        <Text size="sm" c="dimmed" truncate maw={260}>
          {o.title}
        </Text>
      </Breadcrumbs>
      <PageHeader
        title={o.title}
        badge={<StatusBadge status={o.status} size="lg" />}
        description={t('opening.meta', {
          role: t(`roles.${o.role}`, { defaultValue: o.role }),
          seats: t('opening.seats', { count: o.seats }),
          hired: o.counts?.hired ?? 0,
          created: fmt.date(o.created_at),
        })}
      />
      <Stack gap="md" mb="md">
        <Paper withBorder radius="md" px="md" py="xs">
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
              {t('opening.applyLink')}
            </Text>
            <Anchor href={url} target="_blank" rel="noopener" size="sm" truncate="end" style={{ minWidth: 0 }} data-testid="apply-link">
              {url}
            </Anchor>
            <IconExternalLink size={14} aria-hidden style={{ flex: 'none' }} />
            <CopyButton value={url} timeout={2000}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? t('opening.copied') : t('opening.copy')} withArrow>
                  <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={copied ? t('opening.copied') : t('opening.copy')}>
                    {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
            {o.status !== 'open' && (
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {t('opening.applyClosed')}
              </Text>
            )}
          </Group>
        </Paper>
        {o.status === 'pending_approval' &&
          (canDecideOpening(me, o) ? (
            <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} aria-hidden />} title={t('opening.pendingDecideTitle')}>
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{t('opening.pendingDecide')}</Text>
                <Group gap="xs">
                  <Button size="xs" color="green" leftSection={<IconCheck size={14} aria-hidden />} onClick={() => setDeciding('approve')}>
                    {t('openingDecision.approve')}
                  </Button>
                  <Button size="xs" color="red" variant="light" leftSection={<IconX size={14} aria-hidden />} onClick={() => setDeciding('reject')}>
                    {t('openingDecision.reject')}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          ) : (
            <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} aria-hidden />}>
              {t('opening.pendingWait')}
            </Alert>
          ))}
      </Stack>

      <Tabs
        value={tab}
        onChange={(v) => setParams(v && v !== 'pipeline' ? { tab: v } : {}, { replace: true })}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="pipeline" leftSection={<IconLayoutKanban size={16} aria-hidden />}>
            {t('opening.tab.pipeline')}
          </Tabs.Tab>
          {canManage && (
            <Tabs.Tab value="compare" leftSection={<IconScale size={16} aria-hidden />}>
              {t('opening.tab.compare')}
            </Tabs.Tab>
          )}
          {canManage && (
            <Tabs.Tab value="settings" leftSection={<IconSettings size={16} aria-hidden />}>
              {t('opening.tab.settings')}
            </Tabs.Tab>
          )}
          {canManage && (
            <Tabs.Tab value="import" leftSection={<IconUpload size={16} aria-hidden />}>
              {t('opening.tab.import')}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="pipeline">
          <PipelineBoard opening={o} canManage={canManage} />
        </Tabs.Panel>
        {canManage && tab === 'compare' && (
          <Tabs.Panel value="compare">
            <CompareTab opening={o} />
          </Tabs.Panel>
        )}
        {canManage && (
          <Tabs.Panel value="settings">
            <SettingsTab key={o.id} opening={o} />
          </Tabs.Panel>
        )}
        {canManage && (
          <Tabs.Panel value="import">
            <ImportTab opening={o} />
          </Tabs.Panel>
        )}
      </Tabs>
      {deciding && <OpeningDecisionModal opening={o} decision={deciding} onClose={() => setDeciding(null)} />}
    </>
  );
}
