// Owns everything LureWatch keeps in browser storage: settings (versioned, with migrations), dismissed
// warnings, and per-tab verdicts (session storage, gone when the browser closes). Nothing leaves the device.
import { storage } from 'wxt/utils/storage';
import type { Flag, Level } from '../rules/engine/types';

/** How eagerly to warn. `careful` also shows `low` findings as a quiet hint; `standard` shows medium and high. */
export type Sensitivity = 'standard' | 'careful';

export interface Settings {
  /** ISO 3166-1 alpha-2 code of the user's home country (for embassies and hotlines), or '' if not chosen yet. */
  homeCountry: string;
  /** Interface language tag (one of the shipped locales), or '' to follow the browser. */
  uiLanguage: string;
  sensitivity: Sensitivity;
  /** Host names (e.g. "www.example.com") where the user turned scanning off. */
  disabledSites: string[];
  /** Whether the first-run questions (country, language) were answered. */
  onboarded: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  homeCountry: '',
  uiLanguage: '',
  sensitivity: 'standard',
  disabledSites: [],
  onboarded: false,
};

/** Settings, version 1. Add a migration here whenever the shape changes; never read with `?? default`. */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** Hashes of segment texts whose warning the user dismissed ("I checked this one"). */
export const dismissedItem = storage.defineItem<string[]>('local:dismissed', { fallback: [], version: 1 });

/** One judged segment on a page, as kept for the popup. Excerpts are short and stay on the device. */
export interface SegmentVerdict {
  /** Stable hash of the segment's text (also the key for dismissing it). */
  hash: string;
  level: Level;
  score: number;
  flags: Flag[];
  /** The first ~300 characters of the segment, for the popup to show which listing or message it is. */
  excerpt: string;
  /** Adapter that found it ("linkedin-jobs", "generic", ...) and whether it is a thread. */
  source: string;
  kind: 'listing' | 'post' | 'message' | 'thread' | 'selection';
}

export interface TabVerdict {
  url: string;
  /** The highest level among the tab's segments that are not dismissed. */
  level: Level;
  segments: SegmentVerdict[];
  updatedAt: number;
}

/** Per-tab verdicts in session storage (cleared when the browser closes). */
export function tabVerdictItem(tabId: number) {
  return storage.defineItem<TabVerdict | null>(`session:verdict:${tabId}`, { fallback: null });
}

/** FNV-1a over a text: a short, stable key for a segment's text (not for security). */
export function textHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36) + ':' + text.length.toString(36);
}

/**
 * Text handed to the "check an offer" page by the context menu or the in-page panel (session storage).
 * The writer sets it and opens check.html; the check page reads it once and clears it.
 */
// PURE: content scripts import this module but may not touch session storage (defining a session item reads
// it at once, which throws "Access to storage is not allowed from this context" in a page). The annotation
// lets the bundler drop this item from bundles that do not use it.
export const checkTextItem = /* @__PURE__ */ storage.defineItem<string | null>('session:check-text', { fallback: null });
