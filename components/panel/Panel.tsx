// Owns the in-page panel's content: the level, each red flag explained (from the rule data) with the quoted
// words, what to do, the link to the full explanation and contacts, and "dismiss", in the user's interface
// language and its direction (Urdu right to left). Page text only ever reaches the DOM as text nodes (Preact
// escapes it), isolated from the panel's direction; nothing here touches the page itself.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { FlagGroup } from './rule-texts';
import { kindName, levelName, levelSummary, panelText, type PanelKey, type PanelLocale, type SegmentKindName, type ShownLevel } from './messages';

export interface PanelProps {
  level: ShownLevel;
  kind: SegmentKindName;
  /** The red flags, explained from the rule data in the panel's language (explainFlags, run next to the engine). */
  groups: FlagGroup[];
  /** The interface language, its direction and the panel's texts (sent by the background worker). */
  locale: PanelLocale;
  /** The address of the full explanation page (check.html). */
  checkUrl: string;
  onOpenCheck(): void;
  onDismiss(): void;
  onClose(): void;
}

/** The panel body. Focus moves to its heading when it opens (the user asked for it by activating a mark). */
export function Panel(props: PanelProps) {
  const { level, kind, groups } = props;
  const { lang, dir, texts } = props.locale;
  const t = (key: PanelKey, values?: Record<string, string | number>) => panelText(texts, key, values);
  const heading = useRef<HTMLHeadingElement>(null);
  const [dismissed, setDismissed] = useState(false);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, [groups, level]);
  return (
    <div class={`panel level-${level}`} lang={lang} dir={dir}>
      <div class="top">
        <span class="brand">{t('extName')}</span>
        <span class={`badge badge-${level}`}>{levelName(texts, level)}</span>
        <button type="button" class="close" onClick={props.onClose} aria-label={t('panelClose')}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <h2 id="lw-heading" ref={heading} tabIndex={-1}>
        {levelSummary(texts, level)}
      </h2>
      <p class="summary">{t('panelSummary')}</p>
      {groups.length > 0 && (
        <section aria-labelledby="lw-flags">
          <h3 id="lw-flags">
            {t('flagsHeading')} ({groups.length})
          </h3>
          <ul class="flags">
            {groups.map((g) => (
              <li class="flag" key={g.category} data-category={g.category}>
                <h4 dir="auto">{g.title}</h4>
                {g.explanation && (
                  <p class="explanation" dir="auto">
                    {g.explanation}
                  </p>
                )}
                <ul class="evidence" aria-label={t('evidenceLabel')}>
                  {g.rules.map((r) => (
                    <li key={r.rule} data-rule={r.rule}>
                      <span class="rule" dir="auto">
                        {r.title}
                      </span>
                      {r.quotes.map((q, i) => (
                        <span key={i} class="quote">
                          {' '}
                          <q>
                            <bdi>{q.text}</bdi>
                          </q>
                          {q.message !== undefined && <span class="where"> ({t('evidenceInMessage', { n: q.message + 1 })})</span>}
                        </span>
                      ))}
                    </li>
                  ))}
                </ul>
                {g.whatToCheck && (
                  <p class="check">
                    <strong>{t('whatToCheckLabel')}</strong> <bdi>{g.whatToCheck}</bdi>
                  </p>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="lw-todo">
        <h3 id="lw-todo">{t('whatToDoHeading')}</h3>
        <ol class="todo">
          <li>{t('stepNoDocuments')}</li>
          <li>{t('stepWorkVisa')}</li>
          <li>{t('stepAskEmployer')}</li>
          <li>{t('stepTalk')}</li>
        </ol>
      </section>
      <section aria-labelledby="lw-contacts">
        <h3 id="lw-contacts">{t('contactsHeading')}</h3>
        <p>
          <a
            class="full"
            href={props.checkUrl}
            target="_blank"
            rel="noopener"
            onClick={(event) => {
              event.preventDefault();
              props.onOpenCheck();
            }}
          >
            {t('panelFullExplanation')}
          </a>
        </p>
      </section>
      <div class="actions">
        {dismissed ? (
          <p role="status">{t('panelDismissed')}</p>
        ) : (
          <button
            type="button"
            class="dismiss"
            onClick={() => {
              setDismissed(true);
              props.onDismiss();
            }}
          >
            {t('dismissButton')}
          </button>
        )}
      </div>
      <p class="private">
        {t('privacyNote')} · {kindName(texts, kind)}
      </p>
    </div>
  );
}
