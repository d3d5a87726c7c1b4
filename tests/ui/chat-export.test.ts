// Owns reading WhatsApp chat exports (Android and iOS formats) into messages.
import { describe, expect, it } from 'vitest';
import { parseChatExport } from '../../components/chat-export';

describe('parseChatExport', () => {
  it('reads an Android export (US dates, 12-hour clock with a narrow no-break space)', () => {
    const text = [
      '12/31/23, 9:15\u202fPM - Messages and calls are end-to-end encrypted. No one outside of this chat can read them.',
      '12/31/23, 9:15\u202fPM - Ravi HR: Hello, data entry job in Cambodia',
      '12/31/23, 9:16\u202fPM - Ravi HR: Salary $1500, free air ticket',
      'Visa on arrival, we arrange',
      '12/31/23, 9:17\u202fPM - Me: <Media omitted>',
      '12/31/23, 9:18\u202fPM - Me: ok',
    ].join('\n');
    const chat = parseChatExport(text)!;
    expect(chat.format).toBe('android');
    expect(chat.messages).toEqual([
      { from: 'Ravi HR', text: 'Hello, data entry job in Cambodia' },
      { from: 'Ravi HR', text: 'Salary $1500, free air ticket\nVisa on arrival, we arrange' },
      { from: 'Me', text: 'ok' },
    ]);
  });

  it('reads an Android export with day-first dates and a 24-hour clock', () => {
    const chat = parseChatExport('31/12/2023, 21:15 - +91 98765 43210: नमस्ते\n31/12/2023, 21:16 - Priya: टिकट फ्री है')!;
    expect(chat.messages.map((m) => m.from)).toEqual(['+91 98765 43210', 'Priya']);
    expect(chat.messages[1].text).toBe('टिकट फ्री है');
  });

  it('reads dotted dates (German-style phones)', () => {
    expect(parseChatExport('31.12.23, 21:15 - A: one\n31.12.23, 21:16 - B: two')!.messages).toHaveLength(2);
  });

  it('reads an iOS export with brackets, seconds and invisible marks', () => {
    const text = [
      '\u200e[31/12/23, 21:15:02] Agent Lin: \u200eMessages and calls are end-to-end encrypted.',
      '[31/12/23, 21:15:30] Agent Lin: Job in Thailand, company pays flight',
      '\u200e[31/12/23, 21:16:01] Agent Lin: \u200eimage omitted',
      '[12/31/23, 9:17:45 PM] Me: Where exactly?',
      'Which city?',
    ].join('\n');
    const chat = parseChatExport(text)!;
    expect(chat.format).toBe('ios');
    expect(chat.messages).toEqual([
      { from: 'Agent Lin', text: 'Messages and calls are end-to-end encrypted.' },
      { from: 'Agent Lin', text: 'Job in Thailand, company pays flight' },
      { from: 'Me', text: 'Where exactly?\nWhich city?' },
    ]);
  });

  it('reads Windows line endings and ISO dates', () => {
    expect(parseChatExport('2023-12-31, 21:15 - A: one\r\n2023-12-31, 21:16 - B: two\r\n')!.messages).toEqual([
      { from: 'A', text: 'one' },
      { from: 'B', text: 'two' },
    ]);
  });

  it('returns null for ordinary text, so it is judged as one text', () => {
    expect(parseChatExport('Urgent hiring: data entry in Cambodia. Salary $1500.')).toBeNull();
    expect(parseChatExport('Interview on 12/01/2024, 10:00 - bring your CV')).toBeNull();
  });
});
