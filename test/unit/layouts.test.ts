/**
 * Layout detection: every layout of FORMATS.md is recognised by its headings,
 * damaged headings are still found (with a warning), an IMR letter of no
 * known layout becomes an `unknown` case, and other documents are refused.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractLetter } from '../../src/core/pipeline.js';
import { decode } from '../../src/io/decode.js';

const corpus = (path: string) => {
  const d = decode(readFileSync(new URL(`../../corpus/${path}`, import.meta.url)));
  if (!d.ok) throw new Error(path);
  return d.text;
};
const read = (text: string) => extractLetter('letter.txt', text);

describe('layout detection', () => {
  it.each([
    ['issues-2015/poppler-two-items.txt', 'issues-2015'],
    ['issues-2015/pypdf-partial-auth.txt', 'issues-2015'],
    ['rationale-2014/poppler-two-items-pain.txt', 'rationale-2014'],
    ['rationale-2014/crlf-single-item-overturned.txt', 'rationale-2014'],
    ['notice-2013/glued-three-items.txt', 'notice-2013'],
    ['notice-2013/cp1252-two-items-overturned.txt', 'notice-2013'],
    ['professional-review/two-items-basic.txt', 'professional-review'],
    ['professional-review/paged-running-header.txt', 'professional-review'],
    ['unknown-layout/outcome-table-letter.txt', 'unknown'],
  ])('%s is %s', (path, template) => {
    const r = read(corpus(path));
    expect(r.ok && r.record.template).toBe(template);
  });

  const letter = corpus('issues-2015/poppler-six-items-wrapped-headers.txt');
  const clean = read(letter);
  const damaged: [string, (t: string) => string][] = [
    ['a broken word', (t) => t.replace('IMR ISSUES, DECISIONS AND RATIONALES', 'IMR ISSUES, DECI SIONS AND RATIO NALES')],
    ['a missing letter', (t) => t.replace('CLINICAL CASE SUMMARY', 'CLINICAL CASE SUMARY').replace('IMR ISSUES, DECISIONS AND RATIONALES', 'IMR ISSUES, DECISIONS AND RATIONALE')],
    ['a wrong letter', (t) => t.replace('IMR ISSUES, DECISIONS AND RATIONALES', 'IMR ISSUES, DECISI0NS AND RATI0NALES')],
    ['extra spaces', (t) => t.replace('HOW THE IMR FINAL DETERMINATION WAS MADE', 'HOW  THE  IMR  FINAL  DETERMINATION  WAS  MADE')],
    ['a case change', (t) => t.replace('IMR ISSUES, DECISIONS AND RATIONALES', 'Imr Issues, Decisions and Rationales').replace('CLINICAL CASE SUMMARY', 'clinical case summary')],
    // The decisive heading intact, so the layout is found exactly: the others are still looked for damaged.
    ['only the summary heading, a letter lost', (t) => t.replace('CLINICAL CASE SUMMARY', 'CLINICAL CASE SUMARY')],
    ['only the reviewer heading, a wrong letter', (t) => t.replace('HOW THE IMR FINAL DETERMINATION WAS MADE', 'HOW THE IMR FINAL DETERMINATLON WAS MADE')],
  ];
  it.each(damaged)('finds damaged headings: %s', (_, damage) => {
    const text = damage(letter);
    expect(text).not.toBe(letter);
    const r = read(text);
    if (!r.ok || !clean.ok) throw new Error('no case');
    expect(r.record.template).toBe('issues-2015');
    expect(r.record.items.map((i) => [i.item_text.value, i.outcome?.value])).toEqual(clean.record.items.map((i) => [i.item_text.value, i.outcome?.value]));
    expect(r.record.patient_age?.value).toBe(clean.record.patient_age?.value);
    expect(r.record.sections.map((x) => x.name)).toEqual(clean.record.sections.map((x) => x.name));
    expect(r.record.reviewer_specialty.map((x) => x.value)).toEqual(clean.record.reviewer_specialty.map((x) => x.value));
    expect(r.record.diagnoses.map((x) => x.value)).toEqual(clean.record.diagnoses.map((x) => x.value));
  });

  it.each([
    ['IMR ISSUES, DECISIONS AND RATIONALES', 'IMR ISSUES, DECISI0NS AND RATI0NALES'],
    ['CLINICAL CASE SUMMARY', 'CLINICAL CASE SUMARY'],
  ])('says when a heading was read despite damage: %s', (heading, damaged) => {
    const r = read(letter.replace(heading, damaged));
    expect(r.ok && r.record.warnings.map((w) => w.rule_id)).toContain('heading-damaged');
    expect(r.ok && r.record.warnings.map((w) => w.rule_id)).not.toContain('section-missing');
  });

  it('reads an IMR letter of no known layout as `unknown`, with a warning and the fields it can find', () => {
    const r = read(corpus('unknown-layout/plain-correspondence.txt'));
    if (!r.ok) throw new Error(r.message);
    expect(r.record.template).toBe('unknown');
    expect(r.record.warnings.map((w) => w.rule_id)).toContain('layout-unknown');
    expect(r.record.items.map((i) => i.outcome?.value)).toEqual(['overturned', 'upheld']);
  });

  it('reads the case summary of a letter of no known layout from the paragraphs that introduce the worker, not from the reviewer or the items', () => {
    const letter = [
      'MAXIMUS Federal Services',
      'Independent Medical Review',
      '',
      'REVIEWER',
      'The expert reviewer is Board Certified in Physical Medicine and Rehabilitation and in Orthopedic Surgery.',
      '',
      'CLINICAL HISTORY',
      'The worker is a 52 year old female baker who hurt her right wrist on 03/04/2014 lifting a tray.',
      'She has had a wrist splint and naproxen.',
      '',
      'She still reports wrist pain.',
      '',
      'SERVICES AND OUTCOMES',
      'Electrodiagnostic testing of the right arm                Upheld',
      '',
      'Electrodiagnostic testing of the right arm. The reviewer used the MTUS. Surgery is not planned. Outcome: Upheld.',
      '',
    ].join('\n');
    const r = read(letter);
    if (!r.ok) throw new Error(r.message);
    expect(r.record.template).toBe('unknown');
    expect(r.record.prior_treatments.map((t) => t.value).sort()).toEqual(['bracing/orthotics', 'nsaids']);
    expect(r.record.body_regions.map((t) => t.value)).toEqual(['forearm/wrist/hand']);
  });

  it('refuses documents that are not IMR letters', () => {
    const urLetter = `Utilization Review Determination\n\nDear Dr. Alvarez,\n\nYour request for authorization of eight sessions of physical therapy for the\nlumbar spine has been reviewed by our physician advisor and is certified as\nrequested. Please schedule the sessions within sixty days.\n\nSincerely,\nUtilization Review Department\n`;
    const news = `Storm closes coastal highway\n\nHeavy rain overnight washed out a section of the highway north of the\nharbor, and crews expect repairs to take a week. Commuters are advised to\nuse the inland route until further notice.\n`;
    for (const text of [urLetter, news]) expect(read(text)).toMatchObject({ ok: false, code: 'not_an_imr_letter' });
  });

  it('calls a letter with IMR wording but no decided item truncated', () => {
    expect(read(corpus('errors/truncated-header-only.txt'))).toMatchObject({ ok: false, code: 'no_decisions' });
  });
});

describe('an item whose rationale gives no ground the rules can read is flagged', () => {
  const letter = corpus('issues-2015/poppler-two-items.txt');
  const first = letter.indexOf('Decision rationale: ') + 'Decision rationale: '.length;
  const end = letter.indexOf('EMG/NCV of the bilateral');

  it('says which item, and keeps its reasons empty, when no ground is read', () => {
    const vague = 'The file was reviewed in full and the\nMRI of the lumbar spine is not medically necessary.\n';
    const r = read(letter.slice(0, first) + vague + letter.slice(end));
    if (!r.ok) throw new Error(r.code);
    const [mri, emg] = r.record.items;
    expect(mri!.reasons).toEqual([]);
    expect(emg!.reasons.length).toBeGreaterThan(0);
    const flagged = r.record.warnings.filter((w) => w.rule_id === 'item-no-reason');
    expect(flagged.map((w) => w.reason)).toEqual(['item 1: no ground of the reasons vocabulary could be read in its rationale: reasons is empty']);
    expect([flagged[0]!.start, flagged[0]!.end]).toEqual([mri!.rationale!.start, mri!.rationale!.end]);
    expect(r.record.items_complete).toBe(true);
  });

  it('says nothing when each rationale gives a ground', () => {
    const r = read(letter);
    if (!r.ok) throw new Error(r.code);
    expect(r.record.items.every((i) => i.reasons.length > 0)).toBe(true);
    expect(r.record.warning_rules).not.toContain('item-no-reason');
  });
});

describe('layout variants: every item the letter shows is read or flagged', () => {
  const record = (path: string) => {
    const r = read(corpus(path));
    if (!r.ok) throw new Error(r.message);
    return r.record;
  };
  const summary = (path: string) => {
    const r = record(path);
    // The items' reading is what these test: a rationale whose ground the reasons rules miss is another matter (reasons.test.ts).
    return { outcomes: r.items.map((i) => i.outcome?.value), complete: r.items_complete, warnings: r.warning_rules.filter((w) => w !== 'item-no-reason') };
  };

  it('reads plural decision sentences and ones wrapped between "and" and "appropriate" (2014)', () => {
    expect(summary('rationale-2014/plural-and-wrapped.txt')).toEqual({ outcomes: ['upheld', 'upheld', 'overturned'], complete: true, warnings: [] });
  });

  it('reads the items after a skipped number, and says an item may be missing', () => {
    expect(summary('rationale-2014/skipped-number.txt')).toEqual({ outcomes: ['overturned', 'upheld', 'upheld'], complete: false, warnings: ['item-number-gap'] });
  });

  it('reads both items of a repeated number, and says so', () => {
    const r = summary('rationale-2014/repeated-number.txt');
    expect(r).toEqual({ outcomes: ['overturned', 'upheld', 'upheld', 'overturned'], complete: true, warnings: ['item-number-repeated'] });
  });

  it('reads professional-review issues stated as "X: Upheld" lines, numbers off the item text', () => {
    const r = record('professional-review/outcome-lines.txt');
    expect(r.items.map((i) => [i.item_text.value.slice(0, 5), i.outcome?.value])).toEqual([['Right', 'overturned'], ['Soma ', 'upheld'], ['Inter', 'upheld']]);
    expect(r.items_complete).toBe(true);
  });

  it('reads professional-review issues stated as "X is (not) medically necessary" sentences, plural too', () => {
    expect(summary('professional-review/necessity-sentences.txt')).toEqual({ outcomes: ['upheld', 'overturned', 'upheld'], complete: true, warnings: [] });
  });

  it('counts an item mark read by its likeness, so an item whose label is damaged is neither lost nor called missing', () => {
    const text = corpus('issues-2015/poppler-six-items-wrapped-headers.txt');
    const at = text.indexOf('Claims Administrator guideline:');
    const r = read(text.slice(0, at) + 'Claims Adminstrator guideline:' + text.slice(at + 'Claims Administrator guideline:'.length));
    const clean = read(text);
    if (!r.ok || !clean.ok) throw new Error('no case');
    expect(r.record.items.map((i) => [i.outcome?.value, i.claims_admin_sources])).toEqual(clean.record.items.map((i) => [i.outcome?.value, i.claims_admin_sources]));
    expect([r.record.items_complete, r.record.warning_rules.filter((w) => w !== 'item-no-reason')]).toEqual([true, ['label-damaged']]);
  });

  it('says an item is missing when its outcome stands alone under its header and the labels after it are damaged', () => {
    const text = corpus('issues-2015/poppler-six-items-wrapped-headers.txt');
    const at = text.search(/:\n(?:Upheld|Overturned)\nClaims Administrator guideline:/);
    expect(at).toBeGreaterThan(0);
    const damaged = text.slice(0, at) + text.slice(at).replace('Claims Administrator guideline:', 'Claims Adminstrator guideline:').replace('MAXIMUS guideline:', 'MAXIMUS guidline:');
    const r = read(damaged);
    if (!r.ok) throw new Error(r.code);
    expect(r.record.n_items).toBe(5);
    expect(r.record.items_complete).toBe(false);
    expect(r.record.warning_rules).toContain('outcome-outside-items');
  });

  it('recovers a damaged outcome word ("0verturned") and says so', () => {
    expect(summary('issues-2015/damaged-outcome.txt')).toEqual({ outcomes: ['upheld', 'overturned', 'upheld'], complete: true, warnings: ['outcome-recovered'] });
  });
});
