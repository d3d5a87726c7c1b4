// Owns the ONE in-page panel: a host element on <html> with a closed shadow root, the panel's stylesheet
// adopted into it, and Preact rendering the content. Opened from a mark, closed with Escape or the close
// button; focus goes back to the mark. Keys typed in the panel never reach the page's shortcuts.
import { h, render } from 'preact';
import css from './panel.css?inline';
import { Panel, type PanelProps } from './Panel';

export type PanelContent = Omit<PanelProps, 'onClose'>;

const STOPPED = ['keydown', 'keyup', 'keypress', 'click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'focusin', 'focusout', 'wheel'] as const;

// The host's own box, set inline with !important so page rules cannot move, hide or restyle it. It sits at
// the end of the line in the panel's direction: top right, or top left for a right-to-left language (the
// page's own direction says nothing about the panel's).
const HOST_STYLE: Record<string, string> = {
  all: 'initial',
  position: 'fixed',
  top: '16px',
  width: 'min(420px, calc(100vw - 32px))',
  'z-index': '2147483647',
  display: 'block',
};

export interface PanelHandle {
  open(content: PanelContent, returnFocusTo: HTMLElement | null): void;
  close(): void;
  readonly isOpen: boolean;
  /** Removes the panel from the page (content script stopped). */
  destroy(): void;
}

/** Creates the panel controller for a document; the host element is only added on first open. Tests pass `open` shadow mode to look inside. */
export function createPanel(doc: Document, onClosed?: () => void, shadowMode: ShadowRootMode = 'closed'): PanelHandle {
  let host: HTMLElement | null = null;
  let mount: HTMLElement | null = null;
  let returnTo: HTMLElement | null = null;
  let open = false;
  // Escape pressed on the mark that opened the panel (before focus moved in) closes it too.
  const onDocumentKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && (event.target as Element | null)?.localName === 'lurewatch-mark') handle.close();
  };

  const ensure = () => {
    if (host && mount) {
      if (!host.isConnected) doc.documentElement.append(host);
      return mount;
    }
    host = doc.createElement('lurewatch-panel');
    for (const [name, value] of Object.entries(HOST_STYLE)) host.style.setProperty(name, value, 'important');
    const root = host.attachShadow({ mode: shadowMode });
    const Sheet = (doc.defaultView as (Window & typeof globalThis) | null)?.CSSStyleSheet;
    if (Sheet) {
      try {
        const sheet = new Sheet();
        sheet.replaceSync(css);
        root.adoptedStyleSheets = [sheet];
      } catch {
        // Without constructable sheets the panel is unstyled but still readable.
      }
    }
    mount = doc.createElement('div');
    mount.setAttribute('role', 'dialog');
    mount.setAttribute('aria-modal', 'false');
    mount.setAttribute('aria-labelledby', 'lw-heading');
    for (const type of STOPPED) mount.addEventListener(type, (event) => event.stopPropagation());
    mount.addEventListener('keydown', (event) => {
      if ((event as KeyboardEvent).key === 'Escape') {
        event.preventDefault();
        handle.close();
      }
    });
    root.append(mount);
    doc.documentElement.append(host);
    return mount;
  };

  const handle: PanelHandle = {
    open(content, returnFocusTo) {
      const target = ensure();
      returnTo = returnFocusTo;
      open = true;
      const { dir, lang } = content.locale;
      host!.style.setProperty(dir === 'rtl' ? 'left' : 'right', '16px', 'important');
      host!.style.setProperty(dir === 'rtl' ? 'right' : 'left', 'auto', 'important');
      target.setAttribute('dir', dir);
      target.setAttribute('lang', lang);
      host!.style.setProperty('display', 'block', 'important');
      doc.addEventListener('keydown', onDocumentKey, true);
      render(h(Panel, { ...content, onClose: () => handle.close() }), target);
    },
    close() {
      if (!open) return;
      open = false;
      doc.removeEventListener('keydown', onDocumentKey, true);
      if (mount) render(null, mount);
      host?.style.setProperty('display', 'none', 'important');
      const back = returnTo;
      returnTo = null;
      onClosed?.();
      if (back?.isConnected) back.focus({ preventScroll: true });
    },
    get isOpen() {
      return open;
    },
    destroy() {
      doc.removeEventListener('keydown', onDocumentKey, true);
      if (mount) render(null, mount);
      host?.remove();
      host = null;
      mount = null;
      open = false;
    },
  };
  return handle;
}
