import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertCircle, IconFileTypeCsv, IconUpload } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, isApiError } from '../../api/client';
import { previewImport, startImport } from '../../api/endpoints';
import { keys, useImport, useImports } from '../../api/queries';
import type { ImportJob, Opening } from '../../api/types';
import { useFormat } from '../../lib/format';
import { DataTable } from '../DataTable';
import { LoadMoreOf } from '../LoadMore';
import { ErrorAlert } from '../ErrorAlert';

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h5" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

const IMPORT_COLORS: Record<string, string> = { running: 'blue', finished: 'green', failed: 'red' };

/** An import's progress while it runs, then what it did and the rows it refused. */
function ImportProgress({ id, openingId }: { id: number; openingId: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const qc = useQueryClient();
  const job = useImport(id);
  const im = job.data;
  const status = im?.status;
  useEffect(() => {
    if (status && status !== 'running') {
      void qc.invalidateQueries({ queryKey: keys.applications(openingId) });
      void qc.invalidateQueries({ queryKey: keys.imports(openingId) });
      void qc.invalidateQueries({ queryKey: keys.openings });
    }
  }, [status, openingId, qc]);

  if (job.isError) return <ErrorAlert error={job.error} onRetry={() => void job.refetch()} />;
  if (!im) return <Progress value={0} animated aria-label={t('imports.progressLabel')} />;
  const pct = im.total > 0 ? Math.round((100 * im.done) / im.total) : im.status === 'running' ? 0 : 100;
  return (
    <Stack gap="sm" data-testid="import-progress">
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          {t('imports.importNumber', { id: im.id })} · {fmt.dateTime(im.created_at)}
        </Text>
        <Badge color={IMPORT_COLORS[im.status] ?? 'gray'} variant="light" tt="none">
          {t(`imports.status.${im.status}`, { defaultValue: im.status })}
        </Badge>
      </Group>
      <Progress.Root size="lg" aria-label={t('imports.progressLabel')}>
        <Progress.Section value={pct} animated={im.status === 'running'} color={im.status === 'failed' ? 'red' : undefined}>
          <Progress.Label>{pct}%</Progress.Label>
        </Progress.Section>
      </Progress.Root>
      <Text size="sm" aria-live="polite">
        {t('imports.doneOf', { done: fmt.number(im.done), total: fmt.number(im.total) })}
      </Text>
      {im.status !== 'running' && (
        <>
          {im.status === 'failed' && (
            <Alert color="red" icon={<IconAlertCircle size={18} aria-hidden />} title={t('imports.failed')}>
              {im.message || t('errors.generic')}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }} data-testid="import-summary">
            <Paper withBorder p="sm" radius="md">
              <Text size="xs" c="dimmed">
                {t('imports.created')}
              </Text>
              <Text fw={700} size="xl" c="green">
                {fmt.number(im.created)}
              </Text>
            </Paper>
            <Paper withBorder p="sm" radius="md">
              <Text size="xs" c="dimmed">
                {t('imports.duplicates')}
              </Text>
              <Text fw={700} size="xl">
                {fmt.number(im.duplicates)}
              </Text>
            </Paper>
            <Paper withBorder p="sm" radius="md">
              <Text size="xs" c="dimmed">
                {t('imports.refused')}
              </Text>
              <Text fw={700} size="xl" c={im.failed ? 'red' : undefined}>
                {fmt.number(im.failed)}
              </Text>
            </Paper>
          </SimpleGrid>
          {im.errors.length > 0 && (
            <>
              <Text size="sm" fw={600}>
                {t('imports.refusedRows')}
              </Text>
              <DataTable minWidth={480} columns={[{ label: t('imports.col.line'), align: 'right' }, { label: t('imports.col.field') }, { label: t('imports.col.message') }]}>
                {im.errors.map((e, i) => (
                  <Table.Tr key={`${e.line}-${e.field}-${i}`}>
                    <Table.Td ta="right">{e.line}</Table.Td>
                    <Table.Td>{e.field ? t(`importField.${e.field}`, { defaultValue: e.field }) : '—'}</Table.Td>
                    <Table.Td>{e.message}</Table.Td>
                  </Table.Tr>
                ))}
              </DataTable>
            </>
          )}
        </>
      )}
    </Stack>
  );
}

/** Candidates from a CSV file: preview and map its columns, import, follow the progress, see what was refused. */
export function ImportTab({ opening }: { opening: Opening }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  // null: the server's suggested mapping; otherwise the user's own.
  const [mapping, setMapping] = useState<Record<string, string> | null>(null);
  const [importId, setImportId] = useState<number | null>(null);
  const imports = useImports(opening.id);

  const preview = useQuery({
    queryKey: ['import-preview', opening.id, fileKey, mapping],
    queryFn: () => previewImport(opening.id, file as File, mapping ?? undefined),
    enabled: file !== null,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    retry: false,
  });
  const p = file ? preview.data : undefined;
  const current = mapping ?? p?.mapping ?? {};

  const start = useMutation({
    mutationFn: () => startImport(opening.id, file as File, current),
    onSuccess: (im) => {
      setImportId(im.id);
      setFile(null);
      setMapping(null);
    },
  });
  const mappingErrors = fieldErrors(start.error);

  const choose = (f: File | null) => {
    setFile(f);
    setFileKey((k) => k + 1);
    setMapping(null);
    start.reset();
  };
  const setColumn = (field: string, column: string | null) => {
    const next = { ...current };
    if (column) next[field] = column;
    else delete next[field];
    setMapping(next);
  };
  const startError =
    start.isError &&
    (!isApiError(start.error) || start.error.status !== 400 || Object.keys(mappingErrors).some((k) => !k.startsWith('mapping.')));
  const notOpen = opening.status !== 'open';

  return (
    <Stack gap="lg">
      <Section title={t('imports.title')} id="import-file">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('imports.hint')}
          </Text>
          {notOpen && (
            <Alert color="yellow" icon={<IconAlertCircle size={18} aria-hidden />}>
              {t('imports.notOpen')}
            </Alert>
          )}
          <FileInput
            label={t('imports.file')}
            description={t('imports.fileHint')}
            placeholder={t('imports.choose')}
            accept=".csv,text/csv"
            clearable
            leftSection={<IconFileTypeCsv size={16} aria-hidden />}
            value={file}
            onChange={choose}
            disabled={notOpen}
            w={{ base: '100%', sm: 420 }}
          />
          {file && preview.isError && <ErrorAlert error={preview.error} />}
          {file && preview.isPending && <Text size="sm">{t('imports.reading')}</Text>}
        </Stack>
      </Section>

      {p && (
        <Section title={t('imports.mappingTitle')} id="import-mapping">
          <Stack gap="md">
            <Text size="sm">{t('imports.rows', { count: p.rows })}</Text>
            <Group gap={4} aria-label={t('imports.columns')}>
              <Text size="sm" fw={500} mr={4}>
                {t('imports.columns')}:
              </Text>
              {p.header.map((h) => (
                <Badge key={h} variant="default" tt="none">
                  {h}
                </Badge>
              ))}
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
              {p.fields.map((field) => (
                <Select
                  key={field}
                  label={t(`importField.${field}`, { defaultValue: field })}
                  placeholder={t('imports.notMapped')}
                  clearable
                  data={p.header.filter((h) => h !== '').map((h) => ({ value: h, label: h }))}
                  value={current[field] ?? null}
                  onChange={(col) => setColumn(field, col)}
                  error={mappingErrors[`mapping.${field}`]}
                />
              ))}
            </SimpleGrid>
            <Text size="sm" fw={600}>
              {t('imports.sample')}
            </Text>
            <DataTable
              minWidth={560}
              columns={[
                { label: t('imports.col.line'), align: 'right' },
                { label: t('importField.name') },
                { label: t('importField.email') },
                { label: t('imports.col.problems') },
              ]}
            >
              {p.sample.map((r) => (
                <Table.Tr key={r.line}>
                  <Table.Td ta="right">{r.line}</Table.Td>
                  <Table.Td>{r.name || '—'}</Table.Td>
                  <Table.Td>{r.email || '—'}</Table.Td>
                  <Table.Td>
                    {r.errors.length === 0 ? (
                      <Text size="sm" c="green">
                        {t('imports.rowOk')}
                      </Text>
                    ) : (
                      r.errors.map((e, i) => (
                        <Text key={i} size="sm" c="red">
                          {e.field ? `${t(`importField.${e.field}`, { defaultValue: e.field })}: ` : ''}
                          {e.message}
                        </Text>
                      ))
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
            {startError && <ErrorAlert error={start.error} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => choose(null)}>
                {t('common.cancel')}
              </Button>
              <Button leftSection={<IconUpload size={16} aria-hidden />} onClick={() => start.mutate()} loading={start.isPending} disabled={notOpen || p.rows === 0}>
                {t('imports.start', { count: p.rows, n: fmt.number(p.rows) })}
              </Button>
            </Group>
          </Stack>
        </Section>
      )}

      {importId !== null && (
        <Section title={t('imports.progressTitle')} id="import-progress">
          <ImportProgress key={importId} id={importId} openingId={opening.id} />
        </Section>
      )}

      <Section title={t('imports.previous')} id="import-history">
        {imports.query.isError ? (
          <ErrorAlert error={imports.query.error} onRetry={() => void imports.query.refetch()} />
        ) : !imports.items.length ? (
          <Text size="sm" c="dimmed">
            {imports.query.isPending ? t('common.loading') : t('imports.none')}
          </Text>
        ) : (
          <DataTable
            minWidth={640}
            columns={[
              { label: t('imports.col.started') },
              { label: t('imports.col.status') },
              { label: t('imports.created'), align: 'right' },
              { label: t('imports.duplicates'), align: 'right' },
              { label: t('imports.refused'), align: 'right' },
              { label: t('imports.col.rows'), align: 'right' },
            ]}
          >
            {imports.items.map((im: ImportJob) => (
              <Table.Tr key={im.id}>
                <Table.Td>
                  <Anchor component="button" type="button" size="sm" onClick={() => setImportId(im.id)}>
                    {fmt.dateTime(im.created_at)}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Badge color={IMPORT_COLORS[im.status] ?? 'gray'} variant="light" tt="none">
                    {t(`imports.status.${im.status}`, { defaultValue: im.status })}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">{fmt.number(im.created)}</Table.Td>
                <Table.Td ta="right">{fmt.number(im.duplicates)}</Table.Td>
                <Table.Td ta="right">{fmt.number(im.failed)}</Table.Td>
                <Table.Td ta="right">{fmt.number(im.total)}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
        <LoadMoreOf list={imports} />
      </Section>
    </Stack>
  );
}
