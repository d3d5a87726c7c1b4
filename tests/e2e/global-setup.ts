// Owns building the extension once before the e2e tests (so `npm test` always tests a fresh build).
import type { TestProject } from 'vitest/node';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildExtension } from './harness';

declare module 'vitest' {
  export interface ProvidedContext {
    extensionDir: string;
  }
}

export default function setup(project: TestProject) {
  const dir = buildExtension();
  project.provide('extensionDir', dir);
  // The build lives in its own temporary folder (…/lurewatch-build-*/chrome-mv3): remove the whole folder.
  return () => rmSync(dirname(dir), { recursive: true, force: true });
}
