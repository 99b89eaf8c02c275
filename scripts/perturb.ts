/**
 * Noisy variants of letters, as text extractors really produce them: CRLF or
 * lone CR line ends, page breaks with "Page n of N" footers and a running
 * header, a blank line after every line, words hyphenated across line
 * breaks, ligatures and smart quotes, non-breaking spaces, a UTF-8 BOM, and
 * Windows-1252 bytes. Each kind alone, or all together; seeded, so a run is
 * reproducible.
 *
 *   tsx scripts/perturb.ts <in-dir> <out-dir> [--kind <kind>|all|combined] [--seed N]
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** A small, fast, seedable generator (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Text = { text: string; encoding: 'utf-8' | 'windows-1252' };
type Perturbation = (t: Text, rnd: () => number) => Text;

const pages = (t: Text, rnd: () => number): Text => {
  const lines = t.text.replace(/\f/g, '\n').split('\n');
  const perPage = 40 + Math.floor(rnd() * 10);
  const count = Math.ceil(lines.length / perPage);
  const out: string[] = [];
  for (let p = 0; p < count; p++) {
    out.push(`${p > 0 ? '\f' : ''}MAXIMUS Federal Services - Independent Medical Review Final Determination`);
    out.push(...lines.slice(p * perPage, (p + 1) * perPage));
    out.push(`Page ${p + 1} of ${count}`);
  }
  return { ...t, text: out.join('\n') };
};

const hyphenate = (t: Text, rnd: () => number): Text => {
  const lines = t.text.split('\n');
  for (let i = 0; i + 1 < lines.length; i++) {
    const m = /(?<![\w'/-])([a-z]{8,})$/.exec(lines[i]!);
    if (!m || !/^\S/.test(lines[i + 1]!) || rnd() > 0.5) continue;
    const word = m[1]!;
    const cut = 3 + Math.floor(rnd() * (word.length - 5));
    lines[i] = lines[i]!.slice(0, m.index) + word.slice(0, cut) + '-';
    lines[i + 1] = word.slice(cut) + ' ' + lines[i + 1];
  }
  return { ...t, text: lines.join('\n') };
};

/** Curly quotes and en dashes (all of which Windows-1252 has). */
const quotes = (t: Text): Text => {
  let open = true;
  const text = t.text
    .replace(/'/g, '\u2019')
    .replace(/"/g, () => ((open = !open) ? '\u201D' : '\u201C'))
    .replace(/ - /g, ' \u2013 ');
  return { ...t, text };
};

/** Ligatures (which only Unicode has) and curly quotes. */
const typography = (t: Text, rnd: () => number): Text =>
  quotes({ ...t, text: t.text.replace(/fi|fl/g, (m) => (rnd() < 0.7 ? (m === 'fi' ? '\uFB01' : '\uFB02') : m)) });

export const PERTURBATIONS: Record<string, Perturbation> = {
  crlf: (t) => ({ ...t, text: t.text.replace(/\n/g, '\r\n') }),
  cr: (t) => ({ ...t, text: t.text.replace(/\n/g, '\r') }),
  pages,
  'double-spacing': (t) => ({ ...t, text: t.text.split('\n').join('\n\n') }),
  hyphenation: hyphenate,
  typography,
  nbsp: (t, rnd) => ({ ...t, text: t.text.replace(/ /g, (s) => (rnd() < 0.25 ? '\u00A0' : s)) }),
  bom: (t) => ({ ...t, text: '\uFEFF' + t.text }),
  'windows-1252': (t) => ({ text: quotes(t).text, encoding: 'windows-1252' }),
};

/** Everything at once (but one encoding): pages, hyphenation, double spacing, typography, NBSP, CRLF, BOM. */
export function combined(t: Text, rnd: () => number): Text {
  let out = t;
  for (const kind of ['pages', 'hyphenation', 'double-spacing', 'typography', 'nbsp', 'crlf', 'bom']) out = PERTURBATIONS[kind]!(out, rnd);
  return out;
}

const CP1252: Record<string, number> = { '\u2018': 0x91, '\u2019': 0x92, '\u201C': 0x93, '\u201D': 0x94, '\u2013': 0x96, '\u2014': 0x97, '\u2026': 0x85, '\u00A0': 0xa0 };

export function encode(t: Text): Buffer {
  if (t.encoding === 'utf-8') return Buffer.from(t.text, 'utf8');
  const bytes = Buffer.alloc(t.text.length);
  for (let i = 0; i < t.text.length; i++) {
    const c = t.text[i]!;
    const code = c.charCodeAt(0);
    bytes[i] = CP1252[c] ?? (code < 0x100 ? code : 0x3f);
  }
  return bytes;
}

/** Writes the `kind` variant of every .txt letter of `inDir` into `outDir` (same names). */
export function perturbFolder(inDir: string, outDir: string, kind: string, seed: number): number {
  mkdirSync(outDir, { recursive: true });
  const files = readdirSync(inDir).filter((f) => f.endsWith('.txt')).sort();
  files.forEach((file, i) => {
    const rnd = random(seed * 100003 + i);
    const source: Text = { text: readFileSync(join(inDir, file), 'utf8'), encoding: 'utf-8' };
    const noisy = kind === 'combined' ? combined(source, rnd) : PERTURBATIONS[kind]!(source, rnd);
    writeFileSync(join(outDir, file), encode(noisy));
  });
  return files.length;
}

export const KINDS = [...Object.keys(PERTURBATIONS), 'combined'];

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { kind: { type: 'string', default: 'combined' }, seed: { type: 'string', default: '1' } } });
  const [inDir, outDir] = positionals;
  if (!inDir || !outDir) {
    console.error('usage: tsx scripts/perturb.ts <in-dir> <out-dir> [--kind <kind>|all] [--seed N]');
    process.exit(2);
  }
  const kinds = values.kind === 'all' ? KINDS : [values.kind!];
  for (const kind of kinds) {
    if (!KINDS.includes(kind)) {
      console.error(`unknown kind ${kind}; one of ${KINDS.join(', ')}, all`);
      process.exit(2);
    }
    const n = perturbFolder(inDir, kinds.length > 1 ? join(outDir, kind) : outDir, kind, Number(values.seed));
    console.log(`${kind}: ${n} letters`);
  }
}
