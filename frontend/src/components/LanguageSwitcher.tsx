import { Select } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n';

export function LanguageSwitcher({ compact = false }: { compact?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <Select
      aria-label={t('language.label')}
      label={compact ? undefined : t('language.label')}
      data={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))}
      value={i18n.resolvedLanguage ?? 'en'}
      onChange={(v) => v && void i18n.changeLanguage(v)}
      allowDeselect={false}
      leftSection={<IconLanguage size={16} aria-hidden />}
      w={compact ? 132 : undefined}
      size="sm"
      comboboxProps={{ withinPortal: true }}
      data-testid="language-switcher"
    />
  );
}
