import { Select } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { setMyLocale } from '../api/endpoints';
import { LANGUAGES } from '../i18n';

/**
 * Switches the UI's language. Signed in (`signedIn`), it also saves the choice on the server, so that the
 * e-mail Bullpen sends the user comes in the same language.
 */
export function LanguageSwitcher({ compact = false, signedIn = false }: { compact?: boolean; signedIn?: boolean }) {
  const { t, i18n } = useTranslation();
  const choose = (v: string | null) => {
    if (!v) return;
    void i18n.changeLanguage(v);
    if (signedIn) void setMyLocale(v).catch(() => undefined);
  };
  return (
    <Select
      aria-label={t('language.label')}
      label={compact ? undefined : t('language.label')}
      data={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))}
      value={i18n.resolvedLanguage ?? 'en'}
      onChange={choose}
      allowDeselect={false}
      leftSection={<IconLanguage size={16} aria-hidden />}
      w={compact ? 132 : undefined}
      size="sm"
      comboboxProps={{ withinPortal: true }}
      data-testid="language-switcher"
    />
  );
}
