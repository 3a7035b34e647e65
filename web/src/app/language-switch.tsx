import { languages, isLanguage, useI18n } from '../i18n/i18n';
import { useChangeLanguage } from './language';

export function LanguageSwitch() {
  const { language, t } = useI18n();
  const changeLanguage = useChangeLanguage();
  return (
    <label className="language-switch">
      <span className="visually-hidden">{t('language.label')}</span>
      <select
        className="select select-sm"
        value={language}
        data-testid="language-switch"
        onChange={(event) => {
          if (isLanguage(event.target.value)) void changeLanguage(event.target.value);
        }}
      >
        {languages.map((option) => (
          <option key={option.code} value={option.code} lang={option.code}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
