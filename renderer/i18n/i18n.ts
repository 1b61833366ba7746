// i18next over the contract's catalogues: the core's keys (errors, roles, history) and the screens' keys.
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogues, LANGUAGES, type Language } from '../../db/contract/catalogues/index.ts';
import { readLanguage, saveLanguage } from './language.ts';

function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export async function startI18n(): Promise<I18n> {
  const language = readLanguage(safeLocalStorage());
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: false,
    supportedLngs: [...LANGUAGES],
    resources: Object.fromEntries(LANGUAGES.map((lng) => [lng, { translation: catalogues[lng] }])),
    // Keys hold dots as paths only; a colon in a sentence is never a namespace.
    nsSeparator: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  instance.on('languageChanged', (next) => {
    document.documentElement.lang = next;
  });
  return instance;
}

export function changeLanguage(instance: I18n, language: Language): void {
  saveLanguage(safeLocalStorage(), language);
  void instance.changeLanguage(language);
}
