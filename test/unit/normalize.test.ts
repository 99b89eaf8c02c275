import { describe, expect, it } from 'vitest';
import { isDoubleSpaced, normalize, toSource } from '../../src/core/normalize.js';

/** Every character of the normalised text must come from the source range it maps to. */
function expectFaithful(source: string) {
  const m = normalize(source);
  let previous = 0;
  for (let i = 0; i < m.text.length; i++) {
    const span = toSource(m.map, i, i + 1);
    expect(span.start).toBeGreaterThanOrEqual(previous);
    expect(span.end).toBeGreaterThan(span.start);
    expect(span.end).toBeLessThanOrEqual(source.length);
    // A character that survived unchanged maps to itself.
    const origin = source.slice(span.start, span.end);
    if (/^[a-z0-9]$/i.test(origin) && origin !== m.text[i]) throw new Error(`offset ${i} maps to the wrong character`);
    previous = span.start;
  }
  return m;
}

describe('normalize', () => {
  it('turns CRLF and lone CR into LF and keeps offsets into the original', () => {
    const source = 'Case Number:\r\nCM16-9000001\rPriority: Standard\r\n';
    const m = expectFaithful(source);
    expect(m.text).toBe('Case Number:\nCM16-9000001\nPriority: Standard\n');
    const at = m.text.indexOf('CM16');
    const span = toSource(m.map, at, at + 'CM16-9000001'.length);
    expect(source.slice(span.start, span.end)).toBe('CM16-9000001');
  });

  it('removes trailing blanks, a BOM and zero-width characters; folds NBSP and tabs to spaces', () => {
    const m = expectFaithful('\uFEFFState(s) of Licensure:\u00A0Ohio \t \nnext\u200B line');
    expect(m.text).toBe('State(s) of Licensure: Ohio\nnext line');
  });

  it('expands ligatures and straightens quotes, mapping each back to its source character', () => {
    const source = 'the \uFB01nal \u201Cdetermination\u201D \u2013 done';
    const m = expectFaithful(source);
    expect(m.text).toBe('the final "determination" - done');
    const span = toSource(m.map, m.text.indexOf('final'), m.text.indexOf('final') + 5);
    expect(source.slice(span.start, span.end)).toBe('\uFB01nal');
  });

  it('turns form feeds (page breaks) into line breaks', () => {
    expect(normalize('end of page.\n\fNext page').text).toBe('end of page.\n\nNext page');
  });

  it('undoes a blank line after every line, keeping paragraph breaks', () => {
    const lines = Array.from({ length: 10 }, (_, i) => `line ${i} of a paragraph `);
    const source = lines.slice(0, 5).join('\n\n') + '\n\n \n\n' + lines.slice(5).join('\n\n') + '\n\n';
    expect(isDoubleSpaced(normalize(source, []).text.replace(/ +\n/g, '\n'))).toBe(true);
    const m = expectFaithful(source);
    expect(m.text).toBe(lines.slice(0, 5).map((l) => l.trim()).join('\n') + '\n\n' + lines.slice(5).map((l) => l.trim()).join('\n') + '\n');
  });

  it('leaves ordinary paragraph spacing alone', () => {
    const source = 'First paragraph line one\nline two\n\nSecond paragraph\nline two\nline three\n';
    expect(normalize(source).text).toBe(source);
  });
});

describe('normalize: words a renderer broke', () => {
  // Own wording, broken the way pypdf 3.x breaks words at kerning gaps ("y ear" is the sign of such a rendering).
  const broken =
    'The injured worker is a 51 y ear old clerk. She carri ed boxes and felt pain in the lumbar s pine. ' +
    'Her pati ents file notes impr oving symptoms and paresth esias. The physician notes tende rness and i s more ' +
    'concerned about the a now stable knee. The patient\'s pain is worse and the wound has pit ting edema. ' +
    'Physical therapy was set f orth below.';

  it('joins pieces into English words the letter does not use elsewhere', () => {
    const { text } = expectFaithful(broken);
    for (const w of ['year', 'carried', 'patients', 'improving', 'paresthesias', 'tenderness', 'forth']) expect(text).toMatch(new RegExp(`\\b${w}\\b`));
  });

  it('joins a single letter to the side that makes the word the letter attests, or the longer one', () => {
    const { text } = normalize(broken + ' The spine was examined; it is tender.');
    expect(text).toContain('lumbar spine.');
    expect(text).toContain(' is more ');
  });

  it('leaves real words apart: a word after an apostrophe, two words that are each English, a case change', () => {
    const { text } = normalize(broken + ' The CT was read as a CT of the hip.');
    expect(text).toContain("patient's pain");
    expect(text).toContain('a now stable');
    expect(text).toContain('pit ting');
    expect(text).toContain('a CT of');
  });

  it('joins a broken abbreviation of the treatment lexicon when written in capitals, not lower-case pieces that spell one', () => {
    const { text } = expectFaithful(broken + ' An EMG/N CV of both legs was requested. Rest helped in r educing the pain.');
    expect(text).toContain('An EMG/NCV of both legs');
    expect(text).not.toContain('inr');
  });

  it('joins two English pieces into a word these letters use often, though this letter does not use it whole', () => {
    const { text } = expectFaithful(broken + ' She returned to work with work restrict ions.');
    expect(text).toContain('work restrictions.');
  });

  it('leaves a letter that breaks no words alone', () => {
    const clean = 'The patient is a 51 year old clerk with a now stable knee and pit ting edema. The patient\'s pain is better.';
    expect(normalize(clean).text).toBe(clean);
  });

  it('rejoins a word hyphenated at a line end with a space before the hyphen, and "and- or"', () => {
    const { text } = expectFaithful('The request was non -\ncertified on 12 -22-2016.\nDiagnoses, and- or impressions, include strain.');
    expect(text).toContain('non-certified on 12-22-2016.');
    expect(text).toContain('Diagnoses, and-or impressions');
  });
});

describe('normalize: PDFium line-break hyphens', () => {
  it('reads U+FFFE inside a word as a hyphen at a line end: the word whole again, a compound with its hyphen', () => {
    const { text } = expectFaithful('Signs of radicul\uFFFEopathy were noted; the review non\uFFFEcertified the request.\uFFFE');
    expect(text).toBe('Signs of radiculopathy were noted; the review non-certified the request.');
  });
});
