#!/usr/bin/env node
// The package's executable: the CLI compiled into dist/ and bundled into dist/bundle/ (both built by `npm ci` through
// `prepare`); the unbundled dist/cli/main.js when only tsc has run.
import { existsSync } from 'node:fs';
import { URL } from 'node:url';

const bundled = new URL('../dist/bundle/main.js', import.meta.url);
import(existsSync(bundled) ? bundled.href : '../dist/cli/main.js')
  .then((cli) => cli.main(process.argv))
  .catch((error) => {
    process.stderr.write(`unattended: could not start (${error instanceof Error ? error.message : String(error)}); run "npm ci" first\n`);
    process.exit(2);
  });
