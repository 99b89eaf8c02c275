import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { TREATMENT_CATEGORIES } from '../core/taxonomy.js';
import { fail, UsageError, type Command } from './command.js';
import { epochDay } from '../core/dates.js';

function isoDate(flag: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const s = String(value);
  if (epochDay(s) === null) throw new UsageError(`--${flag} needs a date as YYYY-MM-DD, got "${s}"`);
  return s;
}

function category(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const s = String(value).trim();
  const found = TREATMENT_CATEGORIES.find((c) => c.toLowerCase() === s.toLowerCase());
  if (!found) throw new UsageError(`--category must be one of: ${TREATMENT_CATEGORIES.join(', ')}; got "${s}"`);
  return found;
}

/** Letters listed and explained per group unless --letters-per-group says otherwise. */
const DEFAULT_LETTERS_PER_GROUP = 50;

function positiveInteger(flag: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const s = String(value);
  if (!/^[1-9]\d*$/.test(s)) throw new UsageError(`--${flag} needs a whole number of at least 1, got "${s}"`);
  return Number(s);
}

export const report: Command = {
  name: 'report',
  summary: 'overturn rates of a dataset as one HTML page and CSV tables',
  usage: 'imr report <dataset-dir> [--out <file.html>] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--category <name>] [--exclude-incomplete] [--letters <dir>]',
  help: `Reads a dataset folder written by \`imr extract\` (cases.csv, decisions.csv)
and writes one self-contained HTML page (inline CSS and SVG, no network) with
overturn rates, counts and Wilson 95% intervals: the trend by decision year
and month with the DWC policy dates marked, treatment category x year,
category, subcategory, drug class and drug, the guideline families each
party cited side by side, days from UR denial to application, to assignment
and to decision by year (medians), the reviewers' reasons, reviewer
specialty, body region, letter layout and case outcomes. Beside the page:
  <name>.<table>.csv     each table as CSV
  <name>.cases/          the members of every group: <table>/<group>.csv
  <name>.explain/        with --letters: the explain page of sampled letters
The files are streamed: memory does not grow with the dataset.

  -o, --out <file>              The HTML page (default: <dataset-dir>/report.html)
      --from <date>             Only cases decided on or after this date (decision_date)
      --to <date>               Only cases decided on or before this date
      --category <name>         Only items of this treatment_category
      --exclude-incomplete      Leave out the cases with items_complete = false
                                (the page says how many were, or would be, left out)
      --letters <dir>           The folder of the letters (the folder given to
                                imr extract: source_file is relative to it);
                                links each group to a page of its letters and
                                each case id to its explain page
      --letters-per-group <n>   Letters listed and explained per group, a
                                uniform sample by hash (default ${DEFAULT_LETTERS_PER_GROUP})
  -q, --quiet                   Print nothing but errors

Cases without a decision date are left out when --from or --to is given.
Exit status: 0 when the report was written; 2 for a usage error, or when the
dataset could not be read or the report not written.`,
  options: {
    out: { type: 'string', short: 'o' },
    from: { type: 'string' },
    to: { type: 'string' },
    category: { type: 'string' },
    'exclude-incomplete': { type: 'boolean', default: false },
    letters: { type: 'string' },
    'letters-per-group': { type: 'string' },
    quiet: { type: 'boolean', short: 'q', default: false },
  },
  async run(positionals, values) {
    if (positionals.length !== 1) throw new UsageError('report needs exactly one dataset folder');
    const dir = positionals[0]!;
    const filter = {
      from: isoDate('from', values.from),
      to: isoDate('to', values.to),
      category: category(values.category),
      excludeIncomplete: values['exclude-incomplete'] === true ? true : undefined,
    };
    if (filter.from && filter.to && filter.from > filter.to) throw new UsageError(`--from ${filter.from} is after --to ${filter.to}`);
    const letters = values.letters as string | undefined;
    if (letters !== undefined && !(existsSync(letters) && statSync(letters).isDirectory())) throw new UsageError(`--letters ${letters} is not a folder`);
    const perGroup = positiveInteger('letters-per-group', values['letters-per-group']);
    if (perGroup !== undefined && letters === undefined) throw new UsageError('--letters-per-group needs --letters');
    const out = (values.out as string | undefined) ?? join(dir, 'report.html');
    // Loaded here, so the other commands do not depend on the CSV reader.
    const { writeReport, DatasetError } = await import('../report/index.js');
    let written;
    try {
      written = await writeReport(dir, out, Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)), letters === undefined ? {} : { letters: { dir: letters, perGroup: perGroup ?? DEFAULT_LETTERS_PER_GROUP } });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return fail(error instanceof DatasetError ? message : `the report could not be written: ${message}`, 2);
    }
    if (values.quiet !== true) {
      const o = written.report.overall;
      const c = written.report.counts;
      const pct = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(1)}%`);
      const incomplete = !written.report.hasCompleteness ? '' : filter.excludeIncomplete ? `; ${c.incompleteCases} incomplete cases left out` : `; ${c.incompleteCases} incomplete cases included`;
      const ex = written.explain;
      const pages = ex ? `, ${ex.pages} explain pages in ${ex.dir}${ex.missing ? ` (${ex.missing} letters not found)` : ''}${ex.failed ? ` (${ex.failed} could not be read)` : ''}` : '';
      process.stdout.write(
        `${o.n} items in ${c.casesSelected} cases, ${o.k} overturned: ${pct(o.rate)} (Wilson 95% CI ${pct(o.low)}–${pct(o.high)})${incomplete}; wrote ${written.html}, ${written.csv.length} CSV tables, the group members in ${written.cases}${pages}\n`,
      );
    }
    return 0;
  },
};
