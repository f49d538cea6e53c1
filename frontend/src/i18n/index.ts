import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import sq from './locales/sq.json';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'sq', label: 'Shqip' },
] as const;

const STORAGE_KEY = 'bullpen.lang';

function initialLanguage(): string {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'sq') return saved;
  } catch {
    // storage unavailable: fall through to the browser's language
  }
  return navigator.language?.toLowerCase().startsWith('sq') ? 'sq' : 'en';
}

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, sq: { translation: sq } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: ['en', 'sq'],
  interpolation: { escapeValue: false },
  returnNull: false,
});

document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // ignore
  }
});

export default i18n;
