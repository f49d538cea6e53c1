import i18n, { type BackendModule, type ResourceKey } from 'i18next';
import { useEffect, useState } from 'react';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'sq', label: 'Shqip' },
] as const;

const STORAGE_KEY = 'bullpen.lang';

// Each language's translations are a chunk of their own, fetched when that language is first used: the
// initial bundle carries none of them, and the UI waits for the starting language (i18nReady) before it renders.
const LOCALES: Record<string, () => Promise<{ default: ResourceKey }>> = {
  en: () => import('./locales/en.json'),
  sq: () => import('./locales/sq.json'),
};

const localeBackend: BackendModule = {
  type: 'backend',
  callbackApi: true,
  init() {},
  read(language, _namespace, callback) {
    const load = LOCALES[language];
    if (!load) {
      callback(null, {});
      return;
    }
    load().then(
      (m) => callback(null, m.default),
      (err: unknown) => callback(err instanceof Error ? err : String(err), false),
    );
  },
};

function initialLanguage(): string {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'sq') return saved;
  } catch {
    // storage unavailable: fall through to the browser's language
  }
  return navigator.language?.toLowerCase().startsWith('sq') ? 'sq' : 'en';
}

/** Resolves once the starting language's translations are in; main.tsx renders the app after it. */
export const i18nReady: Promise<unknown> = i18n
  .use(localeBackend)
  .use(initReactI18next)
  .init({
    lng: initialLanguage(),
    // No fallback language: en.json and sq.json have exactly the same keys (npm run i18n:check), so a
    // fallback would never be used, and it would make an Albanian UI download the English translations too.
    fallbackLng: false,
    supportedLngs: ['en', 'sq'],
    ns: ['translation'],
    defaultNS: 'translation',
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  .then(() => {
    document.documentElement.lang = i18n.language;
    i18n.on('languageChanged', (lng) => {
      document.documentElement.lang = lng;
      try {
        localStorage.setItem(STORAGE_KEY, lng);
      } catch {
        // ignore
      }
    });
  });

let allLanguages: Promise<void> | undefined;

function allLanguagesLoaded(): boolean {
  return LANGUAGES.every((l) => i18n.hasResourceBundle(l.code, 'translation'));
}

/**
 * Loads every language's translations, for the few places that translate into a language other than the
 * UI's (i18n.getFixedT); false until they are in (or failed to load).
 */
export function useAllLanguages(): boolean {
  const [loaded, setLoaded] = useState(allLanguagesLoaded);
  useEffect(() => {
    if (loaded) return;
    let live = true;
    allLanguages ??= i18n.loadLanguages(LANGUAGES.map((l) => l.code));
    void allLanguages.then(() => {
      if (live) setLoaded(true);
    });
    return () => {
      live = false;
    };
  }, [loaded]);
  return loaded;
}

export default i18n;
