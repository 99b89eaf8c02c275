/**
 * README.md against the code and the files it points to: every error code,
 * every command, links that resolve inside the repository, no path a user of
 * a clone lacks, and loading snippets that keep empty cells as the codebook
 * says. docs/DATASET-CONTRACT.md against the contract in ../shared where that
 * is present (skipped, with a note, where not).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/commands/explain.js';
import { extract } from '../../src/commands/extract.js';
import { merge } from '../../src/commands/merge.js';
import { report } from '../../src/commands/report.js';
import { ERROR_CODE_MEANINGS } from '../../src/core/schema.js';
import { SHARED } from '../../scripts/shared.js';
import { ROOT } from '../report/fixtures.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const contractCopy = join(ROOT, 'docs', 'DATASET-CONTRACT.md');

/** The README's fenced code blocks in one language. */
const blocks = (language: string) => [...readme.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);

describe('README.md', () => {
  it('lists every error code of errors.csv', () => {
    for (const code of Object.keys(ERROR_CODE_MEANINGS)) expect(readme, code).toContain(`| \`${code}\` |`);
  });

  it('shows every command', () => {
    for (const command of [extract, merge, report, explain]) expect(readme).toContain(`npx imr ${command.name} `);
  });

  it('points to the contract inside the repository, never to ../shared', () => {
    expect(readme).not.toMatch(/\.\.\/shared\/DATASET-CONTRACT/);
    expect(readme).toContain('](docs/DATASET-CONTRACT.md)');
    expect(readme).toContain('codebook.md');
  });

  it('links only to files the repository has', () => {
    const targets = [...readme.matchAll(/\]\(([^)#\s]+)\)/g)].map((m) => m[1]!).filter((t) => !/^[a-z]+:/.test(t));
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) expect(existsSync(join(ROOT, target)), target).toBe(true);
  });

  it('loads the CSV files with every cell as text and no cell read as missing but the empty one', () => {
    const python = blocks('python').flatMap((b) => b.match(/pd\.read_csv\([^)]*\)/g) ?? []);
    const r = blocks('r').flatMap((b) => b.match(/read\.csv\([^)]*\)/g) ?? []);
    expect(python.length).toBeGreaterThan(0);
    expect(r.length).toBeGreaterThan(0);
    for (const call of python) expect(call).toMatch(/dtype=str, keep_default_na=False/);
    // R: text columns keep "" for an empty cell; na.strings = character(0) keeps a cell reading "NA" a value.
    for (const call of r) expect(call).toMatch(/colClasses = "character", na.strings = character\(0\)/);
  });
});

const contract = join(SHARED, 'DATASET-CONTRACT.md');
const present = existsSync(contract);
if (!present) console.warn(`NOTE: ${contract} is absent, so docs/DATASET-CONTRACT.md is not compared with it.`);

describe('docs/DATASET-CONTRACT.md', () => {
  it('says what it is in its first line', () => {
    expect(readFileSync(contractCopy, 'utf8').split('\n')[0]).toMatch(/^> The dataset contract that the output of `imr extract` follows/);
  });

  it.skipIf(!present)('is the contract, word for word, after that line', () => {
    expect(readFileSync(contractCopy, 'utf8').split('\n').slice(2).join('\n')).toBe(readFileSync(contract, 'utf8'));
  });
});
