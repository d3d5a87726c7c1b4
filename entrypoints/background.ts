// Owns the background worker: per-tab verdicts (session storage), the toolbar badge with the tab's highest
// level, and the context-menu item "Check this text with LureWatch". Nothing here makes a network request.
import { defineBackground } from 'wxt/utils/define-background';
import { browser, type Browser } from 'wxt/browser';
import { detectText } from '../rules';
import { checkTextItem, settingsItem, tabVerdictItem, textHash, type Sensitivity, type TabVerdict } from '../components/storage';
import { isContentMessage, isPanelLocaleRequest, isStartMessage } from './scan.content/messages';
import { currentPanelLocale } from '../components/panel/texts';
import { isJudgeMessage, MAX_BATCH_ITEMS } from './scan.content/judge';
import { judgeLocally } from './scan.content/judge-local';
import { ensureGateRegistered, SCANNER_FILE } from './scan.content/registration';

/** The context-menu item's id. */
export const MENU_ID = 'lurewatch-check-selection';
const LEVEL_RANK = { none: 0, low: 1, medium: 2, high: 3 } as const;


const BADGE: Record<TabVerdict['level'], { text: string; color: string; title: string }> = {
  high: { text: 'HIGH', color: '#b3261e', title: 'LureWatch: high risk of a trafficking job lure on this page' },
  medium: { text: 'MED', color: '#a05a00', title: 'LureWatch: warning signs of a trafficking job lure on this page' },
  low: { text: 'LOW', color: '#7a6a00', title: 'LureWatch: a possible warning sign on this page' },
  none: { text: '', color: '#5f6368', title: 'LureWatch' },
};

/** The badge for a level: `low` only shows when the user chose careful sensitivity. */
export function badgeFor(level: TabVerdict['level'], sensitivity: Sensitivity): { text: string; color: string; title: string } {
  return level === 'low' && sensitivity !== 'careful' ? BADGE.none : BADGE[level];
}

async function showBadge(tabId: number, level: TabVerdict['level']): Promise<void> {
  const { sensitivity } = await settingsItem.getValue();
  const badge = badgeFor(level, sensitivity);
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: badge.text }),
    browser.action.setBadgeBackgroundColor({ tabId, color: badge.color }),
    browser.action.setTitle({ tabId, title: badge.title }),
  ]).catch(() => {
    // The tab closed meanwhile.
  });
}

async function storeVerdict(tabId: number, verdict: TabVerdict): Promise<void> {
  // A selection the user checked stays on the tab's list until the page changes.
  const previous = await tabVerdictItem(tabId).getValue();
  const kept = previous && previous.url === verdict.url ? previous.segments.filter((s) => s.kind === 'selection') : [];
  const segments = [...kept, ...verdict.segments.filter((s) => !kept.some((k) => k.hash === s.hash))];
  let level = verdict.level;
  for (const s of kept) if (LEVEL_RANK[s.level] > LEVEL_RANK[level]) level = s.level;
  await tabVerdictItem(tabId).setValue({ ...verdict, level, segments });
  await showBadge(tabId, level);
}

async function clearTab(tabId: number): Promise<void> {
  await tabVerdictItem(tabId).removeValue();
  await showBadge(tabId, 'none');
}

async function openCheck(text: string): Promise<void> {
  await checkTextItem.setValue(text);
  await browser.tabs.create({ url: (browser.runtime.getURL as (path: string) => string)('/check.html') });
}

/** Context menu: judge the selected text, keep it on the tab's verdict, and open the check page with it. */
async function checkSelection(text: string, tab: Browser.tabs.Tab | undefined): Promise<void> {
  const trimmed = text.trim();
  if (!trimmed) return;
  if (tab?.id !== undefined && tab.id >= 0) {
    const finding = detectText(trimmed);
    const previous = await tabVerdictItem(tab.id).getValue();
    const segment = { hash: textHash(trimmed), level: finding.level, score: finding.score, flags: finding.flags, excerpt: trimmed.slice(0, 300), source: 'selection', kind: 'selection' as const };
    const base: TabVerdict = previous ?? { url: tab.url ?? '', level: 'none', segments: [], updatedAt: Date.now() };
    const segments = [segment, ...base.segments.filter((s) => s.hash !== segment.hash)];
    const level = segments.reduce<TabVerdict['level']>((max, s) => (LEVEL_RANK[s.level] > LEVEL_RANK[max] ? s.level : max), 'none');
    await tabVerdictItem(tab.id).setValue({ ...base, level, segments, updatedAt: Date.now() });
    await showBadge(tab.id, level);
  }
  await openCheck(trimmed);
}

/** Install and update: (re)register the context-menu item; on a first install only, open the settings. */
export async function onInstalled(details: { reason: string }): Promise<void> {
  await browser.contextMenus
    .removeAll()
    .then(() => browser.contextMenus.create({ id: MENU_ID, title: 'Check this text with LureWatch', contexts: ['selection'] }))
    .catch(() => {});
  if (details.reason !== 'install') return;
  // First run: the settings page asks the home country (for embassies and hotlines) and the language once.
  // Not on updates, and not when the questions were already answered (settings kept from an earlier install).
  if ((await settingsItem.getValue()).onboarded) return;
  // A new tab, not runtime.openOptionsPage(): that one takes over the active tab when it is blank, which is
  // the page a tool that starts the browser with the extension (wxt dev, web-ext, the e2e tests) is driving.
  // For the same reason a development install (unpacked) opens the tab in the background; a store install
  // brings it to the front.
  const installType = await Promise.resolve()
    .then(() => browser.management.getSelf())
    .then((self) => self.installType, () => 'unknown');
  await browser.tabs.create({ url: (browser.runtime.getURL as (path: string) => string)('/options.html'), active: installType !== 'development' });
}

/** The context-menu item was clicked: judge the selected text and open the check page with it. */
export async function onContextMenuClick(info: Pick<Browser.contextMenus.OnClickData, 'menuItemId' | 'selectionText'>, tab?: Browser.tabs.Tab): Promise<void> {
  if (info.menuItemId !== MENU_ID || !info.selectionText) return;
  await checkSelection(info.selectionText, tab);
}

export default defineBackground(() => {
  // The every-page gate is registered here rather than in the manifest (see scan.content/registration.ts).
  Promise.resolve()
    .then(() => ensureGateRegistered(browser.scripting))
    .catch((error) => console.warn('LureWatch: could not register the page gate', error));

  browser.runtime.onInstalled.addListener((details) => {
    onInstalled(details).catch(() => {});
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    onContextMenuClick(info, tab).catch(() => {});
  });

  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    // The engine runs here for the pages: their main thread never compiles or runs the rules.
    if (isJudgeMessage(message)) return Promise.resolve(judgeLocally(message.items.slice(0, MAX_BATCH_ITEMS), message.lang));
    // The scanner's wording: only the user's language reaches the page.
    if (isPanelLocaleRequest(message)) return currentPanelLocale();
    // The gate found the page job-like: inject the scanner into that frame (pages with nothing job-like never load it).
    if (isStartMessage(message)) {
      const tabId = sender.tab?.id;
      if (tabId === undefined || tabId < 0) return undefined;
      return browser.scripting
        .executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [SCANNER_FILE] })
        .then(() => undefined, () => undefined);
    }
    if (!isContentMessage(message)) return undefined;
    if (message.type === 'lurewatch:verdict') {
      const tabId = sender.tab?.id;
      if (tabId === undefined || tabId < 0 || (sender.frameId ?? 0) !== 0) return undefined;
      return storeVerdict(tabId, message.verdict).then(() => undefined, () => undefined);
    }
    if (message.type === 'lurewatch:open-check' && typeof message.text === 'string') {
      return openCheck(message.text).then(() => undefined, () => undefined);
    }
    return undefined;
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    tabVerdictItem(tabId).removeValue().catch(() => {});
  });

  // A new document in the tab: the old page's verdict no longer applies. Once loaded, ask the page's
  // content script for its verdict again (it also reports by itself whenever something changes).
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') clearTab(tabId).catch(() => {});
    if (change.status === 'complete') {
      browser.tabs.sendMessage(tabId, { type: 'lurewatch:report-request' }, { frameId: 0 }).catch(() => {
        // No content script on this page (browser pages, the web store): nothing to show.
      });
    }
  });
});
