import { Alert, Button, Group, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconDeviceFloppy, IconLock } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import { CARD_DESIGNS, CARD_LOCALES, careKeys, editGreeting, PERSONAL_LINE_MAX, previewUrl, type Greeting } from '../../api/care';
import { clientKeys } from '../../api/clients';
import { greetingError } from '../../lib/care';
import { useFormat } from '../../lib/format';

/**
 * The greeting's e-card as its contacts will see it, in either language and any design; its owner chooses the
 * design and writes a personal line until the cards have gone, and the preview shows what was saved.
 */
export function GreetingCardEditor({ greeting: g, isOwner }: { greeting: Greeting; isOwner: boolean }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const qc = useQueryClient();
  const uiLocale = (i18n.resolvedLanguage ?? 'en').startsWith('sq') ? 'sq' : 'en';
  // The cards' own language when they are all in one, else the reader's.
  const cardLocales = [...new Set((g.cards ?? []).map((c) => c.locale))];
  const [locale, setLocale] = useState<string>(cardLocales.length === 1 && CARD_LOCALES.some((l) => l === cardLocales[0]) ? cardLocales[0] : uiLocale);
  const [design, setDesign] = useState<string>(g.design);
  const [line, setLine] = useState(g.personal_line);
  const [lineError, setLineError] = useState<string | null>(null);
  // Bumped on each save: the preview is loaded again with what was saved.
  const [version, setVersion] = useState(0);
  const editable = isOwner && !g.cards_sent_at;
  const dirty = editable && (design !== g.design || line.trim() !== g.personal_line);

  const save = useMutation({
    mutationFn: () => editGreeting(g.id, { design, personal_line: line.trim() }),
    onSuccess: (next) => {
      qc.setQueryData(careKeys.greeting(g.id), next);
      void qc.invalidateQueries({ queryKey: careKeys.greetings, refetchType: 'none' });
      void qc.invalidateQueries({ queryKey: clientKeys.account(g.account_id) });
      setLine(next.personal_line);
      setDesign(next.design);
      setVersion((v) => v + 1);
      notifications.show({ color: 'green', message: t('care.card.saved') });
    },
    onError: (err) => {
      const errs = fieldErrors(err);
      if (errs.personal_line) setLineError(t('care.card.lineTooLong', { max: PERSONAL_LINE_MAX }));
      // The cards went meanwhile: show the greeting as it now stands.
      else void qc.invalidateQueries({ queryKey: careKeys.greeting(g.id) });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (line.trim().length > PERSONAL_LINE_MAX) {
      setLineError(t('care.card.lineTooLong', { max: PERSONAL_LINE_MAX }));
      return;
    }
    setLineError(null);
    save.mutate();
  };
  const saveFailed = save.isError && !lineError;

  return (
    <Stack gap="md">
      <Group gap="md" wrap="wrap" align="flex-end">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="card-language-label">
            {t('care.card.language')}
          </Text>
          <SegmentedControl
            aria-labelledby="card-language-label"
            value={locale}
            onChange={setLocale}
            data={CARD_LOCALES.map((l) => ({ value: l, label: t(`care.locale.${l}`) }))}
          />
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="card-design-label">
            {t('care.card.design')}
          </Text>
          <SegmentedControl
            aria-labelledby="card-design-label"
            value={design}
            onChange={setDesign}
            data={CARD_DESIGNS.map((d) => ({ value: d, label: t(`care.design.${d}`) }))}
          />
        </Stack>
      </Group>
      <iframe
        key={version}
        sandbox=""
        src={previewUrl(g.id, locale, design)}
        title={t('care.card.previewTitle')}
        data-testid="card-preview"
        style={{ width: '100%', height: 600, border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-md)', background: 'white' }}
      />
      {!editable && g.personal_line && (
        <Text size="sm" c="dimmed">
          {t('care.card.lineShown', { line: g.personal_line })}
        </Text>
      )}
      {editable ? (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Textarea
              label={t('care.card.personalLine')}
              description={t('care.card.personalLineHint', { used: line.length, max: PERSONAL_LINE_MAX })}
              placeholder={t('care.card.personalLinePlaceholder')}
              autosize
              minRows={2}
              maxRows={5}
              maxLength={PERSONAL_LINE_MAX}
              value={line}
              onChange={(e) => {
                setLine(e.currentTarget.value);
                if (lineError) setLineError(null);
              }}
              error={lineError}
            />
            {saveFailed && (
              <Alert color="red" variant="light" icon={<IconAlertCircle size={18} aria-hidden />} role="alert">
                {greetingError(save.error, g, t, fmt)}
              </Alert>
            )}
            <Group justify="space-between" gap="sm" wrap="wrap">
              <Text size="sm" c={dirty ? 'orange.8' : 'dimmed'}>
                {dirty ? t('care.card.unsaved') : t('care.card.goesOut')}
              </Text>
              <Button type="submit" leftSection={<IconDeviceFloppy size={16} aria-hidden />} loading={save.isPending} disabled={!dirty}>
                {t('care.card.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Alert color="gray" variant="light" icon={<IconLock size={18} aria-hidden />} data-testid="card-readonly">
          {g.cards_sent_at
            ? t('care.card.sent', { at: fmt.dateTime(g.cards_sent_at) })
            : t('care.card.onlyOwner', { name: g.owner.name })}
        </Alert>
      )}
    </Stack>
  );
}
