// Owns the background worker's install and context-menu behaviour under WXT's fake browser: the menu item is
// registered on install and update, the settings open on a first install only, and a click on "Check this text
// with LureWatch" judges the selection, keeps it on the tab's verdict, sets the badge and opens the check page.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background, { MENU_ID, onContextMenuClick, onInstalled } from '../../entrypoints/background';
import { checkTextItem, DEFAULT_SETTINGS, settingsItem, tabVerdictItem } from '../../components/storage';

const LURE = 'Urgent hiring: data entry job in Cambodia, salary $1500, free air ticket and visa on arrival. Contact on Telegram @hr_job. Typing test only.';
const OPTIONS_URL = 'chrome-extension://test-extension-id/options.html';
const CHECK_URL = 'chrome-extension://test-extension-id/check.html';
type Tab = NonNullable<Parameters<typeof onContextMenuClick>[1]>;

/** A tab in the fake browser, typed as the worker's API sees it. */
const newTab = async (url: string) => (await fakeBrowser.tabs.create({ url })) as unknown as Tab;

// The fake browser has no context menus and no management API: stand-ins that record what the worker asks for.
function mockMenus() {
  return {
    removeAll: vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockImplementation(async () => {}),
    create: vi.spyOn(fakeBrowser.contextMenus, 'create').mockImplementation(() => MENU_ID),
  };
}

function mockInstallType(installType: 'normal' | 'development' | 'admin') {
  vi.spyOn(fakeBrowser.management, 'getSelf').mockImplementation(async () => ({ installType }) as Awaited<ReturnType<typeof fakeBrowser.management.getSelf>>);
}

/** URLs and `active` of every tab the worker opened. */
function opened(create: { mock: { calls: unknown[][] } }) {
  return create.mock.calls.map(([props]) => props as { url?: string; active?: boolean });
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('install', () => {
  it('registers "Check this text with LureWatch" for selected text', async () => {
    const menus = mockMenus();
    await onInstalled({ reason: 'update' });
    expect(menus.removeAll).toHaveBeenCalledOnce();
    expect(menus.create).toHaveBeenCalledWith({ id: MENU_ID, title: 'Check this text with LureWatch', contexts: ['selection'] });
  });

  it('a first install from the store opens the settings page in front, where country and language are asked', async () => {
    mockMenus();
    mockInstallType('normal');
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await onInstalled({ reason: 'install' });
    expect(opened(create)).toEqual([{ url: OPTIONS_URL, active: true }]);
  });

  it('a development (unpacked) install opens it in the background, leaving the page a tool drives alone', async () => {
    mockMenus();
    mockInstallType('development');
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await onInstalled({ reason: 'install' });
    expect(opened(create)).toEqual([{ url: OPTIONS_URL, active: false }]);
  });

  it('still opens the settings when the menu or the install type cannot be read', async () => {
    vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockImplementation(async () => {
      throw new Error('no menus here');
    });
    // The fake's management.getSelf throws "not implemented".
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await onInstalled({ reason: 'install' });
    expect(opened(create)).toEqual([{ url: OPTIONS_URL, active: true }]);
  });

  it('opens nothing on an update, a browser update or when the questions were already answered', async () => {
    mockMenus();
    mockInstallType('normal');
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await onInstalled({ reason: 'update' });
    await onInstalled({ reason: 'chrome_update' });
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, homeCountry: 'IN', onboarded: true });
    await onInstalled({ reason: 'install' });
    expect(create).not.toHaveBeenCalled();
  });

  it('the worker listens to runtime.onInstalled', async () => {
    mockMenus();
    mockInstallType('normal');
    vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation(() => {});
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    background.main!();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await vi.waitFor(() => expect(opened(create)).toEqual([{ url: OPTIONS_URL, active: true }]));
  });
});

describe('context menu "Check this text with LureWatch"', () => {
  it('judges the selection, keeps it on the tab, sets the badge and opens the check page with the text', async () => {
    const tab = await newTab('https://chat.example.com/t/1');
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await onContextMenuClick({ menuItemId: MENU_ID, selectionText: `  ${LURE}\n` }, tab);

    expect(await checkTextItem.getValue()).toBe(LURE);
    expect(opened(create)).toEqual([{ url: CHECK_URL }]);
    const verdict = (await tabVerdictItem(tab.id!).getValue())!;
    expect(verdict.level).toBe('high');
    expect(verdict.url).toBe('https://chat.example.com/t/1');
    expect(verdict.segments).toHaveLength(1);
    expect(verdict.segments[0]).toMatchObject({ kind: 'selection', source: 'selection', level: 'high', excerpt: LURE });
    expect(verdict.segments[0].flags.map((f) => f.category)).toContain('R1');
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id })).toBe('HIGH');
  });

  it('works without a tab (selection in a PDF viewer or a browser page): only the check page opens', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await onContextMenuClick({ menuItemId: MENU_ID, selectionText: LURE }, { id: -1 } as Tab);
    expect(await checkTextItem.getValue()).toBe(LURE);
    expect(opened(create)).toEqual([{ url: CHECK_URL }]);
  });

  it('ignores other menu items and empty selections', async () => {
    const tab = await newTab('https://chat.example.com/t/1');
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await onContextMenuClick({ menuItemId: 'something-else', selectionText: LURE }, tab);
    await onContextMenuClick({ menuItemId: MENU_ID, selectionText: '   ' }, tab);
    await onContextMenuClick({ menuItemId: MENU_ID }, tab);
    expect(create).not.toHaveBeenCalled();
    expect(await checkTextItem.getValue()).toBeNull();
    expect(await tabVerdictItem(tab.id!).getValue()).toBeNull();
  });

  it('the worker routes clicks on its item to the handler', async () => {
    let listener: ((info: { menuItemId: string | number; selectionText?: string }, tab?: unknown) => void) | undefined;
    vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation((fn) => {
      listener = fn as typeof listener;
    });
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    background.main!();
    listener!({ menuItemId: MENU_ID, selectionText: LURE }, undefined);
    await vi.waitFor(() => expect(opened(create)).toEqual([{ url: CHECK_URL }]));
    expect(await checkTextItem.getValue()).toBe(LURE);
  });
});
