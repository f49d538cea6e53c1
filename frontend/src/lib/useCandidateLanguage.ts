import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Puts a public page in the candidate's language once, when the server says it (en or sq), for each link
 * (key) opened; the candidate can still switch it afterwards.
 */
export function useCandidateLanguage(locale: string | undefined, key: string) {
  const { i18n } = useTranslation();
  const switched = useRef<string | null>(null);
  useEffect(() => {
    if (!locale || switched.current === key) return;
    switched.current = key;
    if ((locale === 'en' || locale === 'sq') && i18n.resolvedLanguage !== locale) void i18n.changeLanguage(locale);
  }, [locale, key, i18n]);
}
