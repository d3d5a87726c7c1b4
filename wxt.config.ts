// Owns the extension build: manifest, permissions and the Vite plugins WXT does not bring itself.
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: {
    name: 'LureWatch',
    description: 'Warns job seekers about human-trafficking job lures. Everything stays on your device.',
    permissions: ['storage', 'contextMenus'],
    // Content scripts run on every http(s) page; nothing is ever sent anywhere.
    host_permissions: [],
  },
});
