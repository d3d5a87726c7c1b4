// Owns the settings page: first-run questions, language, home country, sensitivity, sites where scanning is
// off, clearing dismissed warnings; every change saved in the versioned settings item.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App, normaliseSite } from '../../entrypoints/options/App';
import { DEFAULT_SETTINGS, dismissedItem, settingsItem } from '../../components/storage';
import { byText, choose, cleanup, click, mount, type, waitFor } from './helpers';

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(cleanup);

describe('options page', () => {
  it('asks a new user for language and home country once', async () => {
    const root = await mount(<App />);
    await waitFor(() => byText(root, 'h2', 'Welcome to LureWatch'), 'welcome');
    await choose(root.querySelector('#onboard-country'), 'LK');
    await click(byText(root, 'button', 'Save and start'));
    expect(await settingsItem.getValue()).toMatchObject({ homeCountry: 'LK', onboarded: true });
    await waitFor(() => byText(root, '[role="status"]', /LureWatch is ready/), 'ready notice');
    expect(byText(root, 'h2', 'Welcome to LureWatch')).toBeUndefined();
    expect(root.querySelector<HTMLSelectElement>('#home-country')!.value).toBe('LK');
  });

  it('switches the interface language at once (Urdu right-to-left)', async () => {
    const root = await mount(<App />);
    await waitFor(() => root.querySelector('#onboard-lang'), 'language picker');
    await choose(root.querySelector('#onboard-lang'), 'ur');
    expect((await settingsItem.getValue()).uiLanguage).toBe('ur');
    await waitFor(() => document.documentElement.dir === 'rtl', 'rtl document');
  });

  it('changes sensitivity', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, onboarded: true });
    const root = await mount(<App />);
    const careful = await waitFor(() => root.querySelector<HTMLInputElement>('input[value="careful"]'), 'radio');
    await click(careful);
    expect((await settingsItem.getValue()).sensitivity).toBe('careful');
  });

  it('turns scanning off for a site and back on, rejecting what is not a site', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, onboarded: true });
    const root = await mount(<App />);
    const input = await waitFor(() => root.querySelector('#site-input'), 'site input');
    await type(input, 'not a site');
    await click(byText(root, 'button', 'Turn off'));
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('Enter a site name such as www.example.com.');
    await type(root.querySelector('#site-input'), 'https://WWW.Example.com/jobs?id=1');
    await click(byText(root, 'button', 'Turn off'));
    expect((await settingsItem.getValue()).disabledSites).toEqual(['www.example.com']);
    await click(await waitFor(() => byText(root, 'button', 'Turn scanning back on for www.example.com'), 'remove button'));
    expect((await settingsItem.getValue()).disabledSites).toEqual([]);
  });

  it('clears dismissed warnings', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, onboarded: true });
    await dismissedItem.setValue(['a:1', 'b:2']);
    const root = await mount(<App />);
    await waitFor(() => byText(root, 'p', 'Warnings you hid: 2'), 'count');
    await click(byText(root, 'button', 'Show hidden warnings again'));
    expect(await dismissedItem.getValue()).toEqual([]);
    await waitFor(() => byText(root, 'p', 'Warnings you hid: 0'), 'count 0');
  });
});

describe('normaliseSite', () => {
  it.each([
    ['www.example.com', 'www.example.com'],
    ['https://Jobs.Example.com/path', 'jobs.example.com'],
    ['localhost', 'localhost'],
    ['not a site', ''],
    ['', ''],
    ['example', ''],
  ])('%s → %s', (input, expected) => expect(normaliseSite(input)).toBe(expected));
});
