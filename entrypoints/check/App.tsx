// Owns the full-tab "check an offer" page: paste a message or open a chat export, get the verdict explained,
// whom to call, and a message to send back. Everything runs here; nothing is sent anywhere.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { builtInRules, detectText, detectThread, type DetailedFinding } from '../../rules';
import { ruleTextsIn } from '../../rules/i18n/lookup';
import { contactsFor, destinationsIn } from '../../rules/contacts';
import { checkTextItem, settingsItem, type Settings } from '../../components/storage';
import { updateSettings, useStorageItem } from '../../components/use-storage';
import { I18nProvider, useI18n } from '../../components/i18n/context';
import { parseChatExport } from '../../components/chat-export';
import { LevelBanner } from '../../components/level-banner';
import { FindingView } from '../../components/finding-view';
import { isAdvisory } from '../../components/flags';
import { WhatToDo } from '../../components/what-to-do';
import { ContactList } from '../../components/contact-list';
import { FamilyMessagePanel } from '../../components/family-message-panel';
import { CountrySelect, LanguageSelect } from '../../components/pickers';

// Chat exports of years of messages are a few MB; beyond this it is not a chat or an offer.
const MAX_FILE_BYTES = 20 * 1024 * 1024;

interface Result {
  finding: DetailedFinding;
  destinations: string[];
}

type SourceNote = { kind: 'chat'; name: string; count: number } | { kind: 'file'; name: string } | { kind: 'page' } | null;

/** Judges pasted text or a chat export; a chat is judged as one conversation. */
export function checkText(text: string): Result & { chatMessages?: number } {
  const chat = parseChatExport(text);
  const finding = chat ? detectThread(chat.messages) : detectText(text);
  const evidence = finding.flags.filter((f) => /^R1$/.test(f.category)).flatMap((f) => f.evidence.map((e) => e.text));
  return { finding, destinations: destinationsIn([...evidence, text]), chatMessages: chat?.messages.length };
}

function CheckBody({ settings }: { settings: Settings }) {
  const { t, lang, ruleTable } = useI18n();
  // The engine is loaded on this page anyway, so rule titles come from its compiled rules.
  const ruleTitle = (id: string) => ruleTextsIn(ruleTable, builtInRules().byId.get(id)?.rule, lang)?.title;
  const [text, setText] = useState('');
  const [result, setResult] = useState<Result | null>(null);
  const [note, setNote] = useState<SourceNote>(null);
  const [error, setError] = useState('');
  const [dropping, setDropping] = useState(false);
  const textArea = useRef<HTMLTextAreaElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const [focusResult, setFocusResult] = useState(0);

  function run(value: string, source: SourceNote = null) {
    setError('');
    if (!value.trim()) {
      setResult(null);
      setNote(null);
      setError(t('checkEmpty'));
      textArea.current?.focus();
      return;
    }
    const checked = checkText(value);
    setResult({ finding: checked.finding, destinations: checked.destinations });
    if (source?.kind === 'file' && checked.chatMessages) setNote({ kind: 'chat', name: source.name, count: checked.chatMessages });
    else setNote(source);
    setFocusResult((n) => n + 1);
  }

  // Move focus to the result so keyboard and screen-reader users land on the answer.
  useEffect(() => {
    if (focusResult) resultHeading.current?.focus();
  }, [focusResult]);

  // Text handed over by the context menu or the in-page panel: read once, clear, check.
  useEffect(() => {
    const take = async (value: string | null) => {
      if (!value) return;
      await checkTextItem.removeValue();
      setText(value);
      run(value, { kind: 'page' });
    };
    checkTextItem.getValue().then(take);
    return checkTextItem.watch(take);
  }, []);

  async function readFile(file: File | undefined) {
    if (!file) return;
    setError('');
    if (file.size > MAX_FILE_BYTES || (file.type && !file.type.startsWith('text/') && !/\.(txt|text)$/i.test(file.name))) {
      setError(t('checkFileError'));
      return;
    }
    try {
      const value = await file.text();
      setText(value);
      run(value, { kind: 'file', name: file.name });
    } catch {
      setError(t('checkFileError'));
    }
  }

  const contacts = useMemo(() => (result ? contactsFor({ home: settings.homeCountry, destinations: result.destinations }) : null), [result, settings.homeCountry]);

  return (
    <>
      <p>{t('checkIntro')}</p>
      <form
        class="card"
        onSubmit={(e) => {
          e.preventDefault();
          run(text, note?.kind === 'page' ? note : null);
        }}
      >
        <div class="field">
          <label for="offer-text">{t('checkTextLabel')}</label>
          <textarea
            id="offer-text"
            ref={textArea}
            rows={9}
            dir="auto"
            class={dropping ? 'dropping' : ''}
            placeholder={t('checkTextPlaceholder')}
            aria-describedby="drop-hint"
            value={text}
            onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
            onDragOver={(e) => {
              if (e.dataTransfer?.types.includes('Files')) {
                e.preventDefault();
                setDropping(true);
              }
            }}
            onDragLeave={() => setDropping(false)}
            onDrop={(e) => {
              const file = e.dataTransfer?.files?.[0];
              setDropping(false);
              if (file) {
                e.preventDefault();
                readFile(file);
              }
            }}
          />
          <p id="drop-hint" class="hint">
            {t('checkDropHint')}
          </p>
        </div>
        <div class="actions">
          <button type="submit" class="button button-primary">
            {t('checkButton')}
          </button>
          <label class="button file-button">
            {t('checkFileLabel')}
            <input
              type="file"
              accept=".txt,text/plain"
              class="visually-hidden"
              onChange={(e) => {
                const input = e.currentTarget as HTMLInputElement;
                readFile(input.files?.[0]).finally(() => (input.value = ''));
              }}
            />
          </label>
          <button
            type="button"
            class="button"
            onClick={() => {
              setText('');
              setResult(null);
              setNote(null);
              setError('');
              textArea.current?.focus();
            }}
          >
            {t('checkClear')}
          </button>
        </div>
        <p role="status" class="status" aria-live="polite">
          {note?.kind === 'chat' && t('checkChatLoaded', { count: note.count, name: note.name })}
          {note?.kind === 'file' && t('checkFileLoaded', { name: note.name })}
          {note?.kind === 'page' && t('checkFromPage')}
        </p>
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
      </form>

      {result && contacts && (
        <section class="result" aria-labelledby="result-title">
          <h2 id="result-title" ref={resultHeading} tabIndex={-1}>
            {t('checkResultHeading')}
          </h2>
          <LevelBanner level={result.finding.level} advisory={isAdvisory(result.finding.flags)} />
          <FindingView flags={result.finding.flags} headingLevel={3} idPrefix="result" ruleTitle={ruleTitle} />
          <WhatToDo level={result.finding.level} />
          <ContactList home={settings.homeCountry} destinations={result.destinations} />
          <FamilyMessagePanel level={result.finding.level} flags={result.finding.flags} contacts={contacts} />
        </section>
      )}
    </>
  );
}

function CheckPage({ settings }: { settings: Settings }) {
  const { t } = useI18n();
  return (
    <main class="page">
      <header class="page-header">
        <div class="brand">
          <img src="/icons/48.png" alt="" width={28} height={28} />
          <h1>{t('checkTitle')}</h1>
        </div>
        <div class="toolbar">
          <LanguageSelect id="ui-lang" value={settings.uiLanguage} onChange={(uiLanguage) => updateSettings({ uiLanguage })} />
          <CountrySelect id="home-country" value={settings.homeCountry} showHint={false} onChange={(homeCountry) => updateSettings({ homeCountry, onboarded: true })} />
        </div>
      </header>
      <CheckBody settings={settings} />
      <footer>
        <p class="hint">{t('privacyNote')}</p>
      </footer>
    </main>
  );
}

/** The check page. */
export function App() {
  const settings = useStorageItem(settingsItem);
  if (!settings) return null;
  return (
    <I18nProvider setting={settings.uiLanguage}>
      <CheckPage settings={settings} />
    </I18nProvider>
  );
}
