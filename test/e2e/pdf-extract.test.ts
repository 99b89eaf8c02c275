/**
 * PDFs through the whole pipeline: a folder mixing text letters and PDFs,
 * where a PDF with no text layer, a damaged one and a truncated one each get
 * their own errors.csv code, and the run goes on; --keep-text writes the text
 * the offsets refer to.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { runExtract } from '../../src/run/extract.js';
import { CORPUS } from '../../scripts/golden.js';
import { LETTERS, hasShared } from '../../scripts/shared.js';

const work = mkdtempSync(join(tmpdir(), 'imr-pdfx-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function imageOnly(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  const image = await doc.embedPng(png);
  doc.addPage([200, 200]).drawImage(image, { x: 0, y: 0, width: 200, height: 200 });
  return doc.save();
}

describe('PDF inputs', () => {
  it('extracts a mixed folder; failed PDFs get their own codes and the run goes on', async () => {
    const inputs = join(work, 'in');
    mkdirSync(inputs);
    copyFileSync(join(CORPUS, 'issues-2015', 'poppler-two-items.txt'), join(inputs, 'a-text.txt'));
    const scan = await imageOnly();
    writeFileSync(join(inputs, 'b-scan.pdf'), scan);
    writeFileSync(join(inputs, 'c-damaged.pdf'), Buffer.from('%PDF-1.4\nthis is not really a pdf\n'));
    writeFileSync(join(inputs, 'd-truncated.pdf'), Buffer.from(scan).subarray(0, Math.floor(scan.length / 2)));
    if (hasShared()) copyFileSync(join(LETTERS, 'dev', 'pdf', 'CM16-0213037.pdf'), join(inputs, 'e-real.pdf'));
    const out = join(work, 'out');
    const s = await runExtract({ inputs: [inputs], out, rawCsv: false, jobs: 1, keepText: true });
    const errors = readFileSync(join(out, 'errors.csv'), 'utf8');
    expect(errors).toContain('b-scan.pdf,pdf_no_text');
    expect(errors).toContain('c-damaged.pdf,pdf_damaged');
    expect(errors).toContain('d-truncated.pdf,pdf_damaged');
    expect(s.errors).toBe(3);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.error_codes.pdf_no_text).toBe(1);
    if (hasShared()) {
      expect(s.cases).toBe(2);
      const record = readFileSync(join(out, 'cases.jsonl'), 'utf8').split('\n').map((l) => l && JSON.parse(l)).find((r) => r && r.source_file === 'e-real.pdf');
      const text = readFileSync(join(out, 'text', 'e-real.pdf.txt'), 'utf8');
      expect(text.slice(record.case_number.start, record.case_number.end)).toBe('CM16-0213037');
    } else {
      console.warn('NOTE: ../shared is absent: the real-PDF part of this test is skipped.');
    }
  });
});
