import { describe, expect, it } from 'vitest';
import { readIssueItems } from '../../src/core/extract/decisions.js';
import { buildItems } from '../../src/core/extract/items.js';
import type { Message } from '../../src/core/types.js';

function items(text: string) {
  const messages: Message[] = [];
  const list = buildItems(text, readIssueItems(text, { start: 0, end: text.length }), messages);
  return list.map((i) => ({
    no: i.itemNo,
    text: i.itemText.value,
    outcome: i.outcome?.value ?? null,
    original: i.originalRequest?.value ?? null,
    authorized: i.authorizedPortion?.value ?? null,
  }));
}

const INTRO = 'The Final Determination was based on decisions for the disputed items/services set forth below:\n';
const BODY = (ca: string, mx: string, why: string) =>
  `Claims Administrator guideline: Decision based on ${ca}.\nMAXIMUS guideline: Decision based on ${mx}.\nDecision rationale: ${why}\n`;

describe('items of an issues-2015 letter', () => {
  it('reads one block per item with its outcome', () => {
    const text =
      INTRO +
      '\nTramadol ER 150mg #30: Upheld\n\n' +
      BODY('MTUS Opioid Treatment 2016', 'MTUS Opioid Treatment 2016', 'No functional gain was shown. The request is not medically necessary.') +
      '\nSix sessions of aquatic therapy for the lumbar spine: Overturned\n\n' +
      BODY('MTUS Chronic Pain Medical Treatment 2016', 'MTUS Chronic Pain Medical Treatment 2016', 'Land therapy failed. The request is medically necessary.');
    expect(items(text)).toEqual([
      { no: 1, text: 'Tramadol ER 150mg #30', outcome: 'upheld', original: null, authorized: null },
      { no: 2, text: 'Six sessions of aquatic therapy for the lumbar spine', outcome: 'overturned', original: null, authorized: null },
    ]);
  });

  it('reads a header that wraps and starts straight after the previous rationale', () => {
    const text =
      INTRO +
      'Knee brace purchase: Upheld\n' +
      BODY('MTUS Knee Complaints 2004', 'MTUS Knee Complaints 2004', 'There is no instability on\nexamination, so the brace is not medically necessary.') +
      'Associated surgical service: post-operative cold therapy unit rental for fourteen days for\nthe right shoulder: Overturned\n' +
      BODY('MTUS Shoulder Complaints 2004', 'MTUS Shoulder Complaints 2004', 'Short term use after surgery is supported.');
    expect(items(text).map((i) => [i.text, i.outcome])).toEqual([
      ['Knee brace purchase', 'upheld'],
      ['Associated surgical service: post-operative cold therapy unit rental for fourteen days for the right shoulder', 'overturned'],
    ]);
  });

  it('keeps the whole rationale when the next header is run onto its last line', () => {
    // Renderers that run lines together (pypdf 3.x) put the next header after the rationale's last sentence, on its line.
    const text =
      INTRO +
      'Knee brace purchase: Upheld\n' +
      BODY('MTUS Knee Complaints 2004', 'MTUS Knee Complaints 2004', 'Guidelines support a brace for instability \nwhen it is shown on examination. There is none here, \nso the brace is not medically necessary.  Aquatic therapy, eight visits: Overturned') +
      BODY('MTUS Chronic Pain Medical Treatment 2016', 'MTUS Chronic Pain Medical Treatment 2016', 'Land therapy failed.');
    const messages: Message[] = [];
    const list = buildItems(text, readIssueItems(text, { start: 0, end: text.length }), messages);
    expect(list.map((i) => [i.itemText.value, i.outcome?.value])).toEqual([
      ['Knee brace purchase', 'upheld'],
      ['Aquatic therapy, eight visits', 'overturned'],
    ]);
    expect(list[0]!.rationale?.value).toBe('Guidelines support a brace for instability when it is shown on examination. There is none here, so the brace is not medically necessary.');
  });

  it('reads the outcome word alone on the line after the header', () => {
    const text = INTRO + '\nMedrol dose pack #21 is:\nOverturned\n\n' + BODY('MTUS Chronic Pain Medical Treatment 2016', 'MTUS Chronic Pain Medical Treatment 2016', 'Indicated for a flare.');
    expect(items(text)).toMatchObject([{ text: 'Medrol dose pack #21 is', outcome: 'overturned' }]);
  });

  it('splits the "remaining IMR eligible portion" wording of a partial authorisation, wrapped', () => {
    const text =
      INTRO +
      'The last request is not supported.\n' +
      'Ten sessions of chiropractic care was the original request. Four sessions of chiropractic\n' +
      'care was authorized by the Claims Administrator. The remaining IMR eligible portion of the\n' +
      'original request, Six sessions of chiropractic care is: Upheld\n' +
      BODY('MTUS Chronic Pain Medical Treatment 2016', 'MTUS Chronic Pain Medical Treatment 2016', 'No improvement was documented.');
    expect(items(text)).toEqual([
      { no: 1, text: 'Six sessions of chiropractic care', outcome: 'upheld', original: 'Ten sessions of chiropractic care', authorized: 'Four sessions of chiropractic care' },
    ]);
  });

  it('says when a partial authorisation cannot be split, a word of its wording damaged', () => {
    const text =
      INTRO +
      'Ten sessions of chiropractic care was the original request. Four sessions of chiropractic\n' +
      'care was authorized by the Claims Administrator. The remaning IMR eligible portion of the\n' +
      'original request, Six sessions of chiropractic care is: Upheld\n' +
      BODY('MTUS Chronic Pain Medical Treatment 2016', 'MTUS Chronic Pain Medical Treatment 2016', 'No improvement was documented.');
    const messages: Message[] = [];
    const [item] = buildItems(text, readIssueItems(text, { start: 0, end: text.length }), messages);
    expect(item!.originalRequest).toBeNull();
    expect(item!.itemText.value).toMatch(/^Ten sessions .* Six sessions of chiropractic care is$/);
    expect(messages.map((m) => m.ruleId)).toEqual(['item-request-unparsed']);
  });

  it('says when an item has no rationale', () => {
    const text = INTRO + 'Knee brace is: Upheld\nClaims Administrator guideline: Decision based on MTUS Knee Complaints 2004.\nMAXIMUS guideline: Decision based on MTUS Knee Complaints 2004.\n';
    const messages: Message[] = [];
    const [item] = buildItems(text, readIssueItems(text, { start: 0, end: text.length }), messages);
    expect(item!.rationale).toBeNull();
    expect(messages.map((m) => m.ruleId)).toEqual(['item-no-rationale']);
  });

  it('splits the "leaving the original request IMR eligible" wording', () => {
    const text =
      INTRO +
      '\nHome health aide (hours unspecified) was the original request. The Claims\nAdministrator authorized a nursing evaluation, leaving the original request\nIMR eligible. The original request, Home health aide (hours unspecified) is:\nUpheld\n\n' +
      BODY('MTUS Chronic Pain Medical Treatment 2016', 'MTUS Chronic Pain Medical Treatment 2016', 'Not homebound.');
    expect(items(text)).toEqual([
      { no: 1, text: 'Home health aide (hours unspecified)', outcome: 'upheld', original: 'Home health aide (hours unspecified)', authorized: 'a nursing evaluation' },
    ]);
  });

  it('keeps reading a partial-authorisation header across a page break', () => {
    const text =
      INTRO +
      'Acupuncture 12 sessions was the original request. Acupuncture 6 sessions was authorized\n\n\n' +
      'by the Claims Administrator. The remaining IMR eligible portion of the original request,\n' +
      'Acupuncture 6 sessions is: Upheld\n' +
      BODY('MTUS Acupuncture Treatment 2007', 'MTUS Acupuncture Treatment 2007', 'No gains were shown.');
    expect(items(text)).toMatchObject([{ text: 'Acupuncture 6 sessions', original: 'Acupuncture 12 sessions', authorized: 'Acupuncture 6 sessions' }]);
  });

  it('does not read "Upheld" in a rationale or guideline line as an item', () => {
    const text = INTRO + '\nLumbar MRI: Upheld\n\n' + BODY('MTUS Low Back Complaints 2004', 'MTUS Low Back Complaints 2004', 'The prior denial was upheld.\nTherefore the decision is: Upheld');
    expect(items(text)).toMatchObject([{ text: 'Lumbar MRI', outcome: 'upheld' }]);
  });

  it('gives the item text span in the text', () => {
    const text = INTRO + '\nPurchase of a TENS unit: Overturned\n\n' + BODY('MTUS Chronic Pain Medical Treatment 2016', 'MTUS Chronic Pain Medical Treatment 2016', 'A trial helped.');
    const [item] = buildItems(text, readIssueItems(text, { start: 0, end: text.length }), []);
    expect(text.slice(item!.itemText.span.start, item!.itemText.span.end)).toBe('Purchase of a TENS unit');
    expect(text.slice(item!.outcome!.span.start, item!.outcome!.span.end)).toBe('Overturned');
  });
});

describe('damaged outcome words', () => {
  const letter = (word: string) =>
    INTRO +
    '\nHome exercise kit: Upheld\n\n' +
    BODY('MTUS Chronic Pain Medical Treatment 2016', 'MTUS Chronic Pain Medical Treatment 2016', 'No program was described.') +
    `\nSix acupuncture visits for the neck: ${word}\n\n` +
    BODY('MTUS Acupuncture Treatment 2007', 'MTUS Acupuncture Treatment 2007', 'A first trial is supported.') +
    '\nCervical pillow: Upheld\n\n' +
    BODY('ODG Neck and Upper Back', 'ODG Neck and Upper Back', 'Not recommended.');
  const read = (word: string) => {
    const messages: Message[] = [];
    const text = letter(word);
    return { items: buildItems(text, readIssueItems(text, { start: 0, end: text.length }), messages), rules: messages.map((m) => m.ruleId) };
  };

  it.each([
    ['Overtur ned', 'overturned'],
    ['0verturned', 'overturned'],
    ['Overtumed', 'overturned'],
    ['Uph eld', 'upheld'],
    ['Upheid', 'upheld'],
  ])('recovers "%s" as %s, and says so', (word, value) => {
    const { items, rules } = read(word);
    expect(items.map((i) => i.outcome?.value)).toEqual(['upheld', value, 'upheld']);
    expect(rules).toContain('outcome-recovered');
  });

  it('keeps an item whose outcome word cannot be read, with an empty outcome and a warning', () => {
    const { items, rules } = read('Uqxwzd');
    expect(items.map((i) => [i.itemText.value, i.outcome?.value ?? null])).toEqual([
      ['Home exercise kit', 'upheld'],
      ['Six acupuncture visits for the neck', null],
      ['Cervical pillow', 'upheld'],
    ]);
    expect(rules).toContain('item-no-outcome');
  });

  it('reads exact words without a warning', () => {
    expect(read('Overturned').rules).not.toContain('outcome-recovered');
  });
});
