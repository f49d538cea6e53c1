import { Button, Group, Menu, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconDeviceFloppy, IconTemplate } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import { saveTemplate } from '../../api/endpoints';
import { keys, useTemplates } from '../../api/queries';
import { toQuestionnaire, toQuestionnaireValues, type SettingsValues } from '../../lib/openingForm';
import { ErrorAlert } from '../ErrorAlert';

type Form = UseFormReturnType<SettingsValues>;

function SaveTemplateModal({ form, onClose }: { form: Form; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const templates = useTemplates();
  const [title, setTitle] = useState('');
  const [replace, setReplace] = useState<string | null>(null);
  const [titleError, setTitleError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => saveTemplate(title.trim(), toQuestionnaire(form.getValues().questionnaire), replace ? Number(replace) : undefined),
    onSuccess: (tpl) => {
      void qc.invalidateQueries({ queryKey: keys.templates });
      notifications.show({ color: 'green', message: t('templates.saved', { title: tpl.title }) });
      onClose();
    },
    onError: (err) => {
      const errs = fieldErrors(err);
      setTitleError(errs.title ?? null);
      // The questionnaire's own faults belong next to its inputs, in the settings form.
      const inForm = Object.fromEntries(Object.entries(errs).filter(([k]) => k.startsWith('questionnaire')));
      if (Object.keys(inForm).length) {
        form.setErrors(inForm);
        notifications.show({ color: 'red', message: t('templates.fixQuestionnaire') });
        onClose();
      }
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('templates.saveTitle')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          // The modal is portalled out of the settings form, but React still bubbles its submit there.
          e.stopPropagation();
          if (!title.trim()) {
            setTitleError(t('templates.titleRequired'));
            return;
          }
          save.mutate();
        }}
        noValidate
      >
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('templates.saveHint')}
          </Text>
          <TextInput
            label={t('templates.name')}
            required
            maxLength={200}
            data-autofocus
            value={title}
            onChange={(e) => {
              setTitle(e.currentTarget.value);
              setTitleError(null);
            }}
            error={titleError}
          />
          <Select
            label={t('templates.replace')}
            description={t('templates.replaceHint')}
            placeholder={t('templates.replaceNone')}
            clearable
            data={(templates.data ?? []).map((tpl) => ({ value: String(tpl.id), label: tpl.title }))}
            value={replace}
            onChange={(v) => {
              setReplace(v);
              const tpl = templates.data?.find((x) => String(x.id) === v);
              if (tpl && !title.trim()) setTitle(tpl.title);
            }}
          />
          {save.isError && !titleError && Object.keys(fieldErrors(save.error)).length === 0 && <ErrorAlert error={save.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('templates.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** "Load from template" replaces the questionnaire being edited; "Save as template" keeps it for reuse. */
export function TemplateControls({ form, disabled }: { form: Form; disabled?: boolean }) {
  const { t } = useTranslation();
  const templates = useTemplates();
  const [saving, setSaving] = useState(false);
  const list = templates.data ?? [];
  return (
    <Group gap="xs">
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconTemplate size={14} aria-hidden />}
            rightSection={<IconChevronDown size={14} aria-hidden />}
            disabled={disabled}
            loading={templates.isPending}
          >
            {t('templates.load')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {list.length === 0 ? (
            <Menu.Item disabled>{templates.isError ? t('templates.loadFailed') : t('templates.none')}</Menu.Item>
          ) : (
            list.map((tpl) => (
              <Menu.Item
                key={tpl.id}
                onClick={() => {
                  form.setFieldValue('use_questionnaire', true);
                  form.setFieldValue('questionnaire', toQuestionnaireValues(tpl.questionnaire));
                  notifications.show({ message: t('templates.loaded', { title: tpl.title }) });
                }}
              >
                {tpl.title}
              </Menu.Item>
            ))
          )}
        </Menu.Dropdown>
      </Menu>
      <Button
        variant="default"
        size="xs"
        leftSection={<IconDeviceFloppy size={14} aria-hidden />}
        disabled={disabled || !form.getValues().use_questionnaire}
        onClick={() => setSaving(true)}
      >
        {t('templates.saveAs')}
      </Button>
      {saving && <SaveTemplateModal form={form} onClose={() => setSaving(false)} />}
    </Group>
  );
}
