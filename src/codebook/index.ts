/**
 * The codebook, generated from the column definitions the sinks write from
 * (src/core/schema.ts), so the documentation cannot drift from the data:
 * `codebook.md` for people and a Frictionless Data Package v2
 * (`datapackage.json`: a table resource with a Table Schema, keys and links
 * per CSV file, and per Parquet file when they were written) for validators
 * and loaders.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CASES, CITATIONS, DECISIONS, ERROR_CODE_MEANINGS, ERRORS, type Column, type ColumnType, type TableSchema } from '../core/schema.js';
import { parquetFile, PARQUET_TABLES } from '../sinks/parquet.js';
import { TOOL_VERSION } from '../version.js';
import { WARNING_RULES } from '../core/warnings.js';
import { MEASURED, REASONS_AGREEMENT, REASONS_BY_CODE } from './accuracy.js';

// Rows are typed per table; the codebook reads only the definitions, never `get`.
type AnyTable = TableSchema<never>;
type AnyColumn = Column<never>;

/** The CSV tables, in the order of the contract. */
export const TABLES: readonly AnyTable[] = [CASES, DECISIONS, CITATIONS, ERRORS];

/** What the dataset documented holds beyond the CSV files. */
export interface CodebookOptions {
  /** The Parquet files (written with --parquet). */
  parquet?: boolean;
}

/** A link from some columns of a table to the same number of columns of another (a Frictionless foreign key). */
interface Link {
  fields: string[];
  table: AnyTable;
  reference: string[];
}

/**
 * Each table's primary key and links. An input is one row of cases.csv or of
 * errors.csv, so `source_file` is their key. `case_id` is no key: the same
 * letter given twice (its PDF and its text), or two letters without a case
 * number and with the same file name, give two cases of one `case_id`; so
 * decisions and citations carry their case's `source_file` too, and link to
 * the case (and the item) by it.
 */
const KEYS: ReadonlyMap<AnyTable, { primaryKey?: string[]; links: Link[] }> = new Map<AnyTable, { primaryKey?: string[]; links: Link[] }>([
  [CASES, { primaryKey: ['source_file'], links: [] }],
  [DECISIONS, { primaryKey: ['source_file', 'item_no'], links: [{ fields: ['source_file'], table: CASES, reference: ['source_file'] }] }],
  [
    CITATIONS,
    {
      primaryKey: ['source_file', 'item_no', 'citation_no'],
      links: [
        { fields: ['source_file'], table: CASES, reference: ['source_file'] },
        { fields: ['source_file', 'item_no'], table: DECISIONS, reference: ['source_file', 'item_no'] },
      ],
    },
  ],
  [ERRORS, { primaryKey: ['source_file'], links: [] }],
]);

/**
 * Columns that always hold a value: identifiers, counts, and values every
 * case or item has. Every other column is empty when the letter does not
 * state the value. (The schema does not record this; test/report checks it
 * against datasets.)
 */
export const NEVER_EMPTY: Readonly<Record<string, readonly string[]>> = {
  'cases.csv': ['case_id', 'source_file', 'template', 'n_items', 'n_overturned', 'case_outcome', 'n_warnings'],
  'decisions.csv': ['case_id', 'item_no', 'item_text', 'treatment_category', 'treatment_subcategory', 'retrospective', 'associated_surgery', 'source_file'],
  'citations.csv': ['case_id', 'item_no', 'cited_by', 'family', 'raw', 'citation_no', 'source_file'],
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

/** Table Schema types of the CSV files: a list is its `;`-joined text, so that its elements can be checked by a pattern. */
const FRICTIONLESS_TYPE: Record<ColumnType, string> = { string: 'string', integer: 'integer', number: 'number', date: 'date', list: 'string', boolean: 'boolean' };

/** How each type is stored in the Parquet files. */
const PARQUET_TYPE: Record<ColumnType, string> = { string: 'STRING', integer: 'INT32', number: 'DOUBLE', date: 'DATE', list: 'LIST of STRING', boolean: 'BOOLEAN' };

const resourceName = (t: AnyTable) => t.file.replace(/\.csv$/, '');
const parquetResourceName = (t: AnyTable) => `${resourceName(t)}-parquet`;

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
export function codebookMarkdown(options: CodebookOptions = {}): string {
  const freeTextCols = TABLES.flatMap((t) => t.columns.filter((c) => c.freeText).map((c) => `${t.file} ${code(c.name)}`));
  return `# Codebook

The dataset written by \`imr extract\` (imr-extract ${TOOL_VERSION}) from California workers' compensation
Independent Medical Review (IMR) final determination letters. This file and \`datapackage.json\` (a
[Frictionless Data Package](https://datapackage.org/) v2 with a Table Schema, keys and links per data
file) are generated from the column definitions the tool writes the data files from
(\`src/core/schema.ts\`).

## Files

| file | one row per |
| --- | --- |
${TABLES.map((t) => `| \`${t.file}\` | ${t.description.replace(/^One row per /, '').replace(/\.$/, '')} |`).join('\n')}
${options.parquet ? `${PARQUET_TABLES.map((t) => `| \`${parquetFile(t)}\` | the rows and columns of \`${t.file}\`, typed (see [Parquet](#parquet)) |`).join('\n')}\n` : ''}| \`cases.jsonl\` | letter: the full nested record (one JSON object a line), with section spans, clinical mentions, warnings and the offsets of every extracted value |
| \`manifest.json\` | run: tool version, options (e.g. \`raw_csv\`, \`parquet\`), counts, per-file SHA-256 and encoding, timings |
| \`codebook.md\`, \`datapackage.json\` | this documentation |

Every input file appears exactly once: as a row of \`cases.csv\` or as a row of \`errors.csv\`, so
\`source_file\` identifies a row of either (their primary key in \`datapackage.json\`).
\`decisions.csv\` and \`citations.csv\` carry their case's \`source_file\` too: a decision is keyed by
\`source_file\` and \`item_no\`, a citation by these and \`citation_no\`, and both link to their case
(a citation also to its item) by them (the keys and links \`datapackage.json\` declares). Join by
\`source_file\`, not \`case_id\`: \`case_id\` is the IMR case number, or the file name where the
letter has none, so it repeats when the same letter is among the inputs twice (its PDF and its
text) or two letters without a case number have the same file name.

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

## Parquet

With \`imr extract --parquet\` (manifest.json \`options.parquet: true\`), ${PARQUET_TABLES.map((t) => `\`${parquetFile(t)}\``).join(', ')}
are written beside the CSV files${options.parquet ? ' (this dataset has them)' : ''}: the same rows, in the same order, and
the same columns, typed: ${(Object.keys(PARQUET_TYPE) as ColumnType[]).map((type) => `${type} as ${PARQUET_TYPE[type]}`).join(', ')}. A
*list* holds its elements (not \`;\`-joined); an empty cell is null (an empty list too). Free text is
as the letter has it: the apostrophe against spreadsheet formulas is not added.

## How accurate the columns are

Measured on the project's 128 development letters (real IMR letters of 2016-17), split by a hash of
the case number into 86 **tuning** letters, which the rules were written from, and 42 **held-out**
letters, which nobody working on the extractor read: the held-out figure is what a new letter can
expect. Each column entry gives both; a column without a figure was not measured. 42 letters are few:
a held-out figure comes with its 95% interval (for precision, recall and F1 the letters resampled
with replacement, each with all its values, as the values of one letter are not independent; for a
share of letters, Wilson's interval), and two columns whose intervals overlap may not differ. The
developers' \`npm run eval\` reproduces them (it needs the development letters; \`docs/accuracy.md\`
in the project says how each was measured).

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

/** Allowed values as Table Schema v2 `categories` (and an `enum` constraint, for v1 validators): a single-valued column with a vocabulary. */
const categorical = (column: AnyColumn) => (column.values && column.type !== 'list' ? [...column.values] : null);

/** Constraints that hold in every file of a table, whatever its format. */
function commonConstraints(table: AnyTable, column: AnyColumn): Record<string, unknown> {
  const constraints: Record<string, unknown> = {};
  if (neverEmpty(table, column)) constraints.required = true;
  const categories = categorical(column);
  if (categories) constraints.enum = categories;
  if ((column.type === 'integer' || column.type === 'number') && /^(n_|item_no$|quantity$|patient_age$)/.test(column.name)) constraints.minimum = 0;
  return constraints;
}

/** A CSV file's field: a list is a string whose `;`-joined elements a pattern checks. */
function csvField(table: AnyTable, column: AnyColumn): Record<string, unknown> {
  const notes: string[] = [column.description];
  if (column.type === 'list') notes.push('A `;`-joined list (no spaces around `;`); empty when there is none.');
  if (column.freeText) notes.push("Free text: a cell beginning with =, +, -, @, tab or CR gets a leading ' (unless the dataset was written with --raw-csv).");
  const f: Record<string, unknown> = { name: column.name, type: FRICTIONLESS_TYPE[column.type], format: 'default', description: notes.join(' ') };
  if (column.type === 'boolean') Object.assign(f, { trueValues: ['true'], falseValues: ['false'] });
  const categories = categorical(column);
  if (categories) f.categories = categories;
  const constraints = commonConstraints(table, column);
  if (column.values && column.type === 'list') {
    // Plain groups: XML Schema patterns have no (?:...); a pattern matches the whole cell.
    const one = `(${column.values.map(escapeRegex).join('|')})`;
    constraints.pattern = `${one}(;${one})*`;
  }
  if (Object.keys(constraints).length) f.constraints = constraints;
  return f;
}

/** A Parquet file's field: typed as stored, a list a list of strings, an empty value null. */
function parquetField(table: AnyTable, column: AnyColumn): Record<string, unknown> {
  const notes: string[] = [column.description];
  if (column.type === 'list') notes.push(column.values ? 'A list of strings, each one of the values codebook.md gives; null when there is none.' : 'A list of strings; null when there is none.');
  if (column.freeText) notes.push('Free text as the letter has it (no formula neutralisation).');
  const f: Record<string, unknown> = { name: column.name, type: column.type, description: notes.join(' ') };
  if (column.type === 'list') f.itemType = 'string';
  const categories = categorical(column);
  if (categories) f.categories = categories;
  const constraints = commonConstraints(table, column);
  if (Object.keys(constraints).length) f.constraints = constraints;
  return f;
}

/** A table's primary key and its links as Table Schema properties, naming the linked tables' resources by `name`. */
function keys(table: AnyTable, name: (t: AnyTable) => string): Record<string, unknown> {
  const { primaryKey, links } = KEYS.get(table)!;
  return {
    ...(primaryKey ? { primaryKey } : {}),
    ...(links.length ? { foreignKeys: links.map((l) => ({ fields: l.fields, reference: { resource: name(l.table), fields: l.reference } })) } : {}),
  };
}

/**
 * The Frictionless Data Package descriptor, v2 (its `$schema`, table
 * resources, `categories`, keys and links), with the v1 `profile`s kept for
 * validators and loaders that know only v1. The Parquet resources are listed
 * only when the files were written: a loader reads every resource listed.
 */
export function dataPackage(options: CodebookOptions = {}): Record<string, unknown> {
  const csv = TABLES.map((t) => ({
    profile: 'tabular-data-resource',
    type: 'table',
    name: resourceName(t),
    path: t.file,
    title: t.file,
    description: t.description,
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
    schema: { fields: t.columns.map((c) => csvField(t, c)), missingValues: [''], ...keys(t, resourceName) },
  }));
  const parquet = PARQUET_TABLES.map((t: AnyTable) => ({
    profile: 'tabular-data-resource',
    type: 'table',
    name: parquetResourceName(t),
    path: parquetFile(t),
    title: parquetFile(t),
    description: `${t.description} The rows and columns of ${t.file}, typed; an empty cell is null.`,
    format: 'parquet',
    mediatype: 'application/vnd.apache.parquet',
    schema: { fields: t.columns.map((c) => parquetField(t, c)), ...keys(t, parquetResourceName) },
  }));
  return {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    profile: 'tabular-data-package',
    name: 'imr-determinations',
    title: 'California workers\' compensation IMR determination letters: cases, decisions, citations',
    description: `Written by imr-extract ${TOOL_VERSION}. One row per letter (cases.csv), per disputed treatment item (decisions.csv), per guideline citation (citations.csv) and per input that gave no case (errors.csv)${options.parquet ? '; cases, decisions and citations also as typed Parquet files' : ''}. cases.jsonl holds the full records with source offsets; codebook.md documents every column.`,
    keywords: ['independent medical review', 'workers compensation', 'California', 'utilization review'],
    resources: options.parquet ? [...csv, ...parquet] : csv,
  };
}

/** Writes `codebook.md` and `datapackage.json` into `dir` (a dataset folder, or its staging folder). */
export function writeCodebook(dir: string, options: CodebookOptions = {}): void {
  writeFileSync(join(dir, 'codebook.md'), codebookMarkdown(options));
  writeFileSync(join(dir, 'datapackage.json'), `${JSON.stringify(dataPackage(options), null, 2)}\n`);
}
