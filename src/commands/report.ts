import { join } from 'node:path';
import { TREATMENT_CATEGORIES } from '../core/taxonomy.js';
import { fail, UsageError, type Command } from './command.js';

function isoDate(flag: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const s = String(value);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.toISOString().slice(0, 10) !== s) throw new UsageError(`--${flag} needs a date as YYYY-MM-DD, got "${s}"`);
  return s;
}

function category(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const s = String(value).trim();
  const found = TREATMENT_CATEGORIES.find((c) => c.toLowerCase() === s.toLowerCase());
  if (!found) throw new UsageError(`--category must be one of: ${TREATMENT_CATEGORIES.join(', ')}; got "${s}"`);
  return found;
}

export const report: Command = {
  name: 'report',
  summary: 'overturn rates of a dataset as one HTML page and CSV tables',
  usage: 'imr report <dataset-dir> [--out <file.html>] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--category <name>]',
  help: `Reads a dataset folder written by \`imr extract\` (cases.csv, decisions.csv)
and writes one self-contained HTML page (inline CSS and SVG, no network) with
overturn rates, counts and Wilson 95% intervals by treatment category,
subcategory (drug class), reviewer specialty, guideline family cited by the
reviewer, letter layout, decision year and month, body region, and the
distribution of case outcomes. Each table is also written as CSV beside the
page: <name>.<table>.csv. The files are streamed: memory does not grow with
the dataset.

  -o, --out <file>       The HTML page (default: <dataset-dir>/report.html)
      --from <date>      Only cases decided on or after this date (decision_date)
      --to <date>        Only cases decided on or before this date
      --category <name>  Only items of this treatment_category
  -q, --quiet            Print nothing but errors

Cases without a decision date are left out when --from or --to is given.
Exit status: 0 when the report was written; 2 for a usage error, or when the
dataset could not be read or the report not written.`,
  options: {
    out: { type: 'string', short: 'o' },
    from: { type: 'string' },
    to: { type: 'string' },
    category: { type: 'string' },
    quiet: { type: 'boolean', short: 'q', default: false },
  },
  async run(positionals, values) {
    if (positionals.length !== 1) throw new UsageError('report needs exactly one dataset folder');
    const dir = positionals[0]!;
    const filter = { from: isoDate('from', values.from), to: isoDate('to', values.to), category: category(values.category) };
    if (filter.from && filter.to && filter.from > filter.to) throw new UsageError(`--from ${filter.from} is after --to ${filter.to}`);
    const out = (values.out as string | undefined) ?? join(dir, 'report.html');
    // Loaded here, so the other commands do not depend on the CSV reader.
    const { writeReport, DatasetError } = await import('../report/index.js');
    let written;
    try {
      written = await writeReport(dir, out, Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return fail(error instanceof DatasetError ? message : `the report could not be written: ${message}`, 2);
    }
    if (values.quiet !== true) {
      const o = written.report.overall;
      const pct = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(1)}%`);
      process.stdout.write(
        `${o.n} items in ${written.report.counts.casesSelected} cases, ${o.k} overturned: ${pct(o.rate)} (Wilson 95% CI ${pct(o.low)}–${pct(o.high)}); wrote ${written.html} and ${written.csv.length} CSV tables\n`,
      );
    }
    return 0;
  },
};
