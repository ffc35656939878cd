#!/usr/bin/env node
// The package's executable: the compiled CLI lives in dist/ (built by `npm ci` through `prepare`).
import('../dist/cli/main.js')
  .then((cli) => cli.main(process.argv))
  .catch((error) => {
    process.stderr.write(`unattended: could not start (${error instanceof Error ? error.message : String(error)}); run "npm ci" first\n`);
    process.exit(2);
  });
