#!/usr/bin/env node
/**
 * The `imr` command line: a thin adapter over the pipeline.
 */
import { parseArgs } from 'node:util';
import { runExtract } from './run/extract.js';
import { TOOL_VERSION } from './version.js';

const HELP = `imr ${TOOL_VERSION}: California IMR determination letters -> research dataset

Usage:
  imr extract <file|dir|glob>... [--out <dir>] [options]
  imr --help | --version

Commands:
  extract   Read letters (.txt; folders are searched recursively; glob patterns
            such as 'letters/**/*.txt' are expanded) and write the dataset:
            cases.csv, decisions.csv, citations.csv, cases.jsonl, errors.csv,
            manifest.json. The whole folder is replaced atomically when the
            run ends; an interrupted run leaves the previous dataset intact.

Options:
  -o, --out <dir>   Output folder (default: output)
      --raw-csv     Do not neutralise free-text cells that a spreadsheet would
                    evaluate as formulas (see the codebook)
  -q, --quiet       Print nothing but errors
  -h, --help        Show this help
  -v, --version     Show the version

Exit status: 0 when the dataset was written with at least one case; 1 when no
input gave a case (nothing usable); 2 for a usage error or when the output
could not be written.
`;

function fail(message: string, code = 2): never {
  process.stderr.write(`imr: ${message}\n`);
  process.exit(code);
}

async function main(argv: string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o', default: 'output' },
        'raw-csv': { type: 'boolean', default: false },
        quiet: { type: 'boolean', short: 'q', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n\n${HELP}`);
  }
  const { values, positionals } = parsed;
  if (values.version) {
    process.stdout.write(`${TOOL_VERSION}\n`);
    return;
  }
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') {
    process.stdout.write(HELP);
    return;
  }
  if (command !== 'extract') fail(`unknown command "${command}"\n\n${HELP}`);
  if (rest.length === 0) fail('extract needs at least one file, folder or glob');

  let summary;
  try {
    summary = await runExtract({ inputs: rest, out: values.out!, rawCsv: values['raw-csv']! });
  } catch (error) {
    fail(`the output could not be written to ${values.out}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!values.quiet) {
    const rate = summary.decisions ? ((100 * summary.overturned) / summary.decisions).toFixed(1) : '0.0';
    process.stdout.write(
      `${summary.inputs} inputs -> ${summary.cases} cases, ${summary.decisions} decisions (${rate}% overturned), ${summary.errors} errors; wrote ${summary.out} in ${(summary.ms / 1000).toFixed(1)} s\n`,
    );
  }
  if (summary.inputs === 0) fail('no input letters were found (looked for .txt files)', 1);
  if (summary.cases === 0) fail(`none of the ${summary.inputs} inputs gave a case: see ${summary.out}/errors.csv`, 1);
}

await main(process.argv.slice(2));
