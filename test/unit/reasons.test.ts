import { describe, expect, it } from 'vitest';
import { extractReasons, REASON_CODES, roleOf, sentenceRoles, type ItemOutcome, type ReasonCode } from '../../src/core/extract/reasons.js';

// Every rationale here is written for these tests; none is taken from a letter.

type Other = { itemText: string; outcome: ItemOutcome };

const codes = (text: string, outcome: ItemOutcome, item: string, others: Other[] = []): ReasonCode[] =>
  extractReasons(text, { start: 0, end: text.length }, outcome, item, others).map((r) => r.code);

/** A rationale that only quotes or paraphrases the guideline: no cue may fire (no outcome, so no fallback either). */
const quotedOnly = (text: string, item: string, others: Other[] = []): ReasonCode[] => codes(text, null, item, others);

describe('the vocabulary', () => {
  it('lists the contract codes in the contract order', () => {
    expect(REASON_CODES).toEqual([
      'not_recommended',
      'indications_not_documented',
      'prior_care_not_tried',
      'no_functional_benefit',
      'monitoring_not_documented',
      'exceeds_limits',
      'request_unclear',
      'duplicative',
      'depends_on_denied_request',
      'criteria_met',
      'functional_benefit_documented',
      'other',
    ]);
  });
});

describe('each code: an application gives it, a guideline quotation alone does not', () => {
  it('not_recommended', () => {
    const item = 'Whole body vibration therapy, 10 sessions';
    expect(codes('Per the ODG, whole body vibration therapy is not recommended. Therefore the request is not medically necessary.', 'upheld', item)).toEqual(['not_recommended']);
    expect(codes('Given that the guidelines do not support magnetic therapy, the request is not supported.', 'upheld', 'Magnetic therapy')).toContain('not_recommended');
    // A rejection with an exception left open is a criterion to check, not a flat rejection.
    expect(quotedOnly('The MTUS states that spinal cord stimulators are not recommended except for failed back surgery syndrome.', 'Spinal cord stimulator trial')).toEqual([]);
    // A flat rejection of some other treatment says nothing of this one.
    expect(quotedOnly('The ODG notes that surface electromyography is not recommended.', 'Needle EMG of both legs')).toEqual([]);
  });

  it('indications_not_documented', () => {
    expect(codes('In this case, the examination shows no focal neurological deficit and no red flags.', 'upheld', 'MRI of the lumbar spine')).toEqual(['indications_not_documented']);
    expect(codes('There is no indication that the claimant is intolerant of oral analgesics.', 'upheld', 'Ketoprofen cream')).toEqual(['indications_not_documented']);
    expect(quotedOnly('ACOEM recommends lumbar MRI when red flags or progressive neurological deficits are present.', 'MRI of the lumbar spine')).toEqual([]);
  });

  it('prior_care_not_tried', () => {
    expect(codes('The records do not show that the worker tried and failed a course of physical therapy or NSAIDs.', 'upheld', 'Lumbar epidural steroid injection')).toEqual(['prior_care_not_tried']);
    expect(quotedOnly('The ODG supports injections after failure of conservative treatment such as exercise and medication.', 'Lumbar epidural steroid injection')).toEqual([]);
  });

  it('no_functional_benefit', () => {
    expect(codes('The claimant has finished twelve visits, yet the notes describe no objective functional improvement from them.', 'upheld', 'Chiropractic care, 6 visits')).toEqual(['no_functional_benefit']);
    expect(quotedOnly('The MTUS allows further visits only with documentation of functional improvement.', 'Chiropractic care, 6 visits')).toEqual([]);
  });

  it('monitoring_not_documented', () => {
    expect(codes('The chart holds no recent urine drug screen and no signed opioid agreement.', 'upheld', 'Oxycodone 10mg #90')).toEqual(['monitoring_not_documented']);
    expect(quotedOnly('Guidelines recommend urine drug testing and a pain contract for patients on long-term opioids.', 'Oxycodone 10mg #90')).toEqual([]);
    // When the request is the monitoring test itself, its absence is not a missing safeguard.
    expect(codes('There is no indication for another urine drug screen at this time.', 'upheld', 'Urine drug screen')).not.toContain('monitoring_not_documented');
  });

  it('exceeds_limits', () => {
    expect(codes('The sixteen visits requested exceed the ten visits allowed for this diagnosis.', 'upheld', 'Physical therapy x16')).toEqual(['exceeds_limits']);
    expect(quotedOnly('The ODG notes that when the number of visits exceeds the guideline, exceptional factors should be documented.', 'Physical therapy x16')).toEqual([]);
  });

  it('request_unclear', () => {
    expect(codes('The request does not specify the frequency or the body part to be treated.', 'upheld', 'Massage therapy')).toEqual(['request_unclear']);
    expect(codes('There is no clear rationale for ordering this device.', 'upheld', 'Cold therapy unit')).toEqual(['request_unclear']);
    expect(quotedOnly('Guidelines advise that each request should state the dose and the frequency.', 'Massage therapy')).toEqual([]);
  });

  it('duplicative', () => {
    expect(codes('The worker had a lumbar MRI on 3/4/2016 and nothing has changed since; a repeat study is not warranted.', 'upheld', 'MRI of the lumbar spine')).toEqual(['duplicative']);
    expect(codes('Authorising these visits again would be redundant.', 'upheld', 'Physical therapy evaluation')).toEqual(['duplicative']);
    expect(quotedOnly('The ODG does not routinely recommend a repeat MRI unless there is a significant change in symptoms.', 'MRI of the lumbar spine')).toEqual([]);
  });

  it('depends_on_denied_request, or other when the partner is not in the letter', () => {
    const text = 'As the requested surgery is not medically necessary, the postoperative therapy is not necessary either.';
    const item = 'Postoperative physical therapy, 12 sessions';
    expect(codes(text, 'upheld', item, [{ itemText: 'Right shoulder arthroscopy with rotator cuff repair', outcome: 'upheld' }])).toEqual(['depends_on_denied_request']);
    expect(codes(text, 'upheld', item, [])).toEqual(['other']);
    // Worded the other way round, and for a drug given with another.
    expect(codes('Because the fusion has not been certified, the assistant surgeon is not necessary.', 'upheld', 'Assistant surgeon', [{ itemText: 'L4-5 fusion', outcome: 'upheld' }])).toEqual(['depends_on_denied_request']);
    expect(codes('Since the naproxen is not medically necessary, the stomach protection is not needed.', 'upheld', 'Omeprazole 20mg #30', [{ itemText: 'Naproxen 550mg #60', outcome: 'upheld' }])).toEqual(['depends_on_denied_request']);
    // The surgery was found necessary: the dependency is not a denied one.
    expect(codes(text, 'upheld', item, [{ itemText: 'Right shoulder arthroscopy', outcome: 'overturned' }])).not.toContain('depends_on_denied_request');
    expect(quotedOnly('Postoperative therapy is recommended for up to 24 visits after shoulder surgery.', item, [{ itemText: 'Right shoulder arthroscopy', outcome: 'upheld' }])).toEqual([]);
  });

  it('criteria_met', () => {
    expect(codes('In this case, the worker has failed conservative treatment and has a documented foot drop, which meets the criteria.', 'overturned', 'L5-S1 microdiscectomy')).toEqual(['criteria_met']);
    expect(quotedOnly('Surgery is recommended when the criteria are met, including failed conservative care.', 'L5-S1 microdiscectomy')).toEqual([]);
  });

  it('functional_benefit_documented', () => {
    expect(codes('The notes show she reported benefit from the previous sessions, walking farther and sleeping better.', 'overturned', 'Acupuncture, 6 sessions')).toEqual(['functional_benefit_documented']);
    expect(quotedOnly('Additional sessions are supported only with documented functional improvement.', 'Acupuncture, 6 sessions')).toEqual([]);
  });

  it('other', () => {
    expect(codes('An initial trial was already authorized as six visits; more visits are contingent upon the response to that trial.', 'upheld', 'Physical therapy, 6 more visits')).toEqual(['other']);
    expect(codes('The provider documented that the plan is to taper and stop this medication.', 'upheld', 'Cyclobenzaprine 10mg #30')).toEqual(['other']);
    expect(quotedOnly('Guidelines state that further visits are recommended only after the response to an initial trial is known.', 'Physical therapy, 6 more visits')).toEqual([]);
  });
});

describe('sentence roles', () => {
  it('tells guideline statements, findings, conclusions and the tapering notice apart', () => {
    expect(roleOf('The ODG states that a TENS trial may be considered as an adjunct to a home exercise program.')).toBe('guideline');
    expect(roleOf('According to the MTUS, opioids should be prescribed at the lowest effective dose.')).toBe('guideline');
    expect(roleOf('Muscle relaxants are recommended for short courses only.')).toBe('guideline');
    expect(roleOf('In this case, the provider did not document a home exercise program.')).toBe('case');
    expect(roleOf('There is no documentation of a prior trial.')).toBe('case');
    expect(roleOf('The patient reported that the brace gave no relief.')).toBe('case');
    expect(roleOf('Therefore, the request is not medically necessary.')).toBe('conclusion');
    expect(roleOf('This decision addresses the medical necessity of opioids as they have been prescribed to this patient.')).toBe('boilerplate');
  });

  it('reads a lead naming the request as a lead, not as a finding', () => {
    expect(roleOf('Regarding the request for a knee brace, the ACOEM guidelines recommend bracing for instability.')).toBe('guideline');
  });

  it('keeps the sentences of a quotation in the guideline', () => {
    const text = 'The MTUS states, "Imaging is indicated for red flags. Imaging is not needed otherwise." The worker has no red flags.';
    const roles = sentenceRoles(text, { start: 0, end: text.length }).map((s) => s.role);
    expect(roles).toEqual(['guideline', 'guideline', 'case']);
  });

  it('gives a piece after a semicolon that applies the rule a role of its own', () => {
    const text = 'The ODG allows six visits for this sprain; the twelve visits requested exceed that.';
    expect(sentenceRoles(text, { start: 0, end: text.length }).map((s) => s.role)).toEqual(['guideline', 'case']);
    expect(codes(text, 'upheld', 'Physical therapy x12')).toEqual(['exceeds_limits']);
  });

  it('joins a sentence cut in two by a page break', () => {
    const text = 'The guidelines state that visits should\n\nnot exceed ten. The request is for twelve.';
    const sents = sentenceRoles(text, { start: 0, end: text.length });
    expect(sents).toHaveLength(2);
    expect(sents[0]!.role).toBe('guideline');
  });
});

describe('scope: absence, conditions, clauses and the outcome', () => {
  it('needs an absence trigger for a missing finding, and reads an affirmed one as no reason', () => {
    expect(codes('The examination shows red flags and a progressive deficit.', null, 'MRI of the lumbar spine')).toEqual([]);
    expect(codes('Red flags were not documented on the examination.', null, 'MRI of the lumbar spine')).toEqual(['indications_not_documented']);
  });

  it('does not read a condition as a finding', () => {
    expect(codes('If there is no functional improvement after six visits, the therapy should stop.', null, 'Physical therapy')).toEqual([]);
  });

  it('prefers the specific ground over a generic missing document in the same clause', () => {
    expect(codes('There is no documentation of failed conservative care.', 'upheld', 'MRI of the knee')).toEqual(['prior_care_not_tried']);
    expect(codes('There is no documentation of the date of the injury.', 'upheld', 'MRI of the knee')).toEqual(['indications_not_documented']);
  });

  it('reads an explanation missing for going over the count as exceeds_limits only', () => {
    expect(codes('There is no explanation why the worker needs visits in excess of the guideline.', 'upheld', 'Physical therapy x12')).toEqual(['exceeds_limits']);
  });

  it('keeps the codes of the outcome side', () => {
    const text = 'In this case, there is no documented functional improvement, but the worker has failed conservative care and meets the criteria.';
    expect(codes(text, 'overturned', 'Epidural steroid injection')).toEqual(['criteria_met']);
    // Failed conservative care is affirmed here: for an upheld item it is no prior_care_not_tried.
    expect(codes(text, 'upheld', 'Epidural steroid injection')).toEqual(['no_functional_benefit']);
  });

  it('guesses no ground for an upheld item whose rationale states none; an overturned one meets the criteria', () => {
    expect(codes('The request is not medically necessary.', 'upheld', 'Knee brace')).toEqual([]);
    expect(codes('The request is medically necessary.', 'overturned', 'Knee brace')).toEqual(['criteria_met']);
  });

  it('gives no reason for an empty rationale', () => {
    expect(extractReasons('   ', { start: 0, end: 3 }, 'upheld', 'Knee brace', [])).toEqual([]);
  });
});

describe('conditions on the item', () => {
  it('reads a flat rejection as applying to the item when its subject names the item, by word, drug class or alias', () => {
    expect(codes('Topical muscle relaxants are not recommended.', 'upheld', 'Cyclobenzaprine 5% cream 60g')).toContain('not_recommended');
    expect(codes('ODG: extracorporeal shock wave therapy is not recommended for the shoulder.', 'upheld', 'ESWT x3, left shoulder')).toContain('not_recommended');
    expect(quotedOnly('Topical muscle relaxants are not recommended.', 'Naproxen 550mg #60')).toEqual([]);
  });

  it('reads long use as exceeding the limit only for a drug the guidelines limit to a short course', () => {
    const text = 'The worker has taken this medication since 2015.';
    expect(codes(text, 'upheld', 'Cyclobenzaprine 10mg #60')).toEqual(['exceeds_limits']);
    expect(codes(text, 'upheld', 'Naproxen 550mg #60')).not.toContain('exceeds_limits');
  });

  it('reads a missing benefit only for a treatment that can have been used before', () => {
    const text = 'There is no documentation of functional improvement.';
    expect(codes(text, 'upheld', 'Acupuncture x6')).toEqual(['no_functional_benefit']);
    expect(codes(text, 'upheld', 'MRI of the right knee')).not.toContain('no_functional_benefit');
  });

  it('counts a test already done only when it is of the requested kind', () => {
    const text = 'The worker had an MRI of the knee on 5/1/2016 that showed a small effusion.';
    expect(codes(text, 'upheld', 'MRI of the right knee')).toContain('duplicative');
    expect(codes(text, 'upheld', 'X-ray of the right knee')).not.toContain('duplicative');
  });

  it('reads intolerance named by the finding itself as no missing indication', () => {
    expect(codes('The worker is unable to swallow tablets after the jaw fracture.', null, 'Ketoprofen cream')).toEqual([]);
    expect(codes('There is no evidence that the worker is unable to swallow tablets.', null, 'Ketoprofen cream')).toEqual(['indications_not_documented']);
  });
});

describe('the reasons returned', () => {
  it('come in the contract order, each once, with whole-word spans inside the rationale', () => {
    const before = 'HEADER TEXT. ';
    const rationale =
      'ODG recommends an initial trial of six visits. There is no documentation of objective functional improvement with the earlier visits. ' +
      'The twelve visits requested exceed the guideline. There is no documentation of functional improvement from the home program either.';
    const text = before + rationale + ' NEXT ITEM.';
    const span = { start: before.length, end: before.length + rationale.length };
    const reasons = extractReasons(text, span, 'upheld', 'Physical therapy x12', []);
    expect(reasons.map((r) => r.code)).toEqual(['no_functional_benefit', 'exceeds_limits']);
    for (const r of reasons) {
      expect(r.span.start).toBeGreaterThanOrEqual(span.start);
      expect(r.span.end).toBeLessThanOrEqual(span.end);
      expect(text[r.span.start - 1]).toMatch(/[^A-Za-z0-9]/);
      expect(text[r.span.end] ?? ' ').toMatch(/[^A-Za-z0-9]/);
    }
    const nfb = reasons[0]!;
    expect(text.slice(nfb.span.start, nfb.span.end)).toContain('functional improvement');
    // The span of the first cue for the code, not of the later one.
    expect(nfb.span.end).toBeLessThan(text.indexOf('The twelve'));
  });
});
