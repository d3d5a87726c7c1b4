// Owns the popup: the current tab's verdict in words and colour, each flagged offer with its red flags and
// quoted evidence, what to do now, whom to contact; or, when the page has nothing, says so and offers the checker.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { LEVELS, type Level } from '../../rules/engine/types';
import { destinationsIn } from '../../rules/contacts';
import { dismissedItem, settingsItem, tabVerdictItem, type SegmentVerdict, type Settings } from '../../components/storage';
import { updateSettings, useStorageItem } from '../../components/use-storage';
import { I18nProvider, useI18n } from '../../components/i18n/context';
import type { MessageKey } from '../../components/i18n/messages';
import { LevelBanner } from '../../components/level-banner';
import { FindingView } from '../../components/finding-view';
import { isAdvisory } from '../../components/flags';
import { WhatToDo } from '../../components/what-to-do';
import { ContactList } from '../../components/contact-list';
import { openChecker, openSettings } from '../../components/open-page';

const KIND: Record<SegmentVerdict['kind'], MessageKey> = {
  listing: 'segmentListing',
  post: 'segmentPost',
  message: 'segmentMessage',
  thread: 'segmentThread',
  selection: 'segmentSelection',
};

const LEVEL_WORD: Record<Level, MessageKey> = { high: 'levelHigh', medium: 'levelMedium', low: 'levelLow', none: 'levelNone' };

const rank = (level: Level) => LEVELS.indexOf(level);

/** The host name of an http(s) page, or '' for browser pages where scanning does not apply. */
export function siteOf(url: string | undefined): string {
  if (!url) return '';
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname : '';
  } catch {
    return '';
  }
}

/** Segments worth showing: not dismissed, and medium or high (low too when the user chose "careful"). */
export function visibleSegments(segments: SegmentVerdict[], dismissed: string[], sensitivity: Settings['sensitivity']): SegmentVerdict[] {
  const floor = sensitivity === 'careful' ? rank('low') : rank('medium');
  return segments.filter((s) => !dismissed.includes(s.hash) && rank(s.level) >= floor).sort((a, b) => rank(b.level) - rank(a.level));
}

function Segment({ segment, index, alone }: { segment: SegmentVerdict; index: number; alone: boolean }) {
  const { t } = useI18n();
  const excerpt = segment.excerpt.length > 160 ? segment.excerpt.slice(0, 157).trimEnd() + '…' : segment.excerpt;
  async function dismiss() {
    const current = await dismissedItem.getValue();
    if (!current.includes(segment.hash)) await dismissedItem.setValue([...current, segment.hash]);
  }
  const body = (
    <>
      <p class="segment-excerpt">
        <bdi>{excerpt}</bdi>
      </p>
      <FindingView flags={segment.flags} headingLevel={3} idPrefix={`seg${index}`} compact />
      <button type="button" class="button" onClick={dismiss}>
        {t('dismissButton')}
      </button>
    </>
  );
  // One offer: no extra wrapper. Several: one collapsible block each, the worst first and open.
  if (alone) {
    return (
      <div class="segment segment-alone" data-segment={segment.hash} data-level={segment.level}>
        {body}
      </div>
    );
  }
  return (
    <details class="segment" open={index === 0} data-segment={segment.hash} data-level={segment.level}>
      <summary>
        {t(KIND[segment.kind])} {index + 1} – <span class={`level-chip level-chip-${segment.level}`}>{t(LEVEL_WORD[segment.level])}</span>
      </summary>
      {body}
    </details>
  );
}

function PopupBody({ settings }: { settings: Settings }) {
  const { t } = useI18n();
  const [tab, setTab] = useState<{ id?: number; url?: string } | null>(null);
  useEffect(() => {
    // popup.html?tab=<id> shows another tab's verdict: the end-to-end tests open the popup as a page,
    // where the active tab would be the popup itself.
    const asked = Number(new URLSearchParams(location.search).get('tab'));
    if (Number.isInteger(asked) && asked > 0) {
      browser.tabs.get(asked).then((t) => setTab(t), () => setTab({ id: asked }));
      return;
    }
    browser.tabs.query({ active: true, currentWindow: true }).then(([active]) => setTab(active ?? {}));
  }, []);
  const verdictItem = useMemo(() => (tab?.id != null ? tabVerdictItem(tab.id) : null), [tab?.id]);
  const verdict = useStorageItem(verdictItem);
  const dismissed = useStorageItem(dismissedItem) ?? [];
  if (!tab || (verdictItem && verdict === undefined)) return null;

  const all = verdict?.segments ?? [];
  const shown = visibleSegments(all, dismissed, settings.sensitivity);
  const hidden = all.filter((s) => dismissed.includes(s.hash)).length;
  const level = shown.reduce<Level>((max, s) => (rank(s.level) > rank(max) ? s.level : max), 'none');
  const site = siteOf(tab.url ?? verdict?.url);
  const siteOff = !!site && settings.disabledSites.includes(site);
  const destinations = destinationsIn(shown.flatMap((s) => [s.excerpt, ...s.flags.flatMap((f) => f.evidence.map((e) => e.text))]));

  async function toggleSite(on: boolean) {
    const current = (await settingsItem.getValue()).disabledSites;
    await updateSettings({ disabledSites: on ? current.filter((s) => s !== site) : [...new Set([...current, site])] });
  }

  return (
    <>
      {!settings.onboarded && (
        <div class="notice">
          <p>{t('onboardingNudge')}</p>
          <button type="button" class="button" onClick={() => openSettings()}>
            {t('settingsLink')}
          </button>
        </div>
      )}
      {siteOff && <p class="notice">{t('popupSiteOff')}</p>}
      {shown.length > 0 ? (
        <>
          <section aria-labelledby="page-level">
            <h2 id="page-level" class="visually-hidden">
              {t('popupWarningsCount', { count: shown.length })}
            </h2>
            <LevelBanner level={level} advisory={shown.length === 1 && isAdvisory(shown[0].flags)} />
            {shown.length > 1 && <p>{t('popupWarningsCount', { count: shown.length })}</p>}
            {shown.map((segment, i) => (
              <Segment key={segment.hash} segment={segment} index={i} alone={shown.length === 1} />
            ))}
          </section>
          <WhatToDo level={level} />
          <ContactList
            home={settings.homeCountry}
            destinations={destinations}
            chooseCountry={
              <button type="button" class="button" onClick={() => openSettings()}>
                {t('settingsLink')}
              </button>
            }
          />
        </>
      ) : (
        <section class="nothing" aria-labelledby="nothing-title">
          <div class="level level-none" data-level="none">
            <span class="level-icon" aria-hidden="true">
              ✓
            </span>
            <div>
              <h2 id="nothing-title" class="level-word">
                {t('popupNothingTitle')}
              </h2>
              <p class="level-summary">{t('popupNothingBody')}</p>
            </div>
          </div>
        </section>
      )}
      {hidden > 0 && <p class="hint">{t('popupHiddenCount', { count: hidden })}</p>}
      <footer class="popup-footer">
        <div class="actions">
          <button type="button" class="button button-primary" onClick={() => openChecker().then(() => window.close())}>
            {t('openChecker')}
          </button>
        </div>
        {site && (
          <label class="checkbox">
            <input type="checkbox" checked={!siteOff} onChange={(e) => toggleSite((e.currentTarget as HTMLInputElement).checked)} />
            <span>
              {t('scanThisSite')} (<bdi dir="ltr">{site}</bdi>)
            </span>
          </label>
        )}
        <p class="privacy">{t('privacyNote')}</p>
      </footer>
    </>
  );
}

/** The popup. */
export function App() {
  const settings = useStorageItem(settingsItem);
  if (!settings) return null;
  return (
    <I18nProvider setting={settings.uiLanguage}>
      <PopupShell settings={settings} />
    </I18nProvider>
  );
}

function PopupShell({ settings }: { settings: Settings }) {
  const { t } = useI18n();
  return (
    <main class="popup">
      <header class="page-header">
        <div class="brand">
          <img src="/icons/48.png" alt="" width={24} height={24} />
          <h1>{t('extName')}</h1>
        </div>
        <button type="button" class="button button-link" onClick={() => openSettings()}>
          {t('settingsLink')}
        </button>
      </header>
      <PopupBody settings={settings} />
    </main>
  );
}
