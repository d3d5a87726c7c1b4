// Owns showing a risk level in words, colour and a shape (so it does not rely on colour alone).
import type { Level } from '../rules/engine/types';
import { useI18n } from './i18n/context';
import type { MessageKey } from './i18n/messages';

const WORDS: Record<Level, [MessageKey, MessageKey, string]> = {
  high: ['levelHigh', 'levelHighSummary', '!!'],
  medium: ['levelMedium', 'levelMediumSummary', '!'],
  low: ['levelLow', 'levelLowSummary', 'i'],
  none: ['levelNone', 'levelNoneSummary', '✓'],
};

/** The level as a coloured banner: icon, word, one-line meaning. */
export function LevelBanner({ level, advisory = false }: { level: Level; advisory?: boolean }) {
  const { t } = useI18n();
  const [word, summary, icon] = WORDS[level];
  return (
    <div class={`level level-${level}`} data-level={level}>
      <span class="level-icon" aria-hidden="true">
        {icon}
      </span>
      <div>
        <p class="level-word">{t(word)}</p>
        <p class="level-summary">{advisory && level !== 'high' && level !== 'medium' ? t('advisoryNote') : t(summary)}</p>
      </div>
    </div>
  );
}
