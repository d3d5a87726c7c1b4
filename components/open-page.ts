// Owns opening LureWatch's own pages (the checker, the settings) in a tab, from the popup or another page.
import { browser } from 'wxt/browser';

/** Opens the "check an offer" page in a new tab. */
export async function openChecker(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL('/check.html') });
}

/** Opens the settings page (focusing it if it is already open; a new tab where that is not supported). */
export async function openSettings(): Promise<void> {
  try {
    await browser.runtime.openOptionsPage();
  } catch {
    await browser.tabs.create({ url: browser.runtime.getURL('/options.html') });
  }
}
