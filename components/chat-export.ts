// Owns reading chat exports (WhatsApp "Export chat" .txt files from Android and iOS) into messages, so a
// whole conversation can be judged as one thread. Pure: no DOM.
import type { ThreadMessage } from '../rules/engine/types';

export interface ParsedChat {
  format: 'android' | 'ios';
  messages: ThreadMessage[];
}

// Dates come as 12/31/20, 31/12/2020, 31.12.20, 2020-12-31 or 2020/12/31, depending on the phone's region.
const DATE = String.raw`\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}`;
// Times as 21:15, 9:15 PM, 9:15 pm, 9:15 p.m., 21.15, with seconds on iOS; Android puts a narrow no-break space before PM.
const TIME = String.raw`\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:[\s\u202f\u00a0]?[AaPp]\.?\s?[Mm]\.?)?`;
// Invisible marks WhatsApp puts before lines and attachments.
const MARKS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
// Android: "31/12/2020, 21:15 - Name: text"; iOS: "[31/12/2020, 21:15:30] Name: text".
const ANDROID = new RegExp(String.raw`^(${DATE}),?\s(${TIME})\s[-–]\s(.*)$`);
const IOS = new RegExp(String.raw`^\[(${DATE}),?\s(${TIME})\]\s(.*)$`);
// What a chat export writes instead of a photo, video, sticker or deleted message.
const PLACEHOLDER = /^(?:<media omitted>|<attached: [^>]*>|(?:image|video|audio|sticker|gif|document) omitted|this message was deleted|you deleted this message|null)$/i;

function splitSender(rest: string): ThreadMessage | null {
  const colon = rest.indexOf(': ');
  // No "Name: " means a system line ("Messages and calls are end-to-end encrypted", "X added Y").
  if (colon <= 0 || colon > 80) return null;
  return { from: rest.slice(0, colon).trim(), text: rest.slice(colon + 2) };
}

/**
 * Parses a WhatsApp chat export. Returns null when the text does not look like one (fewer than two
 * dated message lines), so the caller judges it as plain text instead.
 */
export function parseChatExport(text: string): ParsedChat | null {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const messages: ThreadMessage[] = [];
  let android = 0;
  let ios = 0;
  let current: ThreadMessage | null = null;
  const push = () => {
    if (current) {
      const body = current.text.trim();
      if (body && !PLACEHOLDER.test(body)) messages.push({ from: current.from, text: body });
    }
    current = null;
  };
  for (const raw of lines) {
    const line = raw.replace(MARKS, '');
    const m = IOS.exec(line) ?? ANDROID.exec(line);
    if (m) {
      if (line.startsWith('[')) ios++;
      else android++;
      push();
      current = splitSender(m[3]);
      continue;
    }
    // A line without a date continues the message above (multi-line messages).
    // Lines before the first dated line, and after a system line, are dropped.
    if (current) current.text += '\n' + line;
  }
  push();
  if (android + ios < 2 || messages.length === 0) return null;
  return { format: ios > android ? 'ios' : 'android', messages };
}
