// Owns explaining a finding: each red flag with its plain explanation (in the interface language, from the
// rule data), the quoted words that triggered it, and what to check.
import type { Flag } from '../rules/engine/types';
import { categoryTextsIn } from '../rules/i18n/lookup';
import { useI18n } from './i18n/context';
import { groupByCategory, isRedFlagCategory, MAX_QUOTES_PER_RULE, quotesOf } from './flags';

/** One quoted piece of evidence, isolated for right-to-left text, with the message it came from. */
function Quote({ quote }: { quote: { text: string; message?: number } }) {
  const { t } = useI18n();
  return (
    <span class="quote">
      <q>
        <bdi>{quote.text}</bdi>
      </q>
      {quote.message !== undefined && <span class="quote-where"> ({t('evidenceInMessage', { n: quote.message + 1 })})</span>}
    </span>
  );
}

/**
 * The red flags of a finding, explained. `headingLevel` is the level of the section title (2 or 3).
 * `compact` (the popup) shows each flag's title and quoted words, with the explanation one click away.
 */
export function FindingView({
  flags,
  headingLevel = 3,
  idPrefix = 'f',
  compact = false,
  ruleTitle,
}: {
  flags: Flag[];
  headingLevel?: 2 | 3;
  idPrefix?: string;
  compact?: boolean;
  /** A rule's title in the interface language (the check page passes it; it has the rule data loaded anyway). */
  ruleTitle?: (ruleId: string) => string | undefined;
}) {
  const { t, lang, ruleTable } = useI18n();
  const categoryTexts = (id: string) => categoryTextsIn(ruleTable, id, lang);
  const red = groupByCategory(flags.filter((f) => isRedFlagCategory(f.category)));
  const counter = groupByCategory(flags.filter((f) => f.category === 'C2' || f.category === 'C3'));
  const H = `h${headingLevel}` as 'h2' | 'h3';
  const Item = `h${headingLevel + 1}` as 'h3' | 'h4';
  return (
    <div class="finding">
      {red.length > 0 && (
        <section aria-labelledby={`${idPrefix}-flags`}>
          <H id={`${idPrefix}-flags`} class="section-title">
            {t('flagsHeading')}
          </H>
          <ul class="flags">
            {red.map(({ category, flags: list }) => {
              const texts = categoryTexts(category);
              const check = texts?.whatToCheck && texts.whatToCheck !== '—' ? texts.whatToCheck : '';
              if (compact) {
                const quotes = list.flatMap(quotesOf).slice(0, MAX_QUOTES_PER_RULE);
                return (
                  <li class="flag flag-compact" key={category} data-category={category}>
                    <details>
                      <summary class="flag-title">{texts?.title ?? category}</summary>
                      <p class="flag-explanation">{texts?.explanation}</p>
                      {check && (
                        <p class="flag-check">
                          <strong>{t('whatToCheckLabel')}</strong> {check}
                        </p>
                      )}
                    </details>
                    <p class="flag-quotes" aria-label={t('evidenceLabel')}>
                      {quotes.map((q, i) => (
                        <Quote key={i} quote={q} />
                      ))}
                    </p>
                  </li>
                );
              }
              return (
                <li class="flag" key={category} data-category={category}>
                  <Item class="flag-title">{texts?.title ?? category}</Item>
                  <p class="flag-explanation">{texts?.explanation}</p>
                  <ul class="evidence-list" aria-label={t('evidenceLabel')}>
                    {list.map((flag) => (
                      <li key={flag.rule} data-rule={flag.rule}>
                        {ruleTitle && <span class="rule-title">{ruleTitle(flag.rule) ?? flag.rule}</span>}{' '}
                        {quotesOf(flag).map((q, i) => (
                          <Quote key={i} quote={q} />
                        ))}
                      </li>
                    ))}
                  </ul>
                  {check && (
                    <p class="flag-check">
                      <strong>{t('whatToCheckLabel')}</strong> {check}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {counter.length > 0 && (
        <section aria-labelledby={`${idPrefix}-counter`}>
          <H id={`${idPrefix}-counter`} class="section-title">
            {t('counterHeading')}
          </H>
          <ul class="counter-list">
            {counter.map(({ category, flags: list }) => (
              <li key={category} data-category={category}>
                {categoryTexts(category)?.title ?? category}:{' '}
                {list.flatMap(quotesOf).slice(0, MAX_QUOTES_PER_RULE).map((q, i) => (
                  <q key={i} class="quote">
                    <bdi>{q.text}</bdi>
                  </q>
                ))}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
