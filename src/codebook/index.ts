/**
 * The codebook, generated from the column definitions the sinks write from
 * (src/core/schema.ts), so the documentation cannot drift from the data:
 * `codebook.md` for people and a Frictionless Data Package
 * (`datapackage.json`: a Tabular Data Resource with a Table Schema per CSV
 * file) for validators and loaders.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CASES, CITATIONS, DECISIONS, ERROR_CODE_MEANINGS, ERRORS, type Column, type ColumnType, type TableSchema } from '../core/schema.js';
import { TOOL_VERSION } from '../version.js';
import { WARNING_RULES } from '../core/warnings.js';
import { MEASURED, REASONS_AGREEMENT, REASONS_BY_CODE } from './accuracy.js';

// Rows are typed per table; the codebook reads only the definitions, never `get`.
type AnyTable = TableSchema<never>;
type AnyColumn = Column<never>;

/** The CSV tables, in the order of the contract. */
export const TABLES: readonly AnyTable[] = [CASES, DECISIONS, CITATIONS, ERRORS];

/** The characters that get a free-text cell neutralised (see src/sinks/csv.ts). */
export const FORMULA_CHARACTERS = ['=', '+', '-', '@', 'tab', 'CR'] as const;

/**
 * Columns that always hold a value: identifiers, counts, and values every
 * case or item has. Every other column is empty when the letter does not
 * state the value. (The schema does not record this; test/report checks it
 * against datasets.)
 */
export const NEVER_EMPTY: Readonly<Record<string, readonly string[]>> = {
  'cases.csv': ['case_id', 'source_file', 'template', 'n_items', 'n_overturned', 'case_outcome', 'n_warnings'],
  'decisions.csv': ['case_id', 'item_no', 'item_text', 'outcome', 'treatment_category', 'treatment_subcategory', 'retrospective', 'associated_surgery'],
  'citations.csv': ['case_id', 'item_no', 'cited_by', 'family', 'raw'],
  'errors.csv': ['source_file', 'error_code', 'message'],
};

const TYPE_WORDS: Record<ColumnType, string> = {
  string: 'string (text)',
  integer: 'integer (whole number, no decimal point)',
  number: 'number (a decimal point where the letter has one)',
  date: 'date (ISO 8601 `YYYY-MM-DD`)',
  list: 'list (`;`-joined values, no spaces around the `;`; written as a string)',
  boolean: 'boolean (`true` or `false`)',
};

const FRICTIONLESS_TYPE: Record<ColumnType, string> = { string: 'string', integer: 'integer', number: 'number', date: 'date', list: 'string', boolean: 'boolean' };

const resourceName = (t: AnyTable) => t.file.replace(/\.csv$/, '');

function neverEmpty(table: AnyTable, column: AnyColumn): boolean {
  return (NEVER_EMPTY[table.file] ?? []).includes(column.name) || column.type === 'boolean';
}

function emptyRule(table: AnyTable, column: AnyColumn): string {
  if (neverEmpty(table, column)) return 'never empty.';
  if (column.type === 'list') return 'the letter names none (or does not say).';
  return 'the letter does not state it, or it does not apply (see the meaning).';
}

const code = (s: string) => `\`${s.replace(/`/g, 'ˋ')}\``;

function allowedValues(table: AnyTable, column: AnyColumn): string | null {
  if (table === ERRORS && column.name === 'error_code') {
    return Object.entries(ERROR_CODE_MEANINGS)
      .map(([c, meaning]) => `\n  - ${code(c)}: ${meaning}`)
      .join('');
  }
  if (table === CASES && column.name === 'warnings') {
    return Object.entries(WARNING_RULES)
      .map(([id, rule]) => `\n  - ${code(id)}: ${rule.meaning}${rule.incomplete ? ' (sets `items_complete` to `false`)' : ''}`)
      .join('');
  }
  if (!column.values) return null;
  const each = column.type === 'list' ? 'each element one of ' : '';
  return `${each}${column.values.map(code).join(', ')}`;
}

function columnEntry(table: AnyTable, column: AnyColumn, index: number): string {
  const lines = [`### ${code(column.name)}`, '', `${column.description}`, '', `- Column ${index + 1} of ${table.file}`, `- Type: ${TYPE_WORDS[column.type]}`];
  const values = allowedValues(table, column);
  if (values) lines.push(`- Allowed values: ${values}`);
  lines.push(`- Empty: ${emptyRule(table, column)}`);
  if (column.freeText) lines.push('- Free text from the letter: neutralised against spreadsheet formulas (see [Conventions](#conventions)).');
  const measured = MEASURED[`${table.file} ${column.name}`];
  if (measured) lines.push(`- Measured on the dev letters ([how](#how-accurate-the-columns-are)): tuning ${measured.tuning}; held-out ${measured.heldOut} (${measured.measure})`);
  return lines.join('\n');
}

function tableSection(table: AnyTable): string {
  const overview = [
    '| # | column | type | free text |',
    '| ---: | --- | --- | --- |',
    ...table.columns.map((c, i) => `| ${i + 1} | ${code(c.name)} | ${c.type} | ${c.freeText ? 'yes' : ''} |`),
  ].join('\n');
  return [`## ${table.file}`, '', table.description, '', overview, '', ...table.columns.map((c, i) => columnEntry(table, c, i) + '\n')].join('\n');
}

/** The codebook as Markdown. */
export function codebookMarkdown(): string {
  const freeTextCols = TABLES.flatMap((t) => t.columns.filter((c) => c.freeText).map((c) => `${t.file} ${code(c.name)}`));
  return `# Codebook

The dataset written by \`imr extract\` (imr-extract ${TOOL_VERSION}) from California workers' compensation
Independent Medical Review (IMR) final determination letters. This file and \`datapackage.json\` (a
[Frictionless Data Package](https://specs.frictionlessdata.io/) with a Table Schema per CSV file) are
generated from the column definitions the tool writes the CSV files from (\`src/core/schema.ts\`).

## Files

| file | one row per |
| --- | --- |
${TABLES.map((t) => `| \`${t.file}\` | ${t.description.replace(/^One row per /, '').replace(/\.$/, '')} |`).join('\n')}
| \`cases.jsonl\` | letter: the full nested record (one JSON object a line), with section spans, clinical mentions, warnings and the offsets of every extracted value |
| \`manifest.json\` | run: tool version, options (e.g. \`raw_csv\`), counts, per-file SHA-256 and encoding, timings |
| \`codebook.md\`, \`datapackage.json\` | this documentation |

Every input file appears exactly once: as a row of \`cases.csv\` or as a row of \`errors.csv\`.
\`decisions.csv\` and \`citations.csv\` rows belong to a case through \`case_id\` (and \`item_no\`);
\`case_id\` is the IMR case number, or the file name where the letter has none, so two letters can
share one (rare; use \`source_file\` to tell them apart).

## Conventions

- **Encoding and format.** UTF-8 without byte-order mark; RFC 4180 CSV with a header row, \`,\`
  between cells, \`"\` quoting (doubled inside a quoted cell) and CRLF line ends. Rows are sorted by
  \`source_file\`, then \`item_no\`.
- **Empty cells.** An empty cell means the letter does not state the value (nothing is guessed);
  it is the only missing-value marker. Columns listed as *never empty* always hold a value.
  Read every column as text first (\`dtype=str, keep_default_na=False\` in pandas;
  \`colClasses = "character"\` in R) so that empty stays distinguishable from a value.
- **Lists.** A *list* column joins its values with \`;\` (no spaces), in letter order unless the
  entry says otherwise; an element never contains \`;\`.
- **Types.** Dates are ISO \`YYYY-MM-DD\`; integers have no decimal point or separators; booleans are
  \`true\` or \`false\`.
- **Spreadsheet formulas.** A cell of a *free-text* column (text copied from the letter) that
  begins with \`=\`, \`+\`, \`-\`, \`@\`, a tab or a carriage return gets a leading apostrophe (\`'\`),
  so that spreadsheet programs show it as text instead of evaluating it as a formula (the OWASP
  advice against CSV injection). A dataset written with \`imr extract --raw-csv\` (manifest.json
  \`options.raw_csv: true\`) is not neutralised. To recover the text as printed, remove a leading
  \`'\` that is followed by one of those characters. Free-text columns: ${freeTextCols.join(', ')}.
- **Offsets.** In \`cases.jsonl\` every extracted value is an object \`{"value", "start", "end"}\`:
  \`[start, end)\` offsets in **UTF-16 code units** (JavaScript string indices; in Python the same
  as \`str\` indices unless the text has characters outside the Basic Multilingual Plane, else slice
  \`text.encode("utf-16-le")\` at twice the offsets) into the decoded source file (UTF-8,
  UTF-16 with byte-order mark, or Windows-1252, as manifest.json records per file; a byte-order
  mark is not part of the text). The slice, whitespace-normalised, is the
  text the value was read from. \`imr explain <letter>\` shows them.
- **Outcomes.** \`upheld\`: the utilization-review denial stands (the treatment was found not
  medically necessary); \`overturned\`: the treatment was found medically necessary. The overturn
  rate is overturned items ÷ items of \`decisions.csv\`.

## How accurate the columns are

Measured on the project's 128 development letters (real IMR letters of 2016-17), split by a hash of
the case number into 86 **tuning** letters, which the rules were written from, and 42 **held-out**
letters, which nobody working on the extractor read: the held-out figure is what a new letter can
expect. Each column entry gives both; a column without a figure was not measured. The developers'
\`npm run eval\` reproduces them (it needs the development letters; \`docs/accuracy.md\` in the
project says how each was measured).

The decision reasons (\`decisions.csv\` \`reasons\`), code by code: the annotators' agreement
(Cohen's kappa; ${REASONS_AGREEMENT}), and the extractor's precision and recall on the held-out
letters (support: the annotated items with the code).

| code | annotators' kappa | precision | recall | held-out items |
| --- | ---: | ---: | ---: | ---: |
${REASONS_BY_CODE.map(([c, k, p, r, n]) => `| \`${c}\` | ${k.toFixed(2)} | ${n ? p.toFixed(2) : '–'} | ${n ? r.toFixed(2) : '–'} | ${n} |`).join('\n')}

${TABLES.map(tableSection).join('\n')}`;
}

/** Escapes a literal for a Table Schema pattern (XML Schema regular expressions, which Python's `re` reads alike). */
function escapeRegex(s: string): string {
  return s.replace(/[.*+?^{}()|[\]\\]/g, '\\$&');
}

function field(table: AnyTable, column: AnyColumn): Record<string, unknown> {
  const notes: string[] = [column.description];
  if (column.type === 'list') notes.push('A `;`-joined list (no spaces around `;`); empty when there is none.');
  if (column.freeText) notes.push("Free text: a cell beginning with =, +, -, @, tab or CR gets a leading ' (unless the dataset was written with --raw-csv).");
  const f: Record<string, unknown> = { name: column.name, type: FRICTIONLESS_TYPE[column.type], format: 'default', description: notes.join(' ') };
  if (column.type === 'boolean') Object.assign(f, { trueValues: ['true'], falseValues: ['false'] });
  const constraints: Record<string, unknown> = {};
  if (neverEmpty(table, column)) constraints.required = true;
  if (column.values && column.type !== 'list') constraints.enum = [...column.values];
  if (column.values && column.type === 'list') {
    // Plain groups: XML Schema patterns have no (?:...); a pattern matches the whole cell.
    const one = `(${column.values.map(escapeRegex).join('|')})`;
    constraints.pattern = `${one}(;${one})*`;
  }
  if ((column.type === 'integer' || column.type === 'number') && /^(n_|item_no$|quantity$|patient_age$)/.test(column.name)) constraints.minimum = 0;
  if (Object.keys(constraints).length) f.constraints = constraints;
  return f;
}

/** The Frictionless Data Package descriptor (v1 tabular-data-package profile). */
export function dataPackage(): Record<string, unknown> {
  return {
    profile: 'tabular-data-package',
    name: 'imr-determinations',
    title: 'California workers\' compensation IMR determination letters: cases, decisions, citations',
    description: `Written by imr-extract ${TOOL_VERSION}. One row per letter (cases.csv), per disputed treatment item (decisions.csv), per guideline citation (citations.csv) and per input that gave no case (errors.csv). cases.jsonl holds the full records with source offsets; codebook.md documents every column.`,
    keywords: ['independent medical review', 'workers compensation', 'California', 'utilization review'],
    resources: TABLES.map((t) => ({
      profile: 'tabular-data-resource',
      name: resourceName(t),
      path: t.file,
      title: t.file,
      description: t.description,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
      schema: { fields: t.columns.map((c) => field(t, c)), missingValues: [''] },
    })),
  };
}

/** Writes `codebook.md` and `datapackage.json` into `dir` (a dataset folder, or its staging folder). */
export function writeCodebook(dir: string): void {
  writeFileSync(join(dir, 'codebook.md'), codebookMarkdown());
  writeFileSync(join(dir, 'datapackage.json'), `${JSON.stringify(dataPackage(), null, 2)}\n`);
}
