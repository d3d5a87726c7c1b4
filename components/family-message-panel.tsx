// Owns the "message you can send back" box on the check page: language choice, the editable message,
// copy and share buttons. Nothing is sent by LureWatch; the user pastes or shares it themselves.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Flag, Level } from '../rules/engine/types';
import type { ContactSelection } from '../rules/contacts';
import { buildFamilyMessage } from './family-message';
import { useI18n, useMessages } from './i18n/context';
import { translator } from './i18n/messages';
import { uiLocale } from './i18n/locales';
import { useRuleTranslations } from './i18n/rule-texts';
import { LanguageSelect } from './pickers';

export interface FamilyMessagePanelProps {
  level: Level;
  flags: Flag[];
  contacts: ContactSelection;
}

export function FamilyMessagePanel({ level, flags, contacts }: FamilyMessagePanelProps) {
  const { t, lang } = useI18n();
  const [messageLang, setMessageLang] = useState(lang);
  const messages = useMessages(messageLang);
  const ruleTable = useRuleTranslations(messageLang);
  const [text, setText] = useState('');
  const [status, setStatus] = useState('');
  const area = useRef<HTMLTextAreaElement>(null);

  // A new result or language replaces any edits.
  useEffect(() => {
    if (messages && ruleTable !== undefined) {
      setText(buildFamilyMessage({ level, flags, contacts, lang: messageLang, t: translator(messages), ruleTable: ruleTable ?? undefined }));
    }
    setStatus('');
  }, [messages, ruleTable, messageLang, level, flags, contacts]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setStatus(t('copied'));
    } catch {
      // Clipboard API refused (no focus or permission): fall back to selecting the text.
      area.current?.select();
      const ok = typeof document.execCommand === 'function' && document.execCommand('copy');
      setStatus(ok ? t('copied') : t('copyFailed'));
    }
  }

  async function share() {
    try {
      await navigator.share({ text });
    } catch {
      // The user closed the share sheet; nothing to do.
    }
  }

  const canShare = typeof navigator !== 'undefined' && typeof navigator.share === 'function';
  const dir = uiLocale(messageLang)?.dir ?? 'ltr';
  return (
    <section class="family" aria-labelledby="family-title">
      <h2 id="family-title" class="section-title">
        {t('familyHeading')}
      </h2>
      <p>{t('familyIntroText')}</p>
      <LanguageSelect id="family-lang" value={messageLang} onChange={setMessageLang} label={t('familyLanguageLabel')} allowAuto={false} />
      <div class="field">
        <label for="family-text">{t('familyMessageLabel')}</label>
        <textarea id="family-text" ref={area} rows={12} lang={messageLang} dir={dir} value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
      </div>
      <div class="actions">
        <button type="button" class="button button-primary" onClick={copy}>
          {t('copyButton')}
        </button>
        {canShare && (
          <button type="button" class="button" onClick={share}>
            {t('shareButton')}
          </button>
        )}
        <span role="status" class="status">
          {status}
        </span>
      </div>
      <p class="hint">{t('familySendNote')}</p>
    </section>
  );
}
