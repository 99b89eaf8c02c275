/**
 * Fail loudly under damage: in each letter, every short line (a heading, a
 * label, an item header; at most 12 words, outside the case summary's prose)
 * is damaged as PDF text damages words (one letter of a word replaced, a
 * space put into a word, a colon dropped: `DAMAGES`), one line and one kind
 * at a time, and the letter is read again. Each key field whose
 * value then differs from the undamaged letter's is counted by where the
 * damage fell (inside the value's own words, or on a label or other context),
 * whether the value was lost or changed, and whether the letter says so (a
 * new warning, or items_complete turned false; a letter of no known layout,
 * and an item of a letter already marked incomplete, have said it). A field lost or changed by
 * damage outside its value with nothing said is a silent loss: the one kind
 * a researcher cannot see.
 *
 *   npx tsx scripts/damage.ts    # the dev letters, both renderings: tuning letters, and held-out counts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { extractLetter } from '../src/core/pipeline.js';
import type { CaseRecord, Located } from '../src/core/record.js';
import { isHeldOut } from './heldout.js';
import { LETTERS, hasShared } from './shared.js';

type Value = Located<unknown> | null;

/** The key fields, each as the list of its located values. */
function fields(r: CaseRecord): Record<string, Value[]> {
  return {
    case_number: [r.case_number],
    ...Object.fromEntries(Object.entries(r.dates).map(([k, v]) => [k, [v]])),
    priority: [r.priority],
    patient_age: [r.patient_age],
    patient_sex: [r.patient_sex],
    reviewer_licensure: r.reviewer_licensure,
    reviewer_specialty: r.reviewer_specialty,
    outcome: r.items.map((i) => i.outcome),
    item_text: r.items.map((i) => i.item_text),
    rationale: r.items.map((i) => i.rationale),
    // Each item's guideline families, placed where its citations are.
    sources: r.items.map((i) => (i.citations.length ? { value: [i.claims_admin_sources, i.reviewer_sources], start: Math.min(...i.citations.map((c) => c.raw.start)), end: Math.max(...i.citations.map((c) => c.raw.end)) } : null)),
  };
}

const values = (list: readonly Value[]) => JSON.stringify(list.map((l) => l?.value ?? null));

/**
 * The kinds of damage done to a line starting at `start` of `text`: the new
 * text and where the damage is, or null where the line offers no place for it.
 * `letter`: one letter of its first word of four letters or more replaced;
 * `space`: a space put into the middle of that word; `colon`: its first colon
 * dropped.
 */
/** The middle of a line's first word of four letters or more (an offset of `text`), or null. */
function wordMiddle(start: number, line: string): number | null {
  const word = /[A-Za-z]{4,}/.exec(line);
  return word ? start + word.index + Math.floor(word[0].length / 2) : null;
}

export const DAMAGES = {
  letter: (text: string, start: number, line: string) => {
    const at = wordMiddle(start, line);
    return at === null ? null : { text: text.slice(0, at) + (text[at] === 'q' ? 'z' : 'q') + text.slice(at + 1), at };
  },
  space: (text: string, start: number, line: string) => {
    const at = wordMiddle(start, line);
    return at === null ? null : { text: `${text.slice(0, at)} ${text.slice(at)}`, at };
  },
  colon: (text: string, start: number, line: string) => {
    const c = line.indexOf(':');
    if (c < 0) return null;
    const at = start + c;
    return { text: text.slice(0, at) + text.slice(at + 1), at };
  },
} as const satisfies Record<string, (text: string, start: number, line: string) => { text: string; at: number } | null>;
export type DamageKind = keyof typeof DAMAGES;
export const DAMAGE_KINDS = Object.keys(DAMAGES) as DamageKind[];

export interface DamageCounts {
  /** Letters read, and damaged texts read (one per line and kind of damage). */
  letters: number;
  lines: number;
  /** `<field>: <own word|label or context> <lost|changed> <said|SILENT>` → count. */
  kinds: Record<string, number>;
}

/** Damages each short line of each letter in turn, each kind of damage alone, and counts what changed. */
export function damageSweep(letters: readonly (readonly [id: string, text: string])[], kinds: readonly DamageKind[] = DAMAGE_KINDS): DamageCounts {
  const out: DamageCounts = { letters: 0, lines: 0, kinds: {} };
  const add = (k: string) => (out.kinds[k] = (out.kinds[k] ?? 0) + 1);
  for (const [id, text] of letters) {
    const clean = extractLetter(id, text);
    if (!clean.ok) continue;
    out.letters++;
    const base = fields(clean.record);
    const warned = new Set(clean.record.warning_rules);
    const summary = clean.record.sections.find((s) => s.name === 'summary');
    let at = 0;
    for (const line of text.split('\n')) {
      const start = at;
      at += line.length + 1;
      // The summary's heading is damaged, its prose is not: it holds no labels.
      if (summary && start > summary.start && start < summary.end) continue;
      if (line.trim().split(/\s+/).length > 12) continue;
      for (const damage of kinds) {
        const d = DAMAGES[damage](text, start, line);
        if (!d) continue;
        const r = extractLetter(id, d.text);
        out.lines++;
        if (!r.ok) {
          add(`letter refused: ${r.code}`);
          continue;
        }
        const now = fields(r.record);
        const said = r.record.warning_rules.some((w) => !warned.has(w)) || r.record.items_complete !== clean.record.items_complete;
        for (const [field, list] of Object.entries(base)) {
          const after = now[field] ?? [];
          if (values(list) === values(after)) continue;
          const own = list.some((l) => l && d.at >= l.start && d.at < l.end);
          const lost = after.filter(Boolean).length < list.filter(Boolean).length;
          // A letter of no known layout has said all its fields may be incomplete; one marked items_complete=false, that its items may be short.
          const flagged = said || warned.has('layout-unknown') || ((field === 'outcome' || field === 'item_text') && !clean.record.items_complete);
          add(`${field}: ${own ? 'own word' : 'label or context'} ${lost ? 'lost' : 'changed'} ${flagged ? 'said' : 'SILENT'}`);
        }
      }
    }
  }
  return out;
}

/** The columns lost or changed by damage outside their values with nothing said. */
export function silentLosses(c: DamageCounts): Record<string, number> {
  return Object.fromEntries(Object.entries(c.kinds).filter(([k]) => k.includes('label or context') && k.endsWith('SILENT')));
}

export function formatDamage(title: string, c: DamageCounts): string {
  return [`${title}: ${c.lines} damaged texts of ${c.letters} letters`, ...Object.entries(c.kinds).sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `  ${k}: ${n}`)].join('\n');
}

/** The dev letters of a rendering, tuning or held-out. */
export function devTexts(rendering: string, heldOut: boolean): [string, string][] {
  const dir = join(LETTERS, 'dev', rendering);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt') && isHeldOut(f.replace(/\.txt$/, '')) === heldOut)
    .sort()
    .map((f) => [f, readFileSync(join(dir, f), 'utf8')]);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (!hasShared()) {
    console.error(`damage: ${LETTERS} not found; the dev letters live in ../shared beside the project (or set IMR_SHARED).`);
    process.exit(2);
  }
  let silent = 0;
  for (const rendering of ['text-poppler', 'text-pypdf']) {
    for (const [name, held] of [['tuning', false], ['held-out (counts only)', true]] as const) {
      const c = damageSweep(devTexts(rendering, held));
      console.log(formatDamage(`== dev letters, ${rendering}, ${name}`, c));
      silent += Object.values(silentLosses(c)).reduce((a, b) => a + b, 0);
    }
  }
  console.log(silent ? `\n${silent} fields lost or changed by damage outside their values, with nothing said` : '\nno field lost or changed by damage outside its value without a warning');
  process.exit(silent ? 1 : 0);
}
