// Tests the first check (entrypoints/scan.content/first-check.ts): every lure in the dev corpus holds a hint
// word (a page with a lure is never left unscanned by the gate), the hints form a pattern as they are, and the
// bounded text sample reads page text in order from the start or the end, skipping scripts and style sheets.
// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { devCorpusPath, readCorpus, recordText } from '../../tools/lib/corpus';
import { jobHints, looksJobLike, sampleLooksJobLike, textSample } from '../../entrypoints/scan.content/first-check';

describe('the first check', () => {
  it('lets every lure of the dev corpus through', () => {
    const lures = readCorpus(devCorpusPath).filter((r) => r.label === 'lure');
    expect(lures.length).toBeGreaterThan(100);
    const missed = lures.filter((r) => !looksJobLike(recordText(r))).map((r) => `${r.id} (${r.lang})`);
    expect(missed).toEqual([]);
  });

  it('has hints that are lower case and free of regex metacharacters', () => {
    for (const hint of jobHints()) {
      expect(hint).toBe(hint.toLowerCase());
      expect(hint).not.toMatch(/[.*+?^${}()|[\]\\]/);
      expect(hint.trim()).toBe(hint);
    }
  });

  it('samples text from the start or the end, within the budget, without scripts or styles', () => {
    document.body.innerHTML = '<p>first words</p><script>var job = 1;</script><style>.job{}</style><div>middle <b>part</b></div><p>last words</p>';
    expect(textSample(document.body, 1000)).toBe('first words middle  part last words');
    expect(textSample(document.body, 5)).toBe('first words');
    expect(textSample(document.body, 5, true)).toBe('last words');
    expect(textSample(document.body.querySelector('b')!.firstChild!, 2)).toBe('pa');
  });

  it('finds job words at the start or the end of a long page, and nothing on a page without them', () => {
    const make = (head: string, tail: string) => {
      const d = document.implementation.createHTMLDocument('Stories');
      const filler = 'the river valley forest morning bread garden bird mountain autumn tea kitchen music. '.repeat(20);
      d.body.innerHTML = `<p>${head}</p>` + `<p>${filler}</p>`.repeat(200) + `<p>${tail}</p>`;
      return d;
    };
    expect(sampleLooksJobLike(make('', ''))).toBe(false);
    expect(sampleLooksJobLike(make('We are hiring data entry staff', ''))).toBe(true);
    expect(sampleLooksJobLike(make('', 'Contact our recruiter on Telegram'))).toBe(true);
  });
});
