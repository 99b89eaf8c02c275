/**
 * Residual identifiers: a letter from an unredacted source has its names,
 * phone and social security numbers, claim number, e-mail and street address
 * found in its free text and counted in the manifest; --redact masks them in
 * every output; the published (redacted) corpus has none. Bare names are
 * found by compromise's people tagging, which knows common given names
 * ("Jennifer Walsh") but not every name.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runExtract } from '../../src/run/extract.js';
import { CORPUS } from '../../scripts/golden.js';

const work = mkdtempSync(join(tmpdir(), 'imr-id-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const letter = readFileSync(join(CORPUS, 'issues-2015', 'poppler-two-items.txt'), 'utf8');
const rationale = letter.indexOf('Decision rationale:') + 'Decision rationale:'.length;
const unredacted =
  letter.slice(0, rationale) +
  ' Dr. Helena Marquez examined the worker at 1450 Juniper Avenue and can be reached at (559) 555-0142 or hmarquez@example.org.' +
  ' Her note for claim number WC-2016-448812 lists SSN 123-45-6789. Gerald Fitzwilliam, M.D. agreed, and Jennifer Walsh reviewed it.' +
  letter.slice(rationale);

const IDENTIFIERS = ['Helena Marquez', '1450 Juniper Avenue', '(559) 555-0142', 'hmarquez@example.org', 'WC-2016-448812', '123-45-6789', 'Gerald Fitzwilliam', 'Jennifer Walsh'];

describe('residual identifiers', () => {
  const dir = join(work, 'in');
  mkdirSync(dir);
  writeFileSync(join(dir, 'unredacted.txt'), unredacted);

  it('counts them per case in the manifest, and leaves the text as it is without --redact', async () => {
    const out = join(work, 'plain');
    await runExtract({ inputs: [dir], out, rawCsv: false });
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    const counts = manifest.files[0].identifiers;
    expect(counts).toMatchObject({ phone: 1, ssn: 1, email: 1, claim_number: 1, address: 1 });
    expect(counts.person).toBeGreaterThanOrEqual(3);
    expect(manifest.identifiers.cases).toBe(1);
    expect(readFileSync(join(out, 'cases.jsonl'), 'utf8')).toContain('123-45-6789');
  });

  it('masks them in every output with --redact', async () => {
    const out = join(work, 'redacted');
    await runExtract({ inputs: [dir], out, rawCsv: false, redact: true });
    for (const file of ['cases.csv', 'decisions.csv', 'citations.csv', 'cases.jsonl']) {
      const text = readFileSync(join(out, file), 'utf8');
      for (const id of IDENTIFIERS) expect(text, `${id} in ${file}`).not.toContain(id);
    }
    const jsonl = readFileSync(join(out, 'cases.jsonl'), 'utf8');
    for (const kind of ['person', 'phone', 'ssn', 'email', 'claim_number', 'address']) expect(jsonl).toContain(`[REDACTED:${kind}]`);
  });

  it('finds none in the corpus, written like the published (redacted) letters', async () => {
    const out = join(work, 'corpus');
    await runExtract({ inputs: [CORPUS], out, rawCsv: false });
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).identifiers).toEqual({ cases: 0 });
  });
});
