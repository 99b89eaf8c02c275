import { runExtract } from '../run/extract.js';
import { fail, UsageError, type Command } from './command.js';

export const extract: Command = {
  name: 'extract',
  summary: 'read letters and write the dataset',
  usage: 'imr extract <file|dir|glob>... [--out <dir>] [options]',
  help: `Reads letters (.txt; folders are searched recursively; glob patterns such
as 'letters/**/*.txt' are expanded) and writes the dataset: cases.csv,
decisions.csv, citations.csv, cases.jsonl, errors.csv, manifest.json. The
whole folder is replaced atomically when the run ends; an interrupted run
leaves the previous dataset intact.

  -o, --out <dir>   Output folder (default: output)
      --raw-csv     Do not neutralise free-text cells that a spreadsheet would
                    evaluate as formulas (see the codebook)
  -q, --quiet       Print nothing but errors

Exit status: 0 when the dataset was written with at least one case; 1 when no
input gave a case (nothing usable); 2 for a usage error or when the output
could not be written.`,
  options: {
    out: { type: 'string', short: 'o', default: 'output' },
    'raw-csv': { type: 'boolean', default: false },
    quiet: { type: 'boolean', short: 'q', default: false },
  },
  async run(inputs, values) {
    if (inputs.length === 0) throw new UsageError('extract needs at least one file, folder or glob');
    const out = values.out as string;
    let summary;
    try {
      summary = await runExtract({ inputs, out, rawCsv: values['raw-csv'] === true });
    } catch (error) {
      return fail(`the output could not be written to ${out}: ${error instanceof Error ? error.message : String(error)}`, 2);
    }
    if (values.quiet !== true) {
      const rate = summary.decisions ? ((100 * summary.overturned) / summary.decisions).toFixed(1) : '0.0';
      process.stdout.write(
        `${summary.inputs} inputs -> ${summary.cases} cases, ${summary.decisions} decisions (${rate}% overturned), ${summary.errors} errors; wrote ${summary.out} in ${(summary.ms / 1000).toFixed(1)} s\n`,
      );
    }
    if (summary.inputs === 0) return fail('no input letters were found (looked for .txt files)', 1);
    if (summary.cases === 0) return fail(`none of the ${summary.inputs} inputs gave a case: see ${summary.out}/errors.csv`, 1);
    return 0;
  },
};
