import { describe, expect, it } from 'vitest';
import { extractReviewer, extractReviewerProse } from '../../src/core/extract/reviewer.js';
import type { Message } from '../../src/core/types.js';

function read(text: string) {
  const messages: Message[] = [];
  const r = extractReviewer(text, { start: 0, end: text.length }, messages);
  return { states: r.licensure.map((f) => f.value), specialties: r.specialty.map((f) => f.value), messages, r };
}

const block = (states: string, specialty: string) =>
  `The Expert Reviewer has the following credentials:\nState(s) of Licensure: ${states}\nCertification(s)/Specialty: ${specialty}\n`;

describe('reviewer credentials', () => {
  it('maps state names to sorted USPS codes whatever the spacing', () => {
    expect(read(block('Texas,New York,California', 'Family Practice')).states).toEqual(['CA', 'NY', 'TX']);
    expect(read(block('Iowa, Montana, California', 'Family Practice')).states).toEqual(['CA', 'IA', 'MT']);
    expect(read(block('West Virginia,Virginia', 'Family Practice')).states).toEqual(['VA', 'WV']);
    expect(read(block('North Carolina, South Carolina', 'Family Practice')).states).toEqual(['NC', 'SC']);
  });

  it('forgives a typo in a state name and says so only for unknown ones', () => {
    expect(read(block('Pennsylvannia', 'Surgery')).states).toEqual(['PA']);
    const r = read(block('Atlantis, Ohio', 'Surgery'));
    expect(r.states).toEqual(['OH']);
    expect(r.messages.map((m) => m.ruleId)).toContain('reviewer-unknown-state');
  });

  it('normalises specialties to the DWC list in letter order', () => {
    expect(read(block('Ohio', 'Preventive Medicine, Occupational Medicine')).specialties).toEqual(['Preventive Medicine', 'Occupational Medicine']);
    expect(read(block('Ohio', 'Physical Medicine and Rehabilitation, Pain Medicine')).specialties).toEqual(['Physical Medicine & Rehabilitation', 'Pain Management']);
    expect(read(block('Ohio', 'Chiropractor')).specialties).toEqual(['Chiropractic']);
  });

  it('reads damaged labels by their likeness, with a warning each', () => {
    const r = read(block('Ohio, Texas', 'Family Practice').replace('State(s) of Licensure:', 'State(s) of Licensre:').replace('Certification(s)/Specialty:', 'Certification(s)/Speciality:'));
    expect([r.states, r.specialties]).toEqual([['OH', 'TX'], ['Family Practice']]);
    expect(r.messages.map((m) => m.ruleId)).toEqual(['label-damaged', 'label-damaged']);
  });

  it('reads labels that lost their colon', () => {
    const r = read(block('Ohio', 'Family Practice').replace('Licensure:', 'Licensure').replace('Specialty:', 'Specialty'));
    expect([r.states, r.specialties, r.messages]).toEqual([['OH'], ['Family Practice'], []]);
  });

  it('ends the states at a damaged specialty label on the same line', () => {
    const r = read('State(s) of Licensure: Ohio Certifcation(s)/Specialty: Family Practice\n');
    expect([r.states, r.specialties]).toEqual([['OH'], ['Family Practice']]);
  });

  it('says when neither label can be found', () => {
    const r = read('The Expert Reviewer has the following credentials:\nLicensed in Ohio; trained in family practice.\n');
    expect([r.states, r.specialties]).toEqual([[], []]);
    expect(r.messages.map((m) => m.ruleId)).toEqual(['reviewer-not-found']);
  });

  it('reads a specialty list that wraps onto the next line', () => {
    const text = block('Ohio', 'Preventive Medicine, Occupational Medicine, Public Health &\nGeneral Preventive Medicine');
    expect(read(text).specialties).toEqual(['Preventive Medicine', 'Occupational Medicine', 'Public Health & General Preventive Medicine']);
  });

  it('matches a specialty name that itself holds a comma', () => {
    expect(read(block('Ohio', 'Internal Medicine, Endocrinology, Diabetes & Metabolism')).specialties).toEqual(['Internal Medicine', 'Endocrinology, Diabetes & Metabolism']);
  });

  it('corrects a misspelt specialty with a warning, and keeps an unknown one as printed', () => {
    const typo = read(block('Ohio', 'Occupational Medecine'));
    expect(typo.specialties).toEqual(['Occupational Medicine']);
    expect(typo.messages[0]?.ruleId).toBe('reviewer-specialty-fuzzy');
    const unknown = read(block('Ohio', 'Underwater Basket Medicine'));
    expect(unknown.specialties).toEqual(['Underwater Basket Medicine']);
    expect(unknown.messages[0]?.ruleId).toBe('reviewer-unknown-specialty');
  });

  it('gives spans that slice the text to each state name', () => {
    const text = block('Arizona, California', 'Family Practice');
    const { r } = read(text);
    expect(r.licensure.map((f) => text.slice(f.span.start, f.span.end))).toEqual(['Arizona', 'California']);
  });

  it('finds nothing when the labels are absent', () => {
    expect(read('He/she has been in practice for more than five years.')).toMatchObject({ states: [], specialties: [] });
  });
});

describe('reviewer credentials in prose', () => {
  const prose = 'The physician who reviewed the file is Board Certified in Dermatology and is licensed to practice in Nevada and Utah. The reviewer has no ties to the parties.';
  const read = (text: string) => {
    const messages: Message[] = [];
    const r = extractReviewerProse(text, { start: 0, end: text.length }, messages);
    return { states: r.licensure.map((f) => f.value), specialties: r.specialty.map((f) => f.value), rules: messages.map((m) => m.ruleId), messages, r };
  };

  it('reads the states after the licensing words, saying nothing', () => {
    expect(read(prose)).toMatchObject({ states: ['NV', 'UT'], specialties: ['Dermatology'], rules: [] });
  });

  it('reads the states where a licensing word is damaged, with a warning on the words', () => {
    for (const damaged of [prose.replace('licensed', 'licenqed'), prose.replace('licensed', 'lice nsed'), prose.replace('practice', 'praqtice')]) {
      const r = read(damaged);
      expect(r).toMatchObject({ states: ['NV', 'UT'], rules: ['label-damaged'] });
      expect(damaged.slice(r.messages[0]!.span!.start, r.messages[0]!.span!.end)).toMatch(/^lic.*in $/);
      expect(r.r.licensure.map((f) => damaged.slice(f.span.start, f.span.end))).toEqual(['Nevada', 'Utah']);
    }
  });

  it('says so when the licensing words stand but no state after them can be read', () => {
    const r = read(prose.replace('Nevada and Utah', 'Nevqda'));
    expect(r).toMatchObject({ states: [], specialties: ['Dermatology'], rules: ['reviewer-unknown-state'] });
  });

  it('takes no English word for a damaged licensing word', () => {
    expect(read('The reviewer is Board Certified in Dermatology and once trained a licensee in Nevada.')).toMatchObject({ states: [], rules: [] });
  });
});
