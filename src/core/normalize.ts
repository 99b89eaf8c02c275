/**
 * Text normalisation that never loses its way back to the source.
 *
 * The normaliser is a list of small rewrite rules, each a regular expression
 * and a replacement. Every character of the result remembers the source range
 * it came from (`starts[i]`, `ends[i]`), so any span found in the normalised
 * text maps back to the exact words of the original file.
 */

export interface MappedText {
  text: string;
  /** Source offset where the origin of text[i] starts; starts[text.length] = source length. */
  starts: Int32Array;
  /** Source offset where the origin of text[i] ends. */
  ends: Int32Array;
}

export interface RewriteRule {
  name: string;
  pattern: RegExp;
  /** The replacement for one match; may use the capture groups. */
  replace: (match: RegExpExecArray) => string;
  /** Applies the rule only when the whole text satisfies this. */
  when?: (text: string) => boolean;
}

export function identity(source: string): MappedText {
  const n = source.length;
  const starts = new Int32Array(n + 1);
  const ends = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) {
    starts[i] = i;
    ends[i] = i + 1 > n ? n : i + 1;
  }
  ends[n] = n;
  return { text: source, starts, ends };
}

/**
 * Applies one rule. Unchanged characters keep their origin; the characters of a
 * replacement all point at the whole source range of the match they replace,
 * so a span that touches a replacement covers the full original.
 */
export function rewrite(input: MappedText, rule: RewriteRule): MappedText {
  const { text } = input;
  if (rule.when && !rule.when(text)) return input;
  const re = new RegExp(rule.pattern.source, rule.pattern.flags.includes('g') ? rule.pattern.flags : rule.pattern.flags + 'g');
  let out = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let last = 0;
  let changed = false;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const replacement = rule.replace(m);
    if (replacement === m[0]) continue;
    changed = true;
    copy(input, last, m.index, starts, ends);
    out += text.slice(last, m.index);
    const mStart = input.starts[m.index]!;
    const mEnd = input.ends[m.index + m[0].length - 1]!;
    for (let k = 0; k < replacement.length; k++) {
      starts.push(mStart);
      ends.push(mEnd);
    }
    out += replacement;
    last = m.index + m[0].length;
  }
  if (!changed) return input;
  copy(input, last, text.length, starts, ends);
  out += text.slice(last);
  const sourceLength = input.starts[text.length]!;
  starts.push(sourceLength);
  ends.push(sourceLength);
  return { text: out, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

function copy(input: MappedText, from: number, to: number, starts: number[], ends: number[]): void {
  for (let i = from; i < to; i++) {
    starts.push(input.starts[i]!);
    ends.push(input.ends[i]!);
  }
}

/** Converts a span of normalised text into a span of the source. */
export function toSource(mapped: Pick<MappedText, 'starts' | 'ends'>, start: number, end: number): { start: number; end: number } {
  if (end <= start) {
    const at = mapped.starts[start]!;
    return { start: at, end: at };
  }
  return { start: mapped.starts[start]!, end: mapped.ends[end - 1]! };
}

const LIGATURES: Record<string, string> = {
  '\uFB00': 'ff',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
  '\uFB05': 'st',
  '\uFB06': 'st',
};

const PUNCTUATION: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u2026': '...',
};

/**
 * The standard rules, in order. Each is small and independent; together they
 * turn whatever a PDF extractor produced into plain `\n`-separated lines with
 * single spaces inside them and no trailing blanks.
 */
export const RULES: RewriteRule[] = [
  { name: 'bom', pattern: /^\uFEFF/, replace: () => '' },
  { name: 'line-endings', pattern: /\r\n?/, replace: () => '\n' },
  { name: 'form-feed', pattern: /\f/, replace: () => '\n' },
  { name: 'nul-and-controls', pattern: /[\u0000-\u0008\u000B\u000E-\u001F\u007F]+/, replace: () => ' ' },
  { name: 'unicode-spaces', pattern: /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t]/, replace: () => ' ' },
  { name: 'zero-width', pattern: /[\u200B-\u200D\u2060\u00AD]/, replace: () => '' },
  { name: 'ligatures', pattern: /[\uFB00-\uFB06]/, replace: (m) => LIGATURES[m[0]] ?? m[0] },
  { name: 'punctuation', pattern: /[\u2018-\u201E\u2010-\u2014\u2212\u2026]/, replace: (m) => PUNCTUATION[m[0]] ?? m[0] },
  { name: 'trailing-space', pattern: /(?<! ) +(?=\n|$)/, replace: () => '' },
  // Some extractions put a blank line after every line: one blank line is then a line break, two a paragraph break.
  { name: 'double-spacing', pattern: /\n\n((?:\n\n)+)?/, replace: (m) => (m[1] ? '\n\n' : '\n'), when: isDoubleSpaced },
];

/** True when most lines with text are followed by exactly one blank line. */
export function isDoubleSpaced(text: string): boolean {
  const lines = text.split('\n');
  let content = 0;
  let followedByBlank = 0;
  for (let i = 0; i + 2 < lines.length; i++) {
    if (lines[i] === '') continue;
    content++;
    if (lines[i + 1] === '' && lines[i + 2] !== '') followedByBlank++;
  }
  return content >= 8 && followedByBlank / content > 0.6;
}

export function normalize(source: string, rules: readonly RewriteRule[] = RULES): MappedText {
  let mapped = identity(source);
  for (const rule of rules) mapped = rewrite(mapped, rule);
  return mapped;
}
