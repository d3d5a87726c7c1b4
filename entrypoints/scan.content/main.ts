// Owns the in-page scanner's wiring, injected by the background once the gate (gate.ts) found the page
// job-like: settings (per-site off switch, sensitivity, language), dismissed warnings, the scanner, the one
// panel in the user's language (texts from the background worker), SPA navigation and the messages to the
// background worker. Every callback is guarded: an error here is contained and never becomes the page's error.
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import css from './style.css?inline';
import { dismissedItem, settingsItem, type Settings, type TabVerdict } from '../../components/storage';
import { createPanel } from '../../components/panel/mount';
import { markWording, type PanelLocale, type SegmentKindName, type ShownLevel } from '../../components/panel/messages';
import { PageScanner, type Judged } from './scanner';
import { PANEL_LOCALE_REQUEST, type ContentToBackground } from './messages';
import type { JudgeMessage, JudgeResult } from './judge';

/** Starts the scanner in this frame (called by the injected content script, index.ts). */
export function startScanner(ctx: ContentScriptContext): void {
  run(ctx).catch((error) => console.debug('LureWatch: content script stopped', error));
}

function send(message: ContentToBackground): void {
  try {
    browser.runtime.sendMessage(message).catch(() => {
      // The background may be restarting, or the extension was updated: nothing to do.
    });
  } catch {
    // Extension context invalidated.
  }
}

function emptyVerdict(): TabVerdict {
  return { url: location.href, level: 'none', segments: [], updatedAt: Date.now() };
}

function threadText(j: Judged): string {
  return j.messages ? j.messages.map((m) => (m.from ? `${m.from}: ${m.text}` : m.text)).join('\n') : j.text;
}

/** The panel's language, direction and texts for the user's settings, from the background worker. */
async function requestLocale(): Promise<PanelLocale> {
  const locale = (await browser.runtime.sendMessage(PANEL_LOCALE_REQUEST)) as PanelLocale | undefined;
  if (!locale?.texts) throw new Error('LureWatch: no panel texts');
  return locale;
}

async function run(ctx: ContentScriptContext): Promise<void> {
  if (ctx.isInvalid) return;
  const [initialSettings, dismissedList, initialLocale] = await Promise.all([settingsItem.getValue(), dismissedItem.getValue(), requestLocale()]);
  let settings: Settings = initialSettings;
  let dismissed = new Set(dismissedList);
  // The interface language: the red flags are explained in it, the marks and the panel worded in it.
  let locale = initialLocale;
  if (ctx.isInvalid) return;
  const site = location.hostname;
  const lang = () => locale.lang;
  let scanner: PageScanner | null = null;
  let openFor: Element | null = null;
  let lastVerdict: TabVerdict = emptyVerdict();

  const panel = createPanel(document, () => {
    if (openFor) scanner?.marks.setExpanded(openFor, false);
    openFor = null;
  });
  ctx.onInvalidated(() => panel.destroy());

  const report = (verdict: TabVerdict) => {
    lastVerdict = verdict;
    send({ type: 'lurewatch:verdict', verdict });
  };

  const activate = (j: Judged, button: HTMLElement) => {
    const level = j.finding.level;
    if (level === 'none') return;
    if (openFor) scanner?.marks.setExpanded(openFor, false);
    openFor = j.element;
    scanner?.marks.setExpanded(j.element, true);
    panel.open(
      {
        level: level as ShownLevel,
        kind: j.kind as SegmentKindName,
        groups: j.explained ?? [],
        locale,
        checkUrl: (browser.runtime.getURL as (path: string) => string)('/check.html'),
        onOpenCheck: () => send({ type: 'lurewatch:open-check', text: threadText(j) }),
        onDismiss: () => {
          dismissedItem
            .getValue()
            .then((list) => (list.includes(j.hash) ? undefined : dismissedItem.setValue([...list, j.hash])))
            .catch(() => {});
        },
      },
      button,
    );
  };

  const startScanner = () => {
    if (scanner) return;
    scanner = new PageScanner({
      doc: document,
      // The engine runs in the background worker (see judge.ts): the page never loads the rules.
      judge: (items, language) => browser.runtime.sendMessage({ type: 'lurewatch:judge', items, lang: language } satisfies JudgeMessage) as Promise<JudgeResult[]>,
      lang,
      url: () => location.href,
      signal: ctx.signal,
      schedule: (work) => {
        if (typeof requestIdleCallback === 'function') ctx.requestIdleCallback(work, { timeout: 100 });
        else ctx.setTimeout(work, 0);
      },
      later: (work, ms) => ctx.setTimeout(work, ms),
      report,
      activate,
      wording: (level, kind) => markWording(locale.texts, level, kind as SegmentKindName),
      warn: (message) => console.warn(message),
      css,
      sensitivity: settings.sensitivity,
      dismissed,
    });
    scanner.start();
  };

  const stopScanner = () => {
    panel.close();
    scanner?.stop();
    scanner = null;
    report(emptyVerdict());
  };

  if (!settings.disabledSites.includes(site)) startScanner();

  const unwatchSettings = settingsItem.watch((next) => {
    try {
      if (next.uiLanguage !== settings.uiLanguage) {
        // Another language: new texts for the marks and the panel, and the red flags explained again.
        requestLocale()
          .then((fresh) => {
            locale = fresh;
            panel.close();
            scanner?.changeLanguage();
          })
          .catch(() => {});
      }
      settings = next;
      const off = next.disabledSites.includes(site);
      if (off && scanner) stopScanner();
      else if (!off && !scanner) startScanner();
      else scanner?.setSensitivity(next.sensitivity);
    } catch (error) {
      console.debug('LureWatch: contained error', error);
    }
  });
  const unwatchDismissed = dismissedItem.watch((list) => {
    dismissed = new Set(list);
    scanner?.setDismissed(dismissed);
  });
  ctx.onInvalidated(() => {
    unwatchSettings();
    unwatchDismissed();
  });

  // SPA navigation (history.pushState and friends) does not reload the content script.
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    try {
      panel.close();
      scanner?.navigated();
    } catch (error) {
      console.debug('LureWatch: contained error', error);
    }
  });

  const onMessage = (message: unknown) => {
    if ((message as { type?: string } | null)?.type === 'lurewatch:report-request') {
      send({ type: 'lurewatch:verdict', verdict: scanner ? scanner.verdict() : lastVerdict });
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}
