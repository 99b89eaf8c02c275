import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { corpusResults, golden, goldenPath, GOLDEN } from './golden.js';

rmSync(GOLDEN, { recursive: true, force: true });
const results = await corpusResults();
for (const r of results) {
  const path = goldenPath(r.sourceFile);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(golden(r), null, 1) + '\n');
}
console.log(`wrote ${results.length} golden files under ${GOLDEN}`);
