// The language preference (3.5.2: Swahili first, English one click away), remembered on this computer.
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '../../db/contract/catalogues/index.ts';

export const LANGUAGE_STORAGE_KEY = 'daftari.language';

interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function readLanguage(storage: KeyValueStore | null): Language {
  try {
    const saved = storage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(saved) ? saved : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

export function saveLanguage(storage: KeyValueStore | null, language: Language): void {
  try {
    storage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // A locked-down profile may refuse storage; the choice then lasts until the window closes.
  }
}
