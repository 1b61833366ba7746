import { describe, expect, it } from 'vitest';
import { LANGUAGE_STORAGE_KEY, readLanguage, saveLanguage } from '../../renderer/i18n/language.ts';

function memoryStorage() {
  const data = new Map<string, string>();
  return { getItem: (key: string) => data.get(key) ?? null, setItem: (key: string, value: string) => void data.set(key, value), data };
}

describe('the language preference', () => {
  it('is Swahili until someone chooses otherwise (3.5.2)', () => {
    expect(readLanguage(memoryStorage())).toBe('sw');
    expect(readLanguage(null)).toBe('sw');
  });

  it('remembers English once chosen, and Swahili when switched back', () => {
    const storage = memoryStorage();
    saveLanguage(storage, 'en');
    expect(storage.data.get(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(readLanguage(storage)).toBe('en');
    saveLanguage(storage, 'sw');
    expect(readLanguage(storage)).toBe('sw');
  });

  it('ignores a stored value that is not one of the languages', () => {
    const storage = memoryStorage();
    storage.setItem(LANGUAGE_STORAGE_KEY, 'fr');
    expect(readLanguage(storage)).toBe('sw');
  });

  it('falls back to Swahili, and does not fail, when storage is refused', () => {
    const refusing = {
      getItem: (): string | null => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(readLanguage(refusing)).toBe('sw');
    expect(() => saveLanguage(refusing, 'en')).not.toThrow();
  });
});
