// Rebuilds a store's sign-in rollups and summary from every sign-in (what imports pay batch by batch), for the analyze
// benchmark's record of that cost. Usage: node bench/rebuild-rollups.mjs DB (needs dist/: npm run build).
import process from 'node:process';
import { openStore } from '../dist/store/store.js';
import { rebuildSignInRollups } from '../dist/store/rollups/sign-in-rollups.js';

const path = process.argv[2];
if (!path) {
  process.stderr.write('usage: node bench/rebuild-rollups.mjs DB\n');
  process.exit(2);
}
const store = await openStore(path);
try {
  await rebuildSignInRollups(store);
  await store.run('CHECKPOINT');
} finally {
  store.close();
}
