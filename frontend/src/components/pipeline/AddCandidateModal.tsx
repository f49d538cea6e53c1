import { Alert, Anchor, Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fieldErrors, isApiError } from '../../api/client';
import { addApplication } from '../../api/endpoints';
import { keys } from '../../api/queries';
import { SOURCES, type Application, type Opening } from '../../api/types';
import { ErrorAlert } from '../ErrorAlert';

const FIELDS = ['name', 'email', 'phone', 'location', 'locale', 'source', 'tags', 'note'];

/** A recruiter adds a candidate by hand; the same e-mail again finds the application they already have. */
export function AddCandidateModal({ opening, opened, onClose }: { opening: Opening; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [duplicate, setDuplicate] = useState<Application | null>(null);
  const hasQuestionnaire = !!opening.questionnaire;
  const initialValues = {
    name: '',
    email: '',
    phone: '',
    location: '',
    locale: 'sq' as string | null,
    source: 'recruiter' as string | null,
    tags: [] as string[],
    note: '',
    send_questionnaire: hasQuestionnaire,
  };
  const form = useForm({
    mode: 'controlled',
    initialValues,
    validate: {
      name: (v) => (v.trim() ? null : t('addCandidate.nameRequired')),
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : t('addCandidate.emailInvalid')),
    },
  });
  const add = useMutation({
    mutationFn: () => {
      const v = form.getValues();
      return addApplication(opening.id, {
        name: v.name.trim(),
        email: v.email.trim(),
        phone: v.phone.trim(),
        location: v.location.trim(),
        locale: v.locale ?? 'en',
        source: v.source ?? 'recruiter',
        tags: v.tags,
        note: v.note.trim(),
        send_questionnaire: hasQuestionnaire && v.send_questionnaire,
      });
    },
    onSuccess: (app) => {
      if (app.duplicate) {
        setDuplicate(app);
        return;
      }
      void qc.invalidateQueries({ queryKey: keys.applications(opening.id) });
      void qc.invalidateQueries({ queryKey: keys.openings });
      notifications.show({ color: 'green', message: t('addCandidate.added', { name: app.candidate.name }) });
      close();
    },
    onError: (err) => form.setErrors(fieldErrors(err)),
  });
  const close = () => {
    add.reset();
    form.reset();
    setDuplicate(null);
    onClose();
  };
  const orphan =
    add.isError &&
    (!isApiError(add.error) || add.error.status !== 400 || Object.keys(fieldErrors(add.error)).some((k) => !FIELDS.includes(k)));

  return (
    <Modal opened={opened} onClose={close} title={t('addCandidate.title', { title: opening.title })} size="lg">
      <form onSubmit={form.onSubmit(() => add.mutate())} noValidate>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('candidate.name')} required maxLength={200} data-autofocus {...form.getInputProps('name')} />
            <TextInput
              label={t('candidate.email')}
              type="email"
              required
              maxLength={254}
              {...form.getInputProps('email')}
              onChange={(e) => {
                setDuplicate(null);
                form.getInputProps('email').onChange(e);
              }}
            />
            <TextInput label={t('candidate.phone')} type="tel" maxLength={40} {...form.getInputProps('phone')} />
            <TextInput label={t('candidate.location')} maxLength={200} {...form.getInputProps('location')} />
            <Select
              label={t('candidate.language')}
              description={t('addCandidate.languageHint')}
              allowDeselect={false}
              data={[
                { value: 'sq', label: t('candidate.locale.sq') },
                { value: 'en', label: t('candidate.locale.en') },
              ]}
              {...form.getInputProps('locale')}
            />
            <Select
              label={t('candidate.source')}
              allowDeselect={false}
              data={SOURCES.filter((s) => s !== 'apply_page' && s !== 'import').map((s) => ({ value: s, label: t(`source.${s}`) }))}
              {...form.getInputProps('source')}
            />
          </SimpleGrid>
          <TagsInput
            label={t('candidate.tags')}
            description={t('addCandidate.tagsHint')}
            maxTags={20}
            maxLength={40}
            clearable
            {...form.getInputProps('tags')}
          />
          <Textarea label={t('addCandidate.note')} autosize minRows={2} maxRows={6} maxLength={4000} {...form.getInputProps('note')} />
          <Checkbox
            label={t('addCandidate.sendQuestionnaire')}
            description={hasQuestionnaire ? t('addCandidate.sendQuestionnaireHint', { days: opening.questionnaire_days }) : t('addCandidate.noQuestionnaire')}
            disabled={!hasQuestionnaire}
            {...form.getInputProps('send_questionnaire', { type: 'checkbox' })}
          />
          {duplicate && (
            <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} aria-hidden />} title={t('addCandidate.duplicateTitle')} role="alert">
              {t('addCandidate.duplicate', { name: duplicate.candidate.name, stage: t(`stage.${duplicate.stage}`) })}{' '}
              <Anchor component={Link} to={`/applications/${duplicate.id}`} size="sm">
                {t('addCandidate.openExisting')}
              </Anchor>
            </Alert>
          )}
          {orphan && <ErrorAlert error={add.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t('addCandidate.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
