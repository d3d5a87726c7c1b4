// Owns the "what to do now" steps that go with a warning.
import type { Level } from '../rules/engine/types';
import { useI18n } from './i18n/context';
import type { MessageKey } from './i18n/messages';

const STEPS: Record<Level, MessageKey[]> = {
  high: ['stepNoDocuments', 'stepAskEmployer', 'stepCheckAgent', 'stepWorkVisa', 'stepTalk', 'stepHeld'],
  medium: ['stepNoDocuments', 'stepAskEmployer', 'stepCheckAgent', 'stepWorkVisa', 'stepTalk', 'stepHeld'],
  low: ['stepAskEmployer', 'stepCheckAgent', 'stepTalk'],
  none: ['stepAskEmployer', 'stepCheckAgent'],
};

/** Numbered steps for the level. */
export function WhatToDo({ level, headingLevel = 2 }: { level: Level; headingLevel?: 2 | 3 }) {
  const { t } = useI18n();
  const H = `h${headingLevel}` as 'h2' | 'h3';
  return (
    <section class="what-to-do" aria-labelledby="what-to-do-title">
      <H id="what-to-do-title" class="section-title">
        {t('whatToDoHeading')}
      </H>
      <ol>
        {STEPS[level].map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ol>
    </section>
  );
}
