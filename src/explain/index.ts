/**
 * `imr explain`: one letter through the extractor, for audit. Gives the
 * decoded text, the record and every span in it, as an HTML page or JSON.
 */
import { basename, resolve } from 'node:path';
import { processFileWithText } from '../run/process-file.js';
import type { ExplainInput } from './html.js';
import { collectSpans } from './spans.js';

export { explainHtml, type ExplainInput } from './html.js';
export { collectSpans, type SpanEntry } from './spans.js';

/**
 * Extracts one letter, a text file or a PDF, the way `imr extract` does, and
 * collects the spans of its record. A file that gives no text (unreadable,
 * empty, binary, a PDF that is encrypted, damaged or without a text layer)
 * has `text` null and its error.
 */
export async function explainFile(file: string): Promise<ExplainInput> {
  const path = resolve(file);
  const { result, text } = await processFileWithText({ path, sourceFile: basename(path) });
  const record = result.outcome.ok ? result.outcome.record : null;
  const error = result.outcome.ok ? null : { code: result.outcome.code, message: result.outcome.message };
  const spans = record && text !== null ? collectSpans(record, text.length) : [];
  return { file, sha256: result.sha256, bytes: result.bytes, encoding: result.encoding, text, record, error, spans };
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
      offsets: `UTF-16 code units into ${input.encoding === 'pdf' ? 'the text read from the PDF' : 'the decoded text'}, [start, end)`,
      error: input.error,
      record: input.record,
      spans: input.spans.map((s) => ({ ...s, text: s.valid ? text.slice(s.start, s.end) : null })),
    },
    null,
    2,
  )}\n`;
}

