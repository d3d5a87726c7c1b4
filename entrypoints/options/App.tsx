// Owns the settings page: first-run questions (language, home country), then language, home country,
// sensitivity, sites where scanning is off, and clearing dismissed warnings. All saved in versioned storage.
import { useState } from 'preact/hooks';
import { dismissedItem, settingsItem, type Sensitivity, type Settings } from '../../components/storage';
import { updateSettings, useStorageItem } from '../../components/use-storage';
import { I18nProvider, useI18n } from '../../components/i18n/context';
import { CountrySelect, LanguageSelect } from '../../components/pickers';

/** A host name from what the user typed ("https://www.Example.com/jobs" → "www.example.com"), or '' if it is not one. */
export function normaliseSite(input: string): string {
  const raw = input.trim();
  if (!raw) return '';
  try {
    const host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`).hostname.toLowerCase();
    return host === 'localhost' || /^[^.\s]+(\.[^.\s]+)+$/.test(host) ? host : '';
  } catch {
    return '';
  }
}

function Onboarding({ settings, onDone }: { settings: Settings; onDone: () => void }) {
  const { t } = useI18n();
  return (
    <section class="card" aria-labelledby="welcome-title">
      <h2 id="welcome-title">{t('onboardingTitle')}</h2>
      <p>{t('onboardingIntro')}</p>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          await updateSettings({ onboarded: true });
          onDone();
        }}
      >
        <LanguageSelect id="onboard-lang" value={settings.uiLanguage} onChange={(uiLanguage) => updateSettings({ uiLanguage })} />
        <CountrySelect id="onboard-country" value={settings.homeCountry} onChange={(homeCountry) => updateSettings({ homeCountry })} />
        <button type="submit" class="button button-primary">
          {t('onboardingSave')}
        </button>
      </form>
    </section>
  );
}

function Sites({ sites }: { sites: string[] }) {
  const { t } = useI18n();
  const [input, setInput] = useState('');
  const [error, setError] = useState('');
  async function add(e: Event) {
    e.preventDefault();
    const site = normaliseSite(input);
    if (!site) {
      setError(t('sitesInvalid'));
      return;
    }
    setError('');
    setInput('');
    const current = (await settingsItem.getValue()).disabledSites;
    if (!current.includes(site)) await updateSettings({ disabledSites: [...current, site].sort() });
  }
  async function remove(site: string) {
    const current = (await settingsItem.getValue()).disabledSites;
    await updateSettings({ disabledSites: current.filter((s) => s !== site) });
  }
  return (
    <section aria-labelledby="sites-title">
      <h2 id="sites-title">{t('sitesHeading')}</h2>
      {sites.length === 0 ? (
        <p class="hint">{t('sitesEmpty')}</p>
      ) : (
        <ul class="site-list">
          {sites.map((site) => (
            <li key={site}>
              <strong>
                <bdi dir="ltr">{site}</bdi>
              </strong>{' '}
              <button type="button" class="button button-link" onClick={() => remove(site)}>
                {t('sitesRemove', { site })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} class="inline-form">
        <div class="field">
          <label for="site-input">{t('sitesAddLabel')}</label>
          <input
            id="site-input"
            type="text"
            dir="ltr"
            inputMode="url"
            autoComplete="off"
            value={input}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'site-error' : undefined}
            onInput={(e) => setInput((e.currentTarget as HTMLInputElement).value)}
          />
        </div>
        <button type="submit" class="button">
          {t('sitesAdd')}
        </button>
        {error && (
          <p id="site-error" role="alert" class="error">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}

function Dismissed() {
  const { t } = useI18n();
  const dismissed = useStorageItem(dismissedItem) ?? [];
  const [status, setStatus] = useState('');
  return (
    <section aria-labelledby="dismissed-title">
      <h2 id="dismissed-title">{t('dismissedHeading')}</h2>
      <p>{t('dismissedCount', { count: dismissed.length })}</p>
      <div class="actions">
        <button
          type="button"
          class="button"
          disabled={dismissed.length === 0}
          onClick={async () => {
            await dismissedItem.setValue([]);
            setStatus(t('dismissedCleared'));
          }}
        >
          {t('dismissedClear')}
        </button>
        <span role="status" class="status">
          {status}
        </span>
      </div>
    </section>
  );
}

function SettingsForm({ settings }: { settings: Settings }) {
  const { t } = useI18n();
  const setSensitivity = (sensitivity: Sensitivity) => updateSettings({ sensitivity });
  return (
    <>
      <section aria-labelledby="lang-title">
        <h2 id="lang-title">{t('languageLabel')}</h2>
        <LanguageSelect id="ui-lang" value={settings.uiLanguage} onChange={(uiLanguage) => updateSettings({ uiLanguage })} />
      </section>
      <section aria-labelledby="country-title">
        <h2 id="country-title">{t('countryLabel')}</h2>
        <CountrySelect id="home-country" value={settings.homeCountry} onChange={(homeCountry) => updateSettings({ homeCountry })} />
      </section>
      <section aria-labelledby="sensitivity-title">
        <h2 id="sensitivity-title">{t('sensitivityHeading')}</h2>
        <fieldset>
          <legend class="visually-hidden">{t('sensitivityHeading')}</legend>
          {(['standard', 'careful'] as const).map((value) => (
            <label class="radio" key={value}>
              <input type="radio" name="sensitivity" value={value} checked={settings.sensitivity === value} onChange={() => setSensitivity(value)} />
              <span>{t(value === 'standard' ? 'sensitivityStandard' : 'sensitivityCareful')}</span>
            </label>
          ))}
        </fieldset>
      </section>
      <Sites sites={settings.disabledSites} />
      <Dismissed />
      <section aria-labelledby="about-title">
        <h2 id="about-title">{t('aboutHeading')}</h2>
        <p>{t('aboutBody')}</p>
        <p class="hint">{t('privacyNote')}</p>
      </section>
    </>
  );
}

function OptionsPage({ settings }: { settings: Settings }) {
  const { t } = useI18n();
  const [justOnboarded, setJustOnboarded] = useState(false);
  return (
    <main class="page">
      <header class="page-header">
        <div class="brand">
          <img src="/icons/48.png" alt="" width={28} height={28} />
          <h1>{t('optionsTitle')}</h1>
        </div>
      </header>
      {!settings.onboarded ? (
        <Onboarding settings={settings} onDone={() => setJustOnboarded(true)} />
      ) : (
        <>
          {justOnboarded && (
            <p role="status" class="notice">
              {t('onboardingDone')}
            </p>
          )}
          <SettingsForm settings={settings} />
        </>
      )}
    </main>
  );
}

/** The settings page. */
export function App() {
  const settings = useStorageItem(settingsItem);
  if (!settings) return null;
  return (
    <I18nProvider setting={settings.uiLanguage}>
      <OptionsPage settings={settings} />
    </I18nProvider>
  );
}
