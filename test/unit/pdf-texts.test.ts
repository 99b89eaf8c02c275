/**
 * The PDFs' kept texts (src/run/pdf-texts.ts): a PDF read once is not parsed
 * again while its content hash and the PDF engine stay the same, whatever the
 * extractor version.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/io/decode.js';
import { dropOtherVersions, keptText, pdfTextVersion } from '../../src/run/pdf-texts.js';
import { processPdf } from '../../src/run/process-file.js';

const work = mkdtempSync(join(tmpdir(), 'imr-texts-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function letterPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([612, 792]);
  const lines = ['Case Number: CM15-9199001', 'IMR ISSUES, DECISIONS AND RATIONALES', 'Knee brace purchase: Upheld', 'Claims Administrator guideline: Decision based on MTUS Knee Complaints 2004.', 'MAXIMUS guideline: Decision based on MTUS Knee Complaints 2004.', 'Decision rationale: No instability is described.'];
  lines.forEach((s, i) => page.drawText(s, { x: 72, y: 700 - 16 * i, size: 11, font }));
  return Buffer.from(await doc.save());
}

describe('kept PDF texts', () => {
  it('keeps a PDF text by content hash and reads it back instead of parsing the PDF', async () => {
    const dir = join(work, 'text', 'v1');
    const bytes = await letterPdf();
    const hash = sha256(bytes);
    const input = { path: join(work, 'letter.pdf'), sourceFile: 'letter.pdf' };
    const first = await processPdf(input, bytes, hash, null, dir);
    expect(first.outcome.ok).toBe(true);
    expect(keptText(dir, hash)).toMatch(/Knee brace purchase: Upheld/);
    // The same content hash with bytes no engine can read: the kept text is used, so the PDF was not parsed.
    const again = await processPdf(input, Buffer.from('not a PDF at all'), hash, null, dir);
    expect(again.outcome).toEqual(first.outcome);
  });

  it('does not keep the text of a PDF that could not be read', async () => {
    const dir = join(work, 'text', 'v2');
    const bytes = Buffer.from('%PDF-1.7\nnot really a PDF\n%%EOF\n');
    const r = await processPdf({ path: 'x.pdf', sourceFile: 'x.pdf' }, bytes, sha256(bytes), null, dir);
    expect(r.outcome).toMatchObject({ ok: false, code: 'pdf_damaged' });
    expect(existsSync(dir)).toBe(false);
  });

  it('is keyed by the PDF engine only, and drops other engine versions', () => {
    expect(pdfTextVersion()).toMatch(/^[0-9a-f]{16}$/);
    const root = join(work, 'drop');
    for (const v of ['old', 'current']) mkdirSync(join(root, v), { recursive: true });
    dropOtherVersions(root, 'current');
    expect(readdirSync(root)).toEqual(['current']);
  });
});
