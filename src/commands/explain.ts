import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { fail, UsageError, type Command } from './command.js';

export const explain: Command = {
  name: 'explain',
  summary: 'audit one letter: its text with every extracted value highlighted',
  usage: 'imr explain <letter.txt|letter.pdf> [--out <file>] [--json]',
  help: `Runs the extractor on one letter, a text file or a PDF (read as imr extract
reads it), and writes an HTML page with the letter's text, every extracted
value highlighted at its offsets and listed beside it (field, value, offsets,
the text there), the sections outlined and the warnings. Click a highlight to
find its row; click a row to find its text.

  -o, --out <file>  Where to write (default: <letter>.explain.html in the
                    current folder; with --json, standard output)
      --json        Write the record and its spans as JSON instead

Exit status: 0 when the letter gave a case; 1 when it did not, with its
errors.csv code on standard error (a letter whose text was read but gave no
case still gets its page, which says why; a file that gave no text, such as an
encrypted, damaged or scanned PDF, gets none); 2 for a usage error (a file
that does not exist, too) or when the output could not be written.`,
  options: {
    out: { type: 'string', short: 'o' },
    json: { type: 'boolean', default: false },
  },
  async run(positionals, values) {
    if (positionals.length !== 1) throw new UsageError('explain needs exactly one letter file');
    const file = positionals[0]!;
    const kind = fileKind(file);
    if (kind !== 'file') throw new UsageError(kind === 'missing' ? `no such file: ${file}` : `${file} is a folder; explain takes one letter file`);
    // Loaded here: the other commands do not pay for the extractor and the page builder.
    const { explainFile, explainHtml, explainJson } = await import('../explain/index.js');
    const input = await explainFile(file);
    const why = input.error && `${file}: ${input.error.code}: ${input.error.message}`;
    if (why && input.text === null) return fail(`${why} (no text, so nothing written)`, 1);
    const json = values.json === true;
    const content = json ? explainJson(input) : explainHtml(input);
    const out = (values.out as string | undefined) ?? (json ? undefined : `${basename(file).replace(/\.[^.]*$/, '')}.explain.html`);
    if (out === undefined || out === '-') process.stdout.write(content);
    else {
      try {
        mkdirSync(dirname(out), { recursive: true });
        writeFileSync(out, content);
      } catch (error) {
        return fail(`could not write ${out}: ${error instanceof Error ? error.message : String(error)}`, 2);
      }
    }
    if (why) return fail(why, 1);
    if (out !== undefined && out !== '-') process.stderr.write(`wrote ${out}: ${input.spans.length} spans\n`);
    return 0;
  },
};

/** Whether a path names a file, a folder, or nothing at all (a file that cannot be stat'ed is left to the reader, which says why). */
function fileKind(path: string): 'file' | 'folder' | 'missing' {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'file';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'file';
  }
}
