/**
 * The members of every group of the report, one CSV per group
 * (`<report>.cases/<table>/<name>.csv`), written while the dataset streams
 * by: rows are buffered and appended in batches, so memory holds a bounded
 * buffer and a little state per group, never the members themselves. Each
 * group also keeps a fixed-size sample of its letters (the ones with the
 * smallest hash of their source_file: a uniform sample that does not depend
 * on the order of the files, and that overlaps between groups), for the
 * pages that link case ids to their explain pages.
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fnv1a } from '../core/fnv1a.js';
import { neutralise } from '../sinks/csv.js';
import type { CaseInfo, TableId, TableSpec } from './tables.js';

/** Buffered characters before every group's rows are appended to its file. */
const FLUSH_AT = 1024 * 1024;
/** The file that marks a folder as written by `imr report` (so it may be replaced). */
export const MARKER = '.imr-report';

/** The header of a group's member CSV, by the table's unit. */
export function memberHeader(spec: TableSpec): string[] {
  if (spec.unit === 'days') return ['case_id', 'source_file', 'from_date', 'to_date', 'days', 'status'];
  if (spec.unit === 'cases') return ['case_id', 'source_file'];
  return ['case_id', 'source_file', 'item_no', 'n_items', 'n_overturned'];
}

/** One CSV line (RFC 4180: a cell with a comma, quote or line break is quoted; CRLF): written for every member of every group, where csv-stringify's per-call set-up would cost more than the rows. */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')}\r\n`;
}

const hex8 = (s: string) => fnv1a(s).toString(16).padStart(8, '0');
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * A file name for a group key (or a case id) that is safe on every file
 * system and unique among `taken` (compared case-insensitively): the key
 * itself when it is made of letters, digits, '.', '_' and '-', else a
 * readable form with '~' and a hash of the key.
 */
export function fileName(parts: readonly string[], taken: Set<string>): string {
  const raw = parts.map((p) => (p === '' ? 'none' : p)).join('__');
  const exact = parts.join('\u0000');
  let name = raw.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '').slice(0, 60) || 'group';
  if (name !== raw || parts.includes('') || RESERVED.test(name)) name = `${name}~${hex8(exact)}`;
  const base = name;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base}-${i}`;
  taken.add(name.toLowerCase());
  return name;
}

export interface SampledLetter {
  caseId: string;
  source: string;
  /** What the group holds of the letter: its item numbers, or its days. */
  detail: string;
  hash: number;
}

export interface GroupSample {
  spec: TableSpec;
  key: string[];
  letters: SampledLetter[];
  /** The group's letters in all. */
  members: number;
}

interface GroupState {
  spec: TableSpec;
  key: string[];
  /** `<table>/<name>`, without extension. */
  name: string;
  /** Rows not yet appended to the file. */
  buffer: string;
  written: boolean;
  /** The case whose items are being gathered (items of a case arrive together). */
  pending: CaseInfo | null;
  pendingItems: string[];
  pendingOverturned: number;
  sample: SampledLetter[];
  /** Lines written: the group's letters (more when a re-sorted dataset splits a letter's items). */
  members: number;
}

/** What the aggregator tells about the members of each group. */
export interface GroupSink {
  item(spec: TableSpec, key: string[], c: CaseInfo, itemNo: string, overturned: boolean): void;
  caseRow(spec: TableSpec, key: string[], c: CaseInfo, cells: string[], detail: string): void;
  /** `<table>/<name>` of a group seen, without extension. */
  nameOf(table: TableId, key: readonly string[]): string | undefined;
}

/** Creates (or empties) a folder the report owns; refuses a folder it did not write. */
export function claimFolder(dir: string): void {
  if (existsSync(dir)) {
    if (!existsSync(join(dir, MARKER)) && readdirSync(dir).length > 0) {
      throw new Error(`${dir} exists and was not written by imr report; move it away or choose another --out`);
    }
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, MARKER), 'Written by imr report; replaced by the next report of this name.\n');
}

export class GroupFiles implements GroupSink {
  /** By table, then by the key's parts joined with NUL. */
  private readonly groups = new Map<TableId, Map<string, GroupState>>();
  private readonly taken = new Map<TableId, Set<string>>();
  private buffered = 0;

  /**
   * @param root the folder of the member CSVs (claimed by the caller), or null to keep only names and samples
   * @param perGroup letters sampled per group (0: none)
   */
  constructor(
    private readonly root: string | null,
    private readonly perGroup: number,
  ) {}

  private state(spec: TableSpec, key: string[]): GroupState {
    let table = this.groups.get(spec.id);
    if (!table) this.groups.set(spec.id, (table = new Map()));
    const id = key.length === 1 ? key[0]! : key.join('\u0000');
    let g = table.get(id);
    if (!g) {
      let taken = this.taken.get(spec.id);
      if (!taken) this.taken.set(spec.id, (taken = new Set()));
      g = { spec, key, name: `${spec.id}/${fileName(key, taken)}`, buffer: '', written: false, pending: null, pendingItems: [], pendingOverturned: 0, sample: [], members: 0 };
      table.set(id, g);
    }
    return g;
  }

  nameOf(table: TableId, key: readonly string[]): string | undefined {
    return this.groups.get(table)?.get(key.length === 1 ? key[0]! : key.join('\u0000'))?.name;
  }

  private *all(): Iterable<GroupState> {
    for (const table of this.groups.values()) yield* table.values();
  }

  item(spec: TableSpec, key: string[], c: CaseInfo, itemNo: string, overturned: boolean): void {
    const g = this.state(spec, key);
    if (g.pending !== c) {
      this.emitPending(g);
      g.pending = c;
    }
    g.pendingItems.push(itemNo);
    if (overturned) g.pendingOverturned++;
  }

  caseRow(spec: TableSpec, key: string[], c: CaseInfo, cells: string[], detail: string): void {
    const g = this.state(spec, key);
    this.push(g, csvLine([neutralise(c.id), neutralise(c.source), ...cells]));
    this.offer(g, c, detail);
  }

  private emitPending(g: GroupState): void {
    const c = g.pending;
    if (!c) return;
    const items = g.pendingItems.join(';');
    this.push(g, csvLine([neutralise(c.id), neutralise(c.source), items, String(g.pendingItems.length), String(g.pendingOverturned)]));
    const n = g.pendingItems.length;
    const outcome = n === 1 ? (g.pendingOverturned ? 'overturned' : 'upheld') : `${g.pendingOverturned} of ${n} overturned`;
    this.offer(g, c, `${n === 1 ? 'item' : 'items'} ${g.pendingItems.join(', ')}: ${outcome}`);
    g.pending = null;
    g.pendingItems = [];
    g.pendingOverturned = 0;
  }

  /** Keeps the letter when its hash is among the group's `perGroup` smallest. */
  private offer(g: GroupState, c: CaseInfo, detail: string): void {
    g.members++;
    if (this.perGroup === 0) return;
    const hash = fnv1a(c.source);
    const s = g.sample;
    const before = (x: SampledLetter) => x.hash > hash || (x.hash === hash && x.source > c.source);
    if (s.length >= this.perGroup && !before(s[s.length - 1]!)) return;
    const at = s.findIndex(before);
    const entry = { caseId: c.id, source: c.source, detail, hash };
    if (at === -1) s.push(entry);
    else s.splice(at, 0, entry);
    if (s.length > this.perGroup) s.pop();
  }

  private push(g: GroupState, line: string): void {
    if (!this.root) return;
    g.buffer += line;
    this.buffered += line.length;
    if (this.buffered >= FLUSH_AT) this.flush();
  }

  private flush(): void {
    for (const g of this.all()) {
      if (!g.buffer) continue;
      const path = join(this.root!, `${g.name}.csv`);
      if (g.written) appendFileSync(path, g.buffer);
      else {
        mkdirSync(join(this.root!, g.spec.id), { recursive: true });
        writeFileSync(path, csvLine(memberHeader(g.spec)) + g.buffer);
        g.written = true;
      }
      g.buffer = '';
    }
    this.buffered = 0;
  }

  /** Writes what is pending; afterwards every group seen has its file. */
  finish(): void {
    for (const g of this.all()) this.emitPending(g);
    this.flush();
  }

  /** Each group's sampled letters, by `<table>/<name>`, in the order of their case ids. */
  samples(): Map<string, GroupSample> {
    const out = new Map<string, GroupSample>();
    for (const g of this.all()) {
      const letters = [...g.sample].sort((a, b) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : a.source < b.source ? -1 : 1));
      out.set(g.name, { spec: g.spec, key: g.key, letters, members: g.members });
    }
    return out;
  }
}
