/**
 * `npx tsx scripts/paraphrase-inputs.ts --out DIR`: the inputs of a
 * paraphrase test, written outside the project (they hold letter text).
 *
 * The tuning letters' rules are fitted (0.98) and the held-out letters are not
 * read, so robustness to wording is measured on paraphrases of the tuning
 * letters: the same grounds and findings, annotated already, in another
 * reviewer's words. This writes, for the tuning letters of `text-poppler`
 * only (never the held-out third):
 *
 * - `reasons-input.json`: each annotated item (id `<case>#<item>`, item text,
 *   outcome, the letter's other items, the rationale as one line), for a
 *   paraphraser, without its codes; `reasons-gold.json`: the adjudicated codes
 *   by id (test/annotations/reasons.json);
 * - `summaries-input.json`: each annotated case summary with the negated
 *   phrases a paraphrase must keep word for word (and still negated);
 *   `summaries-gold.json`: those phrases by case.
 *
 * Paraphrases come back as `[{ id, rationale }]` or `[{ id, summary }]`;
 * `--join FILE --split NAME` adds one to `reasons-set.json` or
 * `summaries-set.json` in DIR (the written-set formats, with the gold), and
 * those are scored by
 * `scripts/reasons-eval.ts --rationales FILE --split S` and
 * `scripts/summary-score.ts --written FILE --split S` (docs/accuracy.md,
 * "Paraphrases of the tuning letters"). Paraphrases are never committed: they
 * carry the letters' content.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { narrative } from '../src/core/extract/case-summary.js';
import { createLetter } from '../src/core/letter.js';
import { extractLetter } from '../src/core/pipeline.js';
import { decode } from '../src/io/decode.js';
import { ROOT } from './golden.js';
import { isHeldOut } from './heldout.js';
import { hasShared, LETTERS } from './shared.js';
import { summaryBody } from './summary-score.js';

const { values } = parseArgs({ options: { out: { type: 'string' }, join: { type: 'string' }, split: { type: 'string' } } });
if (!values.out) throw new Error('usage: npx tsx scripts/paraphrase-inputs.ts --out DIR [--join PARAPHRASES.json --split NAME] (DIR outside the project)');
const out = values.out;
const write = (name: string, value: unknown) => writeFileSync(join(out, name), `${JSON.stringify(value, null, 1)}\n`);
const read = <T>(name: string, fallback: T): T => (existsSync(join(out, name)) ? (JSON.parse(readFileSync(join(out, name), 'utf8')) as T) : fallback);

if (values.join) {
  if (!values.split) throw new Error('--join needs --split NAME');
  const paraphrases = JSON.parse(readFileSync(values.join, 'utf8')) as { id: string; rationale?: string; summary?: string }[];
  const kind = paraphrases.every((p) => p.rationale !== undefined) ? 'reasons' : 'summaries';
  const inputs = new Map(read<{ id: string }[]>(`${kind}-input.json`, []).map((x) => [x.id, x]));
  const gold = read<Record<string, string[]>>(`${kind}-gold.json`, {});
  const set = read<{ split: string }[]>(`${kind}-set.json`, []).filter((x) => x.split !== values.split);
  for (const p of paraphrases) {
    const input = inputs.get(p.id);
    if (!input || !gold[p.id]) throw new Error(`${values.join}: ${p.id} is not an input of ${out}`);
    if (kind === 'reasons') set.push({ ...input, rationale: p.rationale!, split: values.split, codes: gold[p.id]! } as { split: string });
    else set.push({ id: p.id, split: values.split, summary: p.summary!, negated: gold[p.id]! } as { split: string });
  }
  write(`${kind}-set.json`, set);
  console.log(`${paraphrases.length} paraphrases joined to ${join(out, `${kind}-set.json`)} as split ${values.split}`);
  process.exit(0);
}

if (!hasShared()) throw new Error('../shared is absent: the paraphrase inputs are made from the dev letters');
mkdirSync(out, { recursive: true });

const reasons = (JSON.parse(readFileSync(join(ROOT, 'test', 'annotations', 'reasons.json'), 'utf8')) as { items: Record<string, Record<string, string[]>> }).items;
const summaries = (JSON.parse(readFileSync(join(ROOT, 'test', 'annotations', 'summaries-128.json'), 'utf8')) as { letters: Record<string, { negated?: string[] }> }).letters;
const dir = join(LETTERS, 'dev', 'text-poppler');
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

const items: object[] = [];
const itemGold: Record<string, string[]> = {};
const cases: object[] = [];
const caseGold: Record<string, string[]> = {};
for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
  const id = file.replace(/\.txt$/, '');
  if (isHeldOut(id)) continue;
  const decoded = decode(readFileSync(join(dir, file)));
  if (!decoded.ok) continue;
  const result = extractLetter(id, decoded.text);
  if (result.ok && reasons[id]) {
    for (const it of result.record.items) {
      const codes = reasons[id][String(it.item_no)];
      if (!codes || !it.rationale) continue;
      const key = `${id}#${it.item_no}`;
      items.push({
        id: key,
        item_text: it.item_text.value,
        outcome: it.outcome?.value,
        other_items: result.record.items.filter((o) => o !== it).map((o) => ({ item_text: o.item_text.value, outcome: o.outcome?.value })),
        rationale: oneLine(decoded.text.slice(it.rationale.start, it.rationale.end)),
      });
      itemGold[key] = codes;
    }
  }
  const negated = summaries[id]?.negated;
  if (!negated) continue;
  const letter = createLetter(id, decoded.text);
  const body = summaryBody(letter.text);
  if (!body) continue;
  const region = narrative(letter.text, body);
  cases.push({ id, summary: oneLine(letter.text.slice(region.start, region.end)), keep_verbatim_as_negated: negated });
  caseGold[id] = negated;
}
write('reasons-input.json', items);
write('reasons-gold.json', itemGold);
write('summaries-input.json', cases);
write('summaries-gold.json', caseGold);
console.log(`${items.length} rationales and ${cases.length} case summaries of the tuning letters written to ${out}`);
