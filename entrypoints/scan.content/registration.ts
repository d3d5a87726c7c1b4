// Owns how the page scripts reach pages: the every-page gate (gate.js) is registered as a content script at
// run time by the background worker, and the scanner (content-scripts/scan.js) is injected by the worker into
// job-like pages only. The gate is registered rather than listed in the manifest because WXT wraps every
// manifest content script in its runtime and the webextension-polyfill: ~2 ms of main-thread time on every
// page (measured with npm run bench:page), more than the gate's whole budget. An unlisted script carries
// neither.

/** A content script registration (scripting.RegisteredContentScript, the fields LureWatch uses). */
export interface ContentScriptRegistration {
  id: string;
  js?: string[];
  matches?: string[];
  runAt?: 'document_start' | 'document_end' | 'document_idle';
  allFrames?: boolean;
  persistAcrossSessions?: boolean;
}

/** The gate's registration (scripting.registerContentScripts). */
export const GATE_SCRIPT: Required<ContentScriptRegistration> = {
  id: 'lurewatch-gate',
  js: ['gate.js'],
  matches: ['http://*/*', 'https://*/*'],
  // After the page's own load work: LureWatch never competes with first paint.
  runAt: 'document_idle',
  // Same-origin frames are read by the scanner from the top frame; cross-origin frames are not read.
  allFrames: false,
  persistAcrossSessions: true,
};

// The same registration without persistAcrossSessions: for updates (which may not set it) and for Firefox
// before 105, which does not know it.
const { persistAcrossSessions: _, ...GATE_SCRIPT_THIS_SESSION } = GATE_SCRIPT;

/** The scanner, injected into a frame once the gate found it job-like. */
export const SCANNER_FILE = '/content-scripts/scan.js';

/** The part of the scripting API the registration uses (Chrome MV3 and Firefox 102+ in MV2 and MV3). */
export interface ScriptingLike {
  getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<ContentScriptRegistration[]>;
  registerContentScripts(scripts: ContentScriptRegistration[]): Promise<unknown>;
  updateContentScripts(scripts: ContentScriptRegistration[]): Promise<unknown>;
}

// Browsers report file paths with or without a leading slash.
const key = (list: readonly string[] | undefined) => (list ?? []).map((x) => x.replace(/^\//, '')).sort().join('\n');

/**
 * Registers the gate, or brings an existing registration up to date (an update may change it). Called each time
 * the worker starts: registrations persist across browser sessions, and this is one cheap query when nothing
 * changed.
 */
export async function ensureGateRegistered(scripting: ScriptingLike): Promise<'registered' | 'updated' | 'unchanged'> {
  const [current] = await scripting.getRegisteredContentScripts({ ids: [GATE_SCRIPT.id] });
  if (!current) {
    try {
      await scripting.registerContentScripts([GATE_SCRIPT]);
    } catch {
      // Firefox before 105 knows no persistAcrossSessions: register for this session (the worker registers again at start).
      await scripting.registerContentScripts([GATE_SCRIPT_THIS_SESSION]);
    }
    return 'registered';
  }
  const upToDate =
    key(current.js) === key(GATE_SCRIPT.js) &&
    key(current.matches) === key(GATE_SCRIPT.matches) &&
    (current.runAt ?? 'document_idle') === GATE_SCRIPT.runAt &&
    Boolean(current.allFrames) === GATE_SCRIPT.allFrames;
  if (upToDate) return 'unchanged';
  await scripting.updateContentScripts([GATE_SCRIPT_THIS_SESSION]);
  return 'updated';
}
