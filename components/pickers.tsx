// Owns the two questions every page can ask: interface language and home country (both saved to settings).
import { HOME_COUNTRIES } from '../rules/contacts';
import { countryName, sortByCountryName } from './country-name';
import { useI18n } from './i18n/context';
import { UI_LOCALES } from './i18n/locales';

/** A labelled language picker. `value` '' follows the browser when `allowAuto`. */
export function LanguageSelect({ id, value, onChange, label, allowAuto = true }: { id: string; value: string; onChange: (tag: string) => void; label?: string; allowAuto?: boolean }) {
  const { t } = useI18n();
  return (
    <div class="field">
      <label for={id}>{label ?? t('languageLabel')}</label>
      <select id={id} value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
        {allowAuto && <option value="">{t('languageAuto')}</option>}
        {UI_LOCALES.map((l) => (
          <option key={l.tag} value={l.tag} lang={l.tag} dir={l.dir}>
            {l.native === l.english ? l.native : `${l.native} – ${l.english}`}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A labelled home-country picker, names in the interface language. '' = not chosen, 'ZZ' = other. */
export function CountrySelect({ id, value, onChange, showHint = true }: { id: string; value: string; onChange: (code: string) => void; showHint?: boolean }) {
  const { t, lang } = useI18n();
  const hintId = `${id}-hint`;
  return (
    <div class="field">
      <label for={id}>{t('countryLabel')}</label>
      <select id={id} value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)} aria-describedby={showHint ? hintId : undefined}>
        <option value="">{t('countryNone')}</option>
        {sortByCountryName(HOME_COUNTRIES, lang).map((code) => (
          <option key={code} value={code}>
            {countryName(code, lang)}
          </option>
        ))}
        <option value="ZZ">{t('countryOther')}</option>
      </select>
      {showHint && (
        <p class="hint" id={hintId}>
          {t('countryHint')}
        </p>
      )}
    </div>
  );
}
