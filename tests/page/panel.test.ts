// Tests the in-page panel: it explains each red flag with the rule data's own words and the quoted evidence,
// renders page text as text (never markup), handles dismiss, Escape and focus return, and speaks the user's
// interface language (right to left in Urdu) with texts from the shipped message files.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { builtInCategories, detectText } from '../../rules';
import { categoryTexts } from '../../rules/i18n';
import { createPanel, type PanelHandle } from '../../components/panel/mount';
import { markWording, type PanelLocale } from '../../components/panel/messages';
import { explainFlags } from '../../components/panel/rule-texts';
import { panelLocale, panelTexts } from '../../components/panel/texts';
import { englishMessages } from '../../components/i18n/messages';

const ENGLISH_PANEL: PanelLocale = { lang: 'en', dir: 'ltr', texts: panelTexts(englishMessages) };

const LURE = 'URGENT HIRING: Customer Support / Data Entry in Cambodia. Salary $1,500/month, free air ticket and hotel. Tourist visa arranged. Interview on Telegram only.';

let panel: PanelHandle | null = null;
afterEach(() => {
  panel?.destroy();
  panel = null;
  document.body.replaceChildren();
});

function openPanel(text: string, extra: { onDismiss?: () => void; onOpenCheck?: () => void; locale?: PanelLocale } = {}) {
  const finding = detectText(text);
  const locale = extra.locale ?? ENGLISH_PANEL;
  const button = document.createElement('button');
  document.body.append(button);
  panel = createPanel(document, undefined, 'open');
  panel.open(
    {
      level: finding.level === 'none' ? 'low' : (finding.level as 'high' | 'medium' | 'low'),
      kind: 'listing',
      groups: explainFlags(finding.flags, locale.lang),
      locale,
      checkUrl: 'chrome-extension://test/check.html',
      onOpenCheck: extra.onOpenCheck ?? (() => {}),
      onDismiss: extra.onDismiss ?? (() => {}),
    },
    button,
  );
  const host = document.querySelector('lurewatch-panel') as HTMLElement;
  return { finding, button, host, root: host.shadowRoot! };
}

describe('in-page panel', () => {
  it('explains every red flag with the rule data and quotes the evidence', () => {
    const { finding, root } = openPanel(LURE);
    expect(finding.level).toBe('high');
    const flags = Array.from(root.querySelectorAll('.flag'));
    const redCategories = [...new Set(finding.flags.map((f) => f.category).filter((c) => /^R\d+$/.test(c)))];
    expect(flags.map((f) => f.getAttribute('data-category'))).toEqual(redCategories);
    for (const flag of flags) {
      const category = builtInCategories.find((c) => c.id === flag.getAttribute('data-category'))!;
      expect(flag.querySelector('h4')!.textContent).toBe(category.title.en);
      expect(flag.querySelector('.explanation')!.textContent).toBe(category.explanation.en);
    }
    const quotes = Array.from(root.querySelectorAll('q')).map((q) => q.textContent);
    expect(quotes).toContain('Cambodia');
    expect(root.querySelector('[role="dialog"]')).not.toBeNull();
    expect(root.querySelector('a.full')!.getAttribute('href')).toBe('chrome-extension://test/check.html');
  });

  it('moves focus to its heading, closes on Escape and gives focus back to the mark', async () => {
    const { button, root, host } = openPanel(LURE);
    await vi.waitFor(() => expect(root.activeElement?.id).toBe('lw-heading'));
    const dialog = root.querySelector('[role="dialog"]')!;
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(panel!.isOpen).toBe(false);
    expect(host.style.getPropertyValue('display')).toBe('none');
    expect(document.activeElement).toBe(button);
  });

  it('keeps keys typed in the panel away from the page', () => {
    const { root } = openPanel(LURE);
    const pageKeys = vi.fn();
    document.addEventListener('keydown', pageKeys);
    root.querySelector('.dismiss')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true, composed: true }));
    document.removeEventListener('keydown', pageKeys);
    expect(pageKeys).not.toHaveBeenCalled();
  });

  it('renders page text as text, never as markup', () => {
    const { root } = openPanel('<img src=x onerror=alert(1)> URGENT HIRING in <b>Cambodia</b>, free air ticket, tourist visa, Telegram interview, salary $1,500');
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('q b')).toBeNull();
  });

  it('dismisses and opens the full explanation through its callbacks', () => {
    const onDismiss = vi.fn();
    const onOpenCheck = vi.fn();
    const { root } = openPanel(LURE, { onDismiss, onOpenCheck });
    (root.querySelector('a.full') as HTMLElement).click();
    expect(onOpenCheck).toHaveBeenCalledOnce();
    (root.querySelector('.dismiss') as HTMLElement).click();
    expect(onDismiss).toHaveBeenCalledOnce();
  });

  it('words the mark for each level from the interface messages', async () => {
    expect(markWording(ENGLISH_PANEL.texts, 'high', 'thread')).toEqual({
      text: 'LureWatch: High risk',
      label: 'LureWatch: High risk (Chat). Show why this may be a trafficking job lure.',
    });
    const hi = await panelLocale('hi', []);
    expect(markWording(hi.texts, 'medium', 'listing').text).toBe('LureWatch: चेतावनी के संकेत');
    // An unknown language setting follows the browser, then English.
    expect((await panelLocale('xx', ['de-DE'])).lang).toBe('en');
    expect((await panelLocale('', ['ur-PK'])).lang).toBe('ur');
  });

  it('speaks the chosen language: wording, red flags and direction (Urdu right to left)', async () => {
    const locale = await panelLocale('ur', ['en-US']);
    expect(locale).toMatchObject({ lang: 'ur', dir: 'rtl' });
    const { root, host } = openPanel(LURE, { locale });
    const panelRoot = root.querySelector('.panel')!;
    expect(panelRoot.getAttribute('dir')).toBe('rtl');
    expect(panelRoot.getAttribute('lang')).toBe('ur');
    expect(root.querySelector('[role="dialog"]')!.getAttribute('dir')).toBe('rtl');
    // At the line's end in the panel's direction: top left.
    expect(host.style.getPropertyValue('left')).toBe('16px');
    expect(root.querySelector('h2')!.textContent).toBe(locale.texts.levelHighSummary);
    expect(root.querySelector('.dismiss')!.textContent).toBe(locale.texts.dismissButton);
    expect(root.querySelector('a.full')!.textContent).toBe(locale.texts.panelFullExplanation);
    // The red flags in Urdu, from the rule data's translations.
    const first = root.querySelector('.flag')!;
    expect(first.querySelector('h4')!.textContent).toBe(categoryTexts(first.getAttribute('data-category')!, 'ur')!.title);
    expect(first.querySelector('h4')!.textContent).not.toBe(builtInCategories.find((c) => c.id === first.getAttribute('data-category'))!.title.en);
    // No English interface sentence left in the panel (quoted page text aside).
    const clone = panelRoot.cloneNode(true) as Element;
    clone.querySelectorAll('q').forEach((el) => el.remove());
    for (const value of Object.values(ENGLISH_PANEL.texts).filter((v) => v.length > 15)) expect(clone.textContent).not.toContain(value);
  });
});
