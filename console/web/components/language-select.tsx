// The language switch: every language in its own name, remembered in this browser.
import { isLocale, LOCALES, locale, setLocale, t } from '../i18n/index.js';

export function LanguageSelect() {
  return (
    <label class="language">
      <span class="field-label">{t('menu.language')}</span>
      <select
        value={locale.value}
        onChange={(event) => {
          const chosen = event.currentTarget.value;
          if (isLocale(chosen)) void setLocale(chosen);
        }}
      >
        {Object.entries(LOCALES).map(([code, name]) => (
          <option key={code} value={code} lang={code}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}
