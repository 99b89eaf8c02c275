/**
 * `imr explain`: one letter through the extractor, for audit. Gives the
 * decoded text, the record and every span in it, as an HTML page or JSON.
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { decode, sha256 } from '../io/decode.js';
import { processFile } from '../run/process-file.js';
import type { ExplainInput } from './html.js';
import { collectSpans, type SpanEntry } from './spans.js';

export { explainHtml, type ExplainInput } from './html.js';
export { collectSpans, type SpanEntry } from './spans.js';

/** Extracts one letter the way `imr extract` does and collects the spans of its record. */
export function explainFile(file: string): ExplainInput {
  const path = resolve(file);
  const result = processFile({ path, sourceFile: basename(path) });
  let text: string | null = null;
  let bytes = result.bytes;
  let digest = result.sha256;
  try {
    const raw = readFileSync(path);
    const decoded = raw.length ? decode(raw) : null;
    if (decoded?.ok) text = decoded.text;
    else if (raw.length === 0) text = '';
    bytes = raw.length;
    digest = sha256(raw);
  } catch {
    // Unreadable: processFile has said so.
  }
  const record = result.outcome.ok ? result.outcome.record : null;
  const error = result.outcome.ok ? null : { code: result.outcome.code, message: result.outcome.message };
  if (digest !== result.sha256 && result.sha256) {
    return { file, sha256: digest, bytes, encoding: result.encoding, text, record: null, error: { code: 'changed', message: 'the file changed while it was being read; run again' }, spans: [] };
  }
  const spans: SpanEntry[] = record && text !== null ? collectSpans(record, text.length) : [];
  return { file, sha256: digest, bytes, encoding: result.encoding, text, record, error, spans };
}

/** The `--json` form: the record, and each span with the text at its offsets. */
export function explainJson(input: ExplainInput): string {
  const text = input.text ?? '';
  return `${JSON.stringify(
    {
      file: input.file,
      sha256: input.sha256,
      bytes: input.bytes,
      encoding: input.encoding,
      offsets: 'UTF-16 code units into the decoded text, [start, end)',
      error: input.error,
      record: input.record,
      spans: input.spans.map((s) => ({ ...s, text: s.valid ? text.slice(s.start, s.end) : null })),
    },
    null,
    2,
  )}\n`;
}

