// Owns the extension build: manifest, permissions and the Vite plugins WXT does not bring itself.
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: {
    // Name and description come from public/_locales/<lang>/messages.json (the browser's language).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // scripting + http(s) hosts: the gate content script (on every page anyway, same install warning) asks the
    // background to inject the scanner only into pages that look job-like. Nothing is ever sent anywhere.
    permissions: ['storage', 'contextMenus', 'scripting'],
    host_permissions: ['http://*/*', 'https://*/*'],
  },
});
