#!/usr/bin/env node
// The CLI is bundled into dist/ by `npm run build` (run by `npm ci` through `prepare`). This file is
// CommonJS (bin/package.json): dist/sopwright.cjs runs the CLI through V8's code cache (src/cli/launch.ts).
require('../dist/sopwright.cjs');
