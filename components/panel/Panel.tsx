// Owns the in-page panel's content: the level, each red flag explained (from the rule data) with the quoted
// words, what to do, the link to the full explanation and contacts, and "dismiss". Page text only ever
// reaches the DOM as text nodes (Preact escapes it); nothing here touches the page itself.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { FlagGroup } from './rule-texts';
import { kindName, levelName, panelHeading, panelText, type SegmentKindName, type ShownLevel } from './messages';

export interface PanelProps {
  level: ShownLevel;
  kind: SegmentKindName;
  /** The red flags, explained from the rule data (explainFlags in rule-texts.ts, run next to the engine). */
  groups: FlagGroup[];
  lang: string;
  /** The address of the full explanation page (check.html). */
  checkUrl: string;
  onOpenCheck(): void;
  onDismiss(): void;
  onClose(): void;
}

/** The panel body. Focus moves to its heading when it opens (the user asked for it by activating a mark). */
export function Panel(props: PanelProps) {
  const { level, kind, groups, lang } = props;
  const t = (key: Parameters<typeof panelText>[1], values?: Record<string, string | number>) => panelText(lang, key, values);
  const heading = useRef<HTMLHeadingElement>(null);
  const [dismissed, setDismissed] = useState(false);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, [groups, level]);
  return (
    <div class={`panel level-${level}`} lang={lang} dir="auto">
      <div class="top">
        <span class="brand">LureWatch</span>
        <span class={`badge badge-${level}`}>{levelName(lang, level)}</span>
        <button type="button" class="close" onClick={props.onClose} aria-label={t('close')}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <h2 id="lw-heading" ref={heading} tabIndex={-1}>
        {panelHeading(lang, level, kind)}
      </h2>
      <p class="summary">{t('summary')}</p>
      {groups.length > 0 && (
        <section aria-labelledby="lw-flags">
          <h3 id="lw-flags">
            {t('flagsHeading')} ({groups.length})
          </h3>
          <ul class="flags">
            {groups.map((g) => (
              <li class="flag" key={g.category} data-category={g.category}>
                <h4>{g.title}</h4>
                {g.explanation && <p class="explanation">{g.explanation}</p>}
                <ul class="evidence" aria-label={t('quotedLabel')}>
                  {g.rules.map((r) => (
                    <li key={r.rule} data-rule={r.rule}>
                      <span class="rule">{r.title}</span>
                      {r.quotes.map((q, i) => (
                        <span key={i} class="quote">
                          {' '}
                          <q>
                            <bdi>{q.text}</bdi>
                          </q>
                          {q.message !== undefined && <span class="where"> ({t('inMessage', { n: q.message + 1 })})</span>}
                        </span>
                      ))}
                    </li>
                  ))}
                </ul>
                {g.whatToCheck && (
                  <p class="check">
                    <strong>{t('whatToCheck')}</strong> {g.whatToCheck}
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
          <li>{t('todo1')}</li>
          <li>{t('todo2')}</li>
          <li>{t('todo3')}</li>
          <li>{t('todo4')}</li>
        </ol>
      </section>
      <section aria-labelledby="lw-contacts">
        <h3 id="lw-contacts">{t('contactsHeading')}</h3>
        <p>{t('contactsIntro')}</p>
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
            {t('fullExplanation')}
          </a>
        </p>
      </section>
      <div class="actions">
        {dismissed ? (
          <p role="status">{t('dismissed')}</p>
        ) : (
          <button
            type="button"
            class="dismiss"
            onClick={() => {
              setDismissed(true);
              props.onDismiss();
            }}
          >
            {t('dismiss')}
          </button>
        )}
      </div>
      <p class="private">
        {t('onDevice')} · {kindName(lang, kind)}
      </p>
    </div>
  );
}
