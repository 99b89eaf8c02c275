import { missingInputs } from '../io/discover.js';
import { runExtract } from '../run/extract.js';
import { join } from 'node:path';
import { parseShard } from '../run/shard.js';
import { OutputRefused, WORK_DIR } from '../sinks/output-folder.js';
import { fail, UsageError, type Command } from './command.js';

export const extract: Command = {
  name: 'extract',
  summary: 'read letters and write the dataset',
  usage: 'imr extract <file|dir|glob>... [--out <dir>] [options]',
  help: `Reads letters (.txt and .pdf; folders are searched recursively; glob patterns
such as 'letters/**/*.txt' are expanded) and writes the dataset: cases.csv,
decisions.csv, citations.csv, cases.jsonl, errors.csv, manifest.json (and with
--parquet cases.parquet, decisions.parquet, citations.parquet). The whole
folder is replaced atomically when the run ends; an interrupted run leaves
the previous dataset intact.

  -o, --out <dir>       Output folder (default: output)
  -j, --jobs <n>        Worker threads (default: the number of cores)
      --incremental     Reuse the results of unchanged inputs from the cache
                        (a file's path, content and the extractor version must
                        all match); a re-run over unchanged inputs only hashes
      --cache <dir>     Cache folder for --incremental (default: <out>/.imr/cache)
      --shard <i/N>     Process only shard i of N (1-based), chosen by a stable
                        hash of each input's path; combine the N outputs with
                        imr merge
      --time-budget <s> Seconds one letter may take before it is stopped and
                        recorded as a timeout error (default 60)
      --max-bytes <n>   Larger files are recorded as file_too_large errors
                        (default 20000000)
      --force           Write into a folder that is not empty and holds no
                        imr dataset (the dataset's files are replaced; other
                        files are left alone)
      --keep-text       Write the text extracted from each PDF to the output's
                        text/ folder (<source_file>.txt): the offsets in
                        cases.jsonl index that text
      --redact          Mask residual identifiers (person names, phone and
                        social security numbers, claim numbers, e-mail and
                        street addresses) found in free text, in every output
                        as [REDACTED:kind]; the manifest counts them per case
                        either way
      --raw-csv         Do not neutralise free-text cells that a spreadsheet
                        would evaluate as formulas (see the codebook)
      --parquet         Also write cases, decisions and citations as Parquet:
                        the same rows and columns, typed (dates, integers,
                        booleans, lists of strings; empty cells null)
  -q, --quiet           Print nothing but errors (no progress)
      --strict          Exit with status 3 when the dataset holds doubtful data:
                        a case with warnings, of no known layout, or with a
                        disputed item not read whole (items_complete false)

Exit status: 0 when the dataset was written with at least one case; 1 when no
input gave a case (nothing usable); 2 for a usage error (a named input that
does not exist among them) or when the output could not be written; 3 with
--strict when the dataset holds doubtful data; 130 when interrupted (Ctrl-C: the partial dataset is
published with "complete": false in its manifest).`,
  options: {
    out: { type: 'string', short: 'o', default: 'output' },
    jobs: { type: 'string', short: 'j' },
    incremental: { type: 'boolean', default: false },
    cache: { type: 'string' },
    shard: { type: 'string' },
    'keep-text': { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
    'time-budget': { type: 'string' },
    'max-bytes': { type: 'string' },
    redact: { type: 'boolean', default: false },
    'raw-csv': { type: 'boolean', default: false },
    parquet: { type: 'boolean', default: false },
    quiet: { type: 'boolean', short: 'q', default: false },
    strict: { type: 'boolean', default: false },
  },
  async run(inputs, values) {
    if (inputs.length === 0) throw new UsageError('extract needs at least one file, folder or glob');
    const missing = await missingInputs(inputs);
    if (missing.length > 0) throw new UsageError(`no such file or folder: ${missing.join(', ')}`);
    const out = values.out as string;
    const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
    if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) throw new UsageError(`--jobs takes a whole number of at least 1 (got "${values.jobs}")`);
    let shard = null;
    try {
      shard = typeof values.shard === 'string' ? parseShard(values.shard) : null;
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    if (values.cache !== undefined && values.incremental !== true) throw new UsageError('--cache goes with --incremental');
    const number = (name: string): number | undefined => {
      if (values[name] === undefined) return undefined;
      const n = Number(values[name]);
      if (!(n > 0)) throw new UsageError(`--${name} takes a positive number (got "${values[name]}")`);
      return n;
    };
    const timeBudget = number('time-budget');
    const maxBytes = number('max-bytes');
    const quiet = values.quiet === true;
    let summary;
    try {
      summary = await runExtract({
        inputs,
        out,
        rawCsv: values['raw-csv'] === true,
        parquet: values.parquet === true,
        keepText: values['keep-text'] === true,
        redact: values.redact === true,
        jobs,
        shard,
        cacheDir: values.incremental === true ? ((values.cache as string | undefined) ?? join(out, WORK_DIR, 'cache')) : null,
        force: values.force === true,
        timeBudget,
        maxBytes,
        progress: quiet ? null : process.stderr,
      });
    } catch (error) {
      if (error instanceof OutputRefused) return fail(error.message, 2);
      return fail(`the output could not be written to ${out}: ${error instanceof Error ? error.message : String(error)}`, 2);
    }
    if (summary.interrupted) {
      return fail(`interrupted: wrote a partial dataset to ${out} (${summary.inputs} of ${summary.discovered} inputs; its manifest says "complete": false); run again with --incremental to finish`, 130);
    }
    if (values.quiet !== true) {
      const rate = summary.decisions ? ((100 * summary.overturned) / summary.decisions).toFixed(1) : '0.0';
      process.stdout.write(
        `${summary.inputs} inputs -> ${summary.cases} cases, ${summary.decisions} decisions (${rate}% overturned), ${summary.errors} errors; wrote ${summary.out} in ${(summary.ms / 1000).toFixed(1)} s\n` +
          `quality: ${summary.casesWithWarnings} cases with warnings, ${summary.unknownLayout} of no known layout, ${summary.itemsIncomplete} with items_complete=false (see the warnings column and the codebook)\n`,
      );
    }
    if (summary.inputs === 0) return fail('no input letters were found (looked for .txt and .pdf files)', 1);
    if (summary.cases === 0) return fail(`none of the ${summary.inputs} inputs gave a case: see ${summary.out}/errors.csv`, 1);
    if (values.strict === true && summary.casesWithWarnings + summary.unknownLayout + summary.itemsIncomplete > 0) {
      return fail(`--strict: the dataset holds doubtful data (${summary.casesWithWarnings} cases with warnings, ${summary.unknownLayout} of no known layout, ${summary.itemsIncomplete} with items_complete=false)`, 3);
    }
    return 0;
  },
};
