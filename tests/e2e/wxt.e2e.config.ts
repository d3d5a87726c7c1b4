// Owns the e2e build's configuration: the project's wxt.config.ts with a private output folder, so a build
// for the tests never collides with a developer's `npm run build` (or another test run) in .output/.
import base from '../../wxt.config';

export default { ...base, outDir: process.env.LUREWATCH_E2E_OUT_DIR ?? '.output/e2e' };
