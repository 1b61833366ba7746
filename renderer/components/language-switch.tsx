import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../db/contract/catalogues/index.ts';
import { changeLanguage } from '../i18n/i18n.ts';
import { isLanguage } from '../i18n/language.ts';

/** SW | EN, on every screen (3.5.2). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current: Language = isLanguage(i18n.language) ? i18n.language : 'sw';
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('app.language')}
      data-testid="language-switch"
      value={current}
      onChange={(value) => isLanguage(value) && changeLanguage(i18n, value)}
      data={LANGUAGES.map((language) => ({ value: language, label: t(`app.languages.${language}`) }))}
    />
  );
}
