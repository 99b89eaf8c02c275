import { describe, expect, it } from 'vitest';
import { extractGuidelines } from '../../src/core/extract/citations.js';
import type { Message } from '../../src/core/types.js';

function read(ca: string, mx: string) {
  const text = `Claims Administrator guideline: ${ca}\nMAXIMUS guideline: ${mx}\nDecision rationale: Reasons follow.\n`;
  const messages: Message[] = [];
  const body = extractGuidelines(text, { start: 0, end: text.length }, messages);
  const party = (p: string) => body.guidelines.find((g) => g.citedBy === p)!;
  return { text, body, messages, ca: party('claims_administrator'), mx: party('reviewer') };
}

describe('guideline paragraphs', () => {
  it('reads MTUS citations with year and sections, several joined by ", and"', () => {
    const { mx } = read(
      'Decision based on MTUS Knee Complaints 2004.',
      'Decision based on MTUS Low Back Complaints 2004, Section(s): Physical Methods, Summary, and Chronic Pain Medical Treatment 2016, Section(s): Opioids, specific drug list.',
    );
    expect(mx.families).toEqual(['MTUS']);
    expect(mx.citations.map((c) => [c.guideline, c.edition, c.sections])).toEqual([
      ['Low Back Complaints', '2004', 'Physical Methods, Summary'],
      ['Chronic Pain Medical Treatment Guidelines', '2016', 'Opioids, specific drug list'],
    ]);
  });

  it('does not split an Opioid Treatment section that mentions chronic pain', () => {
    const { mx } = read(
      'Decision based on MTUS Opioid Treatment 2016.',
      'Decision based on MTUS Opioid Treatment 2016, Section(s): 3.3 Opioids for Chronic Pain and Chronic Opioid Treatment: Monitoring.',
    );
    expect(mx.citations).toHaveLength(1);
    expect(mx.citations[0]).toMatchObject({ guideline: 'Opioid Treatment Guidelines', sections: '3.3 Opioids for Chronic Pain and Chronic Opioid Treatment: Monitoring' });
  });

  it('reads ODG chapters after the outside-the-MTUS stock sentence', () => {
    const { ca } = read(
      'The Claims Administrator based their decision on recommendation(s) outside of the MTUS Guidelines. Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Knee & Leg, Continuous passive motion.',
      'Decision based on MTUS Knee Complaints 2004.',
    );
    expect(ca.outsideMtus).toBe(true);
    expect(ca.families).toEqual(['ODG']);
    expect(ca.citations[0]).toMatchObject({ family: 'ODG', guideline: 'Official Disability Guidelines: Knee and Leg' });
  });

  it('gives no sources for "did not cite any medical evidence"', () => {
    const { ca, mx } = read('The Claims Administrator did not cite any medical evidence for its decision.', 'The Expert Reviewer did not cite any medical evidence for its decision.');
    expect([ca.noEvidence, ca.families, mx.noEvidence, mx.families]).toEqual([true, [], true, []]);
  });

  it('tells ACOEM outside the MTUS, ODG and other sources apart in one citation', () => {
    const { mx } = read(
      'Decision based on MTUS Shoulder Complaints 2004.',
      'Decision based on MTUS Shoulder Complaints 2004, Section(s): Summary. Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Shoulder, Arthroscopy and Other Medical Treatment Guidelines Rockwood and Green\'s Fractures in Adults, 8th ed.',
    );
    expect(mx.families).toEqual(['MTUS', 'ODG', 'Other']);
    const acoem = read('Decision based on Non-MTUS Citation ACOEM Occupational Medicine Practice Guidelines, 3rd ed., Hip and Groin Disorders, pg. 112.', 'Decision based on MTUS General Approaches 2004.');
    expect(acoem.ca.citations[0]).toMatchObject({ family: 'ACOEM', edition: '3rd', pages: '112' });
    const both = read('Decision based on Non-MTUS Citation ACOEM guidelines and the Official Disability Guidelines.', 'Decision based on MTUS General Approaches 2004.');
    expect(both.ca.families).toEqual(['ACOEM', 'ODG']);
  });

  it('keeps ACOEM chapters adopted into the MTUS as MTUS', () => {
    const { ca } = read('Decision based on MTUS ACOEM Chapter 12 Low Back Complaints, Chapter 8 Neck and Upper Back Complaints.', 'Decision based on MTUS Acupuncture Treatment Guidelines.');
    expect(ca.families).toEqual(['MTUS']);
    expect(ca.citations.map((c) => [c.chapter, c.guideline])).toEqual([
      ['12', 'Low Back Complaints'],
      ['8', 'Neck and Upper Back Complaints'],
    ]);
  });

  it('reads older page citations', () => {
    const { mx } = read('Decision based on MTUS Chronic Pain Medical Treatment 2009.', 'Decision based on MTUS Chronic Pain Treatment Guidelines Biofeedback Page(s): 24-25.');
    expect(mx.citations[0]).toMatchObject({ guideline: 'Chronic Pain Medical Treatment Guidelines', pages: '24-25', sections: 'Biofeedback' });
  });

  it('reads the rationale and warns when a party\'s paragraph is missing', () => {
    const text = 'MAXIMUS guideline: Decision based on MTUS Knee Complaints 2004.\nDecision rationale: The request is appropriate.\n';
    const messages: Message[] = [];
    const body = extractGuidelines(text, { start: 0, end: text.length }, messages);
    expect(body.rationale?.value).toBe('The request is appropriate.');
    expect(messages.map((m) => m.ruleId)).toEqual(['item-missing-guideline']);
  });

  it('reads damaged labels by their likeness, with a warning each, and keeps the rationale out of the guideline paragraph', () => {
    const text = 'Claims Administrator guideline: Decision based on MTUS Knee Complaints 2004.\nMAXIMUS guidline: Decision based on MTUS Knee Complaints 2004.\nDecision rationle: The request is appropriate.\n';
    const messages: Message[] = [];
    const body = extractGuidelines(text, { start: 0, end: text.length }, messages);
    expect(body.rationale?.value).toBe('The request is appropriate.');
    expect(body.guidelines.map((g) => [g.citedBy, g.families])).toEqual([['claims_administrator', ['MTUS']], ['reviewer', ['MTUS']]]);
    expect(messages.map((m) => m.ruleId)).toEqual(['label-damaged', 'label-damaged']);
  });
});

describe('ODG citations keep their topic and printed edition year', () => {
  it('gives the topic after the chapter and its qualifiers as sections', () => {
    const { mx } = read(
      'Decision based on MTUS Knee Complaints 2004.',
      'Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Shoulder (Acute & Chronic) Chapter, Cold compression therapy.',
    );
    expect(mx.citations[0]).toMatchObject({ family: 'ODG', chapter: 'Shoulder', sections: 'Cold compression therapy', edition: '' });
  });

  it('reads a topic in brackets, one before the chapter, and the year printed with the name', () => {
    const one = read('Decision based on MTUS Knee Complaints 2004.', 'Decision based on Non-MTUS Citation ODG, 2015, Low Back - Lumbar & Thoracic (Acute & Chronic), Lumbar supports.').mx.citations[0];
    expect(one).toMatchObject({ chapter: 'Low Back', sections: 'Lumbar supports', edition: '2015' });
    const two = read('Decision based on MTUS Knee Complaints 2004.', 'Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Knee & Leg (Bone scans).').mx.citations[0];
    expect(two).toMatchObject({ chapter: 'Knee and Leg', sections: 'Bone scans' });
    const three = read('Decision based on MTUS Knee Complaints 2004.', 'Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Arthroscopy Knee.').mx.citations[0];
    expect(three).toMatchObject({ chapter: 'Knee and Leg', sections: 'Arthroscopy' });
  });

  it('does not take an update date for the edition, nor a second chapter for a topic', () => {
    const c = read('Decision based on MTUS Knee Complaints 2004.', 'Decision based on Non-MTUS Citation Official Disability Guidelines, Neck and Upper Back (updated 11/18/16); Low Back.').mx.citations[0];
    expect(c).toMatchObject({ chapter: 'Neck and Upper Back', sections: '', edition: '' });
  });
});
