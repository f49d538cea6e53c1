import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { cvUrl } from '../../api/endpoints';
import type { Application } from '../../api/types';
import { useFormat } from '../../lib/format';

/** A candidate's contact data and where they came from, as a two-column list. */
export function ProfileList({ app, compact }: { app: Application; compact?: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const c = app.candidate;
  const none = (
    <Text span size="sm" c="dimmed">
      —
    </Text>
  );
  const rows: [string, React.ReactNode][] = [
    [t('candidate.email'), <Anchor key="e" href={`mailto:${c.email}`} size="sm">{c.email}</Anchor>],
    [t('candidate.phone'), c.phone ? <Anchor key="p" href={`tel:${c.phone.replace(/[^\d+]/g, '')}`} size="sm">{c.phone}</Anchor> : none],
    [t('candidate.location'), c.location || none],
    [t('candidate.language'), t(`candidate.locale.${c.locale}`, { defaultValue: c.locale })],
    [t('candidate.source'), t(`source.${app.source}`, { defaultValue: app.source })],
    [t('candidate.applied'), fmt.date(app.created_at)],
  ];
  if (!compact) {
    rows.push([t('candidate.consent'), c.consent_at ? fmt.dateTime(c.consent_at) : <Text key="c" span size="sm" c="dimmed">{t('candidate.noConsent')}</Text>]);
    rows.push([
      t('candidate.cv'),
      c.has_cv ? (
        <Anchor key="cv" href={cvUrl(app.id)} download size="sm">
          {t('candidate.downloadCv')}
        </Anchor>
      ) : (
        <Text key="cv" span size="sm" c="dimmed">{t('candidate.noCv')}</Text>
      ),
    ]);
  }
  return (
    <Table variant="vertical" layout="fixed" withRowBorders={false} verticalSpacing={4} horizontalSpacing={0}>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={120} bg="transparent" fw={500} c="dimmed" fz="sm">
              {label}
            </Table.Th>
            <Table.Td fz="sm" style={{ overflowWrap: 'anywhere' }}>
              {value}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
