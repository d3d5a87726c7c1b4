// Owns showing country names in the interface language, through the browser's own ICU data (Intl.DisplayNames),
// so no country list has to be translated by hand.

const cache = new Map<string, Intl.DisplayNames | null>();

/** The name of an ISO 3166 region in `lang` ("KH" → "कंबोडिया" in Hindi), or the code if unknown. */
export function countryName(code: string, lang: string): string {
  if (!cache.has(lang)) {
    try {
      cache.set(lang, new Intl.DisplayNames([lang, 'en'], { type: 'region', fallback: 'code' }));
    } catch {
      cache.set(lang, null);
    }
  }
  try {
    return cache.get(lang)?.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Sorts country codes by their name in `lang`. */
export function sortByCountryName(codes: readonly string[], lang: string): string[] {
  const collator = new Intl.Collator(lang);
  return [...codes].sort((a, b) => collator.compare(countryName(a, lang), countryName(b, lang)));
}
