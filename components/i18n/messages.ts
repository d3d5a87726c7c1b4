// Owns loading interface texts for a chosen language at run time. The texts live in
// public/_locales/<folder>/messages.json (Chrome's format, so the manifest can use them too), but
// browser.i18n.getMessage only speaks the browser's language; the user picks theirs in the options.
import en from '../../public/_locales/en/messages.json';
import { DEFAULT_LOCALE, uiLocale } from './locales';

export type MessageKey = keyof typeof en;
/** One language's texts: key → text. */
export type Messages = Partial<Record<MessageKey, string>>;

type ChromeMessages = Record<string, { message: string; description?: string }>;

// Each locale becomes its own chunk, loaded only when chosen.
// English is bundled statically above, so it is left out here.
const loaders = import.meta.glob<ChromeMessages>(['../../public/_locales/*/messages.json', '!../../public/_locales/en/messages.json'], { import: 'default' });

function flatten(file: ChromeMessages): Messages {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(file)) out[key] = value.message;
  return out as Messages;
}

/** English texts, always bundled: the fallback for any missing key. */
export const englishMessages: Messages = flatten(en as ChromeMessages);

const cache = new Map<string, Messages>([[DEFAULT_LOCALE, englishMessages]]);

/** Loads a shipped language's texts (English for an unknown tag). */
export async function loadMessages(tag: string): Promise<Messages> {
  const locale = uiLocale(tag);
  if (!locale) return englishMessages;
  const cached = cache.get(locale.tag);
  if (cached) return cached;
  const loader = loaders[`../../public/_locales/${locale.folder}/messages.json`];
  const messages = loader ? flatten(await loader()) : englishMessages;
  cache.set(locale.tag, messages);
  return messages;
}

/** Every locale folder that has a messages file, English included (for tests). */
export function localeFolders(): string[] {
  return ['en', ...Object.keys(loaders).map((path) => path.split('/').at(-2)!)];
}

/** A translator: the text for `key` in `messages`, else English, with `{name}` placeholders filled in. */
export function translator(messages: Messages) {
  return (key: MessageKey, params?: Record<string, string | number>): string => {
    const template = messages[key] ?? englishMessages[key] ?? key;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}

export type Translate = ReturnType<typeof translator>;
