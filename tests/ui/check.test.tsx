// Owns the check page's behaviour: paste or open a chat export, get the verdict explained with contacts and
// a message to send back; text handed over in session storage is read once and cleared.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App, checkText } from '../../entrypoints/check/App';
import { checkTextItem, DEFAULT_SETTINGS, settingsItem } from '../../components/storage';
import { byText, choose, cleanup, click, flush, mount, type, waitFor } from './helpers';

const LURE = 'Urgent hiring: data entry job in Cambodia, salary $1500, free air ticket and visa on arrival. Contact on Telegram @hr_job. Typing test only.';
const CHAT = [
  '12/31/23, 9:15 PM - Messages and calls are end-to-end encrypted.',
  '12/31/23, 9:15 PM - Ravi HR: Hello, we have a data entry job for you',
  '12/31/23, 9:16 PM - Ravi HR: Office is in Myawaddy, salary $1200. Free air ticket to Bangkok',
  '12/31/23, 9:17 PM - Ravi HR: Come on tourist visa, typing test only',
  '12/31/23, 9:18 PM - Me: ok',
].join('\n');

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(async () => {
  await cleanup();
  vi.restoreAllMocks();
});

/** Mounts the page and waits until settings are read and the form is there. */
async function open(): Promise<HTMLElement> {
  const root = await mount(<App />);
  await waitFor(() => root.querySelector('#offer-text'), 'form');
  return root;
}

async function pasteAndCheck(root: HTMLElement, text: string) {
  await type(root.querySelector('#offer-text'), text);
  await click(byText(root, 'button', 'Check'));
  return waitFor(() => root.querySelector('.result'), 'result');
}

describe('check page', () => {
  it('explains a pasted offer: level, flags with quotes, what to do, contacts, a message to send back', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, homeCountry: 'IN', onboarded: true });
    const root = await open();
    const result = await pasteAndCheck(root, LURE);
    expect(result.querySelector('.level')?.getAttribute('data-level')).toBe('high');
    expect(document.activeElement?.id).toBe('result-title');
    expect(result.querySelector('.flag[data-category="R4"] q')?.textContent).toBe('free air ticket');
    expect(result.querySelector('.what-to-do ol li')).not.toBeNull();
    expect(result.querySelector('[data-group="embassy-KH"] a[href="tel:+85592881676"]')).not.toBeNull();

    const message = await waitFor(() => root.querySelector<HTMLTextAreaElement>('#family-text')?.value, 'family message');
    expect(message).toMatch(/strong warning signs/);
    expect(message).toMatch(/free air ticket/);
    expect(message).toMatch(/Our embassy in Cambodia: \+855 92881676/);
    expect(message).toMatch(/1930/);
    expect(message).toMatch(/https:\/\/emigrate\.gov\.in/);
  });

  it('copies the message, and offers sharing only where the browser can share', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, homeCountry: 'PH', onboarded: true });
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const root = await open();
    await pasteAndCheck(root, LURE);
    expect(byText(root, 'button', 'Share…')).toBeUndefined();
    await click(byText(root, 'button', 'Copy'));
    expect(writeText).toHaveBeenCalledWith(root.querySelector<HTMLTextAreaElement>('#family-text')!.value);
    await waitFor(() => byText(root, '.status', 'Copied.'), 'copied status');
  });

  it('shares through navigator.share when it exists', async () => {
    const share = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'share', { value: share, configurable: true });
    try {
      const root = await open();
      await pasteAndCheck(root, LURE);
      await click(byText(root, 'button', 'Share…'));
      expect(share).toHaveBeenCalledWith({ text: root.querySelector<HTMLTextAreaElement>('#family-text')!.value });
    } finally {
      delete (navigator as { share?: unknown }).share;
    }
  });

  it('reads a WhatsApp export from a file and judges it as one conversation', async () => {
    const root = await open();
    const input = root.querySelector<HTMLInputElement>('input[type="file"]')!;
    const file = new File([CHAT], 'WhatsApp Chat with Ravi HR.txt', { type: 'text/plain' });
    await act(() => {
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const result = await waitFor(() => root.querySelector('.result'), 'result');
    expect(root.querySelector('.status')?.textContent).toBe('Read a chat with 4 messages from WhatsApp Chat with Ravi HR.txt.');
    expect(result.querySelector('.level')?.getAttribute('data-level')).toBe('high');
    // Evidence says which message it came from.
    expect(result.querySelector('.flag[data-category="R1"] .quote-where')?.textContent).toMatch(/message 2/);
  });

  it('opens with text handed over by the context menu, and clears it', async () => {
    await checkTextItem.setValue(LURE);
    const root = await open();
    await waitFor(() => root.querySelector('.result'), 'result');
    expect(root.querySelector<HTMLTextAreaElement>('#offer-text')!.value).toBe(LURE);
    expect(await checkTextItem.getValue()).toBeNull();
    expect(root.textContent).toMatch(/This is the text you chose on a web page/);
  });

  it('asks for text when there is none', async () => {
    const root = await open();
    await click(byText(root, 'button', 'Check'));
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('Paste or open a text first.');
    expect(root.querySelector('.result')).toBeNull();
  });

  it('saves the language and country chosen on the page; the message can be in another language', async () => {
    const root = await open();
    await choose(root.querySelector('#home-country'), 'NP');
    expect((await settingsItem.getValue()).homeCountry).toBe('NP');
    await pasteAndCheck(root, LURE);
    await choose(root.querySelector('#family-lang'), 'ur');
    await waitFor(() => root.querySelector('#family-text')?.getAttribute('dir') === 'rtl', 'rtl message');
    expect(root.querySelector('#family-text')?.getAttribute('lang')).toBe('ur');
    await choose(root.querySelector('#ui-lang'), 'hi');
    expect((await settingsItem.getValue()).uiLanguage).toBe('hi');
    await waitFor(() => document.documentElement.lang === 'hi', 'Hindi interface');
    await flush();
  });
});

describe('checkText', () => {
  it('finds the destination for the contacts', () => {
    expect(checkText(LURE).destinations).toEqual(['KH']);
    expect(checkText(CHAT).destinations).toEqual(['MM', 'TH']);
  });
  it('judges a chat export as a thread', () => {
    expect(checkText(CHAT).chatMessages).toBe(4);
    expect(checkText(LURE).chatMessages).toBeUndefined();
  });
});
