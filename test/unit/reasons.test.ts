import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../../src/core/lexicon.js';
import {
  anchorOf,
  compilePattern,
  extractReasons,
  REASON_CODES,
  requiredLiterals,
  roleOf,
  sentenceRoles,
  type ItemOutcome,
  type ReasonCode,
  type WordClasses,
} from '../../src/core/extract/reasons.js';

// Every rationale here is written for these tests; none is taken from a letter.

type Other = { itemText: string; outcome: ItemOutcome };

const codes = (text: string, outcome: ItemOutcome, item: string, others: Other[] = []): ReasonCode[] =>
  extractReasons(text, { start: 0, end: text.length }, outcome, item, others).map((r) => r.code);

/** A rationale that only quotes or paraphrases the guideline: no cue may fire (no outcome, so no fallback either). */
const quotedOnly = (text: string, item: string, others: Other[] = []): ReasonCode[] => codes(text, null, item, others);

/** The corpus letters' texts. */
function corpusTexts(): string[] {
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const f of readdirSync(d)) {
      const path = join(d, f);
      if (statSync(path).isDirectory()) walk(path);
      else if (f.endsWith('.txt')) files.push(path);
    }
  };
  walk(fileURLToPath(new URL('../../corpus/', import.meta.url)));
  return files.map((f) => readFileSync(f, 'utf8'));
}

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

  it('reads a measure "recommended for" a kind of patient as the case\'s comparison, not a guideline statement', () => {
    expect(roleOf('Another test now would repeat one just done, and it goes past the yearly frequency recommended for a patient at low risk.')).toBe('case');
    expect(roleOf('Twelve sessions is more than the number recommended for this strain.')).toBe('case');
    expect(roleOf('Therapy is recommended for acute strains.')).toBe('guideline');
    expect(codes('Twelve sessions is more than the number recommended for this strain.', 'upheld', 'Physical therapy x12')).toEqual(['exceeds_limits']);
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

  it('keeps every item of a criteria list opened at the start of a sentence in the guideline, even items that speak of "the patient"', () => {
    const text = 'Candidates must meet each of the following: a baseline evaluation has been done; the patient is not a candidate for an operation; the patient shows motivation. The evaluation here shows motivation.';
    expect(sentenceRoles(text, { start: 0, end: text.length }).map((s) => s.role)).toEqual(['guideline', 'guideline', 'guideline', 'case']);
    expect(codes(text, 'upheld', 'Functional restoration program x 10 days')).toEqual([]);
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

describe('wordings by kind, not by letter', () => {
  // Each code in several wordings a reviewer may use; the cues stand for the kind of wording, not one phrasing.
  it('not_recommended', () => {
    expect(codes('The ODG recommends against traction for low back pain.', 'upheld', 'Lumbar traction unit')).toContain('not_recommended');
    expect(codes('Whole body vibration therapy is considered investigational.', 'upheld', 'Whole body vibration therapy')).toContain('not_recommended');
    expect(codes('Ketoprofen is not currently FDA approved for a topical application.', 'upheld', 'Ketoprofen 10% cream')).toContain('not_recommended');
    expect(codes('The guidelines make no recommendation for magnetic therapy of the wrist.', 'upheld', 'Magnetic therapy')).toContain('not_recommended');
    // Against some other treatment: nothing about this one.
    expect(quotedOnly('The ODG recommends against traction for low back pain.', 'Lumbar epidural steroid injection')).toEqual([]);
  });

  it('indications_not_documented', () => {
    expect(codes('The examination findings described do not support a lumbar radiculopathy.', 'upheld', 'EMG of the legs')).toEqual(['indications_not_documented']);
    expect(codes('There is no evidence of localized peripheral neuropathic pain.', 'upheld', 'Lidocaine 5% patch #30')).toEqual(['indications_not_documented']);
  });

  it('prior_care_not_tried, the trial and the care in either order', () => {
    const item = 'Lumbar epidural steroid injection';
    expect(codes('It is not clear that the worker has failed an adequate course of physical therapy.', 'upheld', item)).toEqual(['prior_care_not_tried']);
    expect(codes('The notes do not show that home exercises and anti-inflammatory medications were attempted.', 'upheld', item)).toEqual(['prior_care_not_tried']);
    expect(codes('There is no documentation that first-line agents such as tricyclics were tried.', 'upheld', 'Pregabalin 75mg #60')).toEqual(['prior_care_not_tried']);
    // Care that was tried and did not help is no missing trial, and no missing benefit of a surgery never done.
    expect(codes('The worker failed to improve with physical therapy and injections.', 'upheld', 'Right knee arthroscopy')).toEqual([]);
    expect(codes('Although the worker did not improve with physical therapy, there is no neurologic deficit.', 'upheld', 'MRI of the lumbar spine')).toEqual(['indications_not_documented']);
  });

  it('no_functional_benefit', () => {
    expect(codes('The claimant has had twelve treatments without evidence of functional gains.', 'upheld', 'Acupuncture x 8')).toEqual(['no_functional_benefit']);
    expect(codes('Pain scores with and without the medication were not provided.', 'upheld', 'Tramadol 50mg #90')).toEqual(['no_functional_benefit']);
  });

  it('monitoring_not_documented: a record silent on the safeguards, not a finding that all is well', () => {
    const item = 'Hydrocodone/APAP 10/325mg #90';
    expect(codes('There is no evidence that a CURES report was reviewed.', 'upheld', item)).toEqual(['monitoring_not_documented']);
    expect(codes('The records do not address side effects or aberrant behaviors.', 'upheld', item)).toEqual(['monitoring_not_documented']);
    expect(codes('The worker reports no side effects and there are no aberrant behaviors.', 'upheld', item)).toEqual([]);
  });

  it('exceeds_limits', () => {
    expect(codes('With the eighteen sessions already completed, the request would bring the total to thirty visits.', 'upheld', 'Physical therapy x 12')).toEqual(['exceeds_limits']);
    expect(codes('The number of sessions requested is greater than the guideline allows.', 'upheld', 'Acupuncture x 12')).toEqual(['exceeds_limits']);
    expect(codes('The total morphine equivalent dose is over 120 mg per day.', 'upheld', 'Oxycodone 30mg #180')).toEqual(['exceeds_limits']);
  });

  it('request_unclear', () => {
    expect(codes('There is a lack of documentation regarding a rationale for this device.', 'upheld', 'Cold therapy unit')).toEqual(['request_unclear']);
    expect(codes('The date of first use of this cream could not be determined.', 'upheld', 'Menthol 4% cream')).toEqual(['request_unclear']);
    expect(codes('The request is open-ended.', 'upheld', 'Massage therapy')).toEqual(['request_unclear']);
    // The findings not supplying a rationale is a missing indication.
    expect(codes('The exam findings do not provide a rationale for this study.', 'upheld', 'MRI of the knee')).toEqual(['indications_not_documented']);
  });

  it('duplicative', () => {
    expect(codes('These six visits have already been authorized.', 'upheld', 'Physical therapy x 6')).toEqual(['duplicative']);
    expect(codes('In this case, the concurrent use of two NSAIDs is not supported.', 'upheld', 'Ibuprofen 800mg #90')).toEqual(['duplicative']);
    // An initial trial already authorised is a partial authorisation, not a duplicate.
    expect(codes('The initial trial of six visits has already been authorized.', 'upheld', 'Physical therapy x 6')).not.toContain('duplicative');
  });

  it('other', () => {
    expect(codes('This medication should be weaned.', 'upheld', 'Hydrocodone/APAP 10/325mg #60')).toEqual(['other']);
    expect(codes('UR certified a smaller quantity to allow for tapering.', 'upheld', 'Alprazolam 1mg #60')).toEqual(['other']);
    expect(codes('Further visits would not be warranted pending the outcome of the initial trial.', 'upheld', 'Acupuncture x 6')).toEqual(['other']);
    expect(codes('The request exceeds the guideline by only two visits and is reasonable.', 'overturned', 'Physical therapy x 12')).toContain('other');
  });
});

describe('scope refinements', () => {
  it('closes a quotation nested in a quoted guideline without closing the guideline', () => {
    const text = 'The ODG states, "Patients should be reassessed after a "six-visit trial" before more visits." The worker has attended eight visits.';
    expect(sentenceRoles(text, { start: 0, end: text.length }).map((s) => s.role)).toEqual(['guideline', 'case']);
  });

  it('reads a sentence led by the guideline as the guideline, even with "there is no" inside', () => {
    expect(roleOf('The guidelines also state that there is no evidence for the use of magnets.')).toBe('guideline');
    expect(roleOf('Per the ODG, there is no indication for imaging without red flags.')).toBe('guideline');
    // A marker of this case still makes it a finding.
    expect(roleOf('Per the ODG, imaging needs red flags, which were not documented in this case.')).toBe('case');
  });

  it('reads "as per the guideline" as "per the guideline", after a connective or a topic named first too', () => {
    expect(roleOf('As per the ODG, there is no indication for imaging without red flags.')).toBe('guideline');
    expect(roleOf('As per the MTUS, findings on examination are enough to justify imaging.')).toBe('guideline');
    expect(roleOf('Further, as per the ACOEM guidelines, passive modalities have little proven value for acute neck pain.')).toBe('guideline');
    expect(roleOf('As regards chiropractic care, as per the ODG, a trial of six visits comes first.')).toBe('guideline');
    // A subordinate clause about the guideline still leaves the finding to the main clause.
    expect(roleOf('As the guidelines require, no red flags were documented.')).toBe('case');
    expect(roleOf('As per the MTUS, there is no documentation of functional gains in this case.')).toBe('case');
  });

  it('reads a guideline said to reject or support this request as applied to the case', () => {
    expect(roleOf('The guidelines support this request.')).toBe('case');
    expect(roleOf('The MTUS recommends this request.')).toBe('case');
    expect(roleOf('Further, the guidelines do not support this request.')).toBe('case');
    expect(roleOf('Moreover, the guidelines do not support a TENS unit for acute pain.')).toBe('guideline');
    // "request" as a verb is no request of this case.
    expect(roleOf('The ODG recommends the treating physician request an MRI only after red flags.')).toBe('guideline');
  });

  it('reads "failed to" as an absence only when the record fails to show something', () => {
    expect(codes('The records failed to document neurologic deficits.', 'upheld', 'MRI of the lumbar spine')).toEqual(['indications_not_documented']);
    expect(codes('The worker failed to respond to amitriptyline and has neuropathic pain.', 'upheld', 'MRI of the lumbar spine')).toEqual([]);
  });
});

describe('the pattern language', () => {
  const classes: WordClasses = { care: ['physical therapy', 'nsaids?'], tried: ['tried', 'fail(?:ed|ure)'] };

  it('writes out word classes and word gaps', () => {
    const re = compilePattern('@tried ~ @care', classes);
    expect(re.test('failed a trial of physical therapy')).toBe(true);
    re.lastIndex = 0;
    expect(re.test('tried NSAIDs')).toBe(true);
    re.lastIndex = 0;
    // More than three words between: no match.
    expect(re.test('tried it for a long time before NSAIDs')).toBe(false);
    expect(() => compilePattern('@unknown', classes)).toThrow(/unknown word class/);
  });

  it('tells the literals a match needs', () => {
    // "no" is too short to be worth a test.
    expect(requiredLiterals('no (?:clear )?rationale')).toEqual([[['rationale']]]);
    // Every set of a sequence: one of its words, and the word after.
    expect(requiredLiterals('(?:urine|drug) screens?')).toEqual([[['urine', 'drug'], ['screen']]]);
    expect(requiredLiterals('@tried ~ @care', classes)).toEqual([[['tried', 'fail'], ['physical', 'nsaid']]]);
    expect(requiredLiterals('(?:advise|urge)s? against')).toEqual([[['advise', 'urge'], ['against']]]);
    // Each alternative apart; a group that is a whole alternative is read as its own alternatives.
    expect(requiredLiterals('no rationale|(?:(?:lack of|without) (?:a )?plan)')).toEqual([[['rationale']], [['lack', 'without'], ['plan']]]);
    // An alternative that needs nothing that can be told: no test.
    expect(requiredLiterals('no rationale|\\d+ visits?')).toEqual([[['rationale']], [['visit']]]);
    expect(requiredLiterals('no rationale|\\d+')).toBeNull();
    expect(requiredLiterals('\\d+ (?:visits)?')).toBeNull();
    // A lookahead's words are not the match's own.
    expect(requiredLiterals('(?:x)?(?=\\s+rationale)')).toBeNull();
  });

  it('looks for a pattern that opens with a run of any words by a word it holds after the run', () => {
    const anchor = anchorOf('(?<partner>(?:the )?(?:[\\w/-]+ ){1,4}?)(?:is|are) not necessary(?:, so|;)')!;
    expect(anchor.source).toContain('necessary');
    expect(anchor.test('The knee brace is not necessary; the cream is not either.')).toBe(true);
    expect(anchor.test('The knee brace is not necessary.')).toBe(false);
    // Another alternative takes part whole.
    expect(anchorOf('no rationale|(?:[\\w-]+ ){0,3}?exceeds? the limit')!.test('no rationale is given')).toBe(true);
    // Nothing to gain: a pattern that opens with a word, with optional words only, or at the start; nothing to look for.
    expect(anchorOf('no (?:clear )?rationale')).toBeNull();
    expect(anchorOf('(?:the )?(?:prior|previous) mri')).toBeNull();
    expect(anchorOf('^(?:[\\w-]+ ){0,3}?guidelines')).toBeNull();
    expect(anchorOf('(?:[\\w-]+ ){1,3}?\\d+')).toBeNull();
  });

  it('finds every match of a pattern with an anchor by its anchor: the anchor matches within the match (the lexicon over the corpus letters)', () => {
    const lexicon = loadLexicon<{ classes: WordClasses; cues: { patterns: string[] }[]; roles: Record<string, string[]>; absence: Record<string, unknown>; hypothetical: string[] }>('reasons.json');
    const patterns = [
      ...lexicon.cues.flatMap((cue) => cue.patterns),
      ...Object.values(lexicon.roles).flat(),
      ...Object.values(lexicon.absence).filter((v): v is string[] => Array.isArray(v)).flat(),
      ...lexicon.hypothetical,
    ];
    let anchored = 0;
    let matched = 0;
    for (const pattern of patterns) {
      const anchor = anchorOf(pattern, lexicon.classes);
      if (!anchor) continue;
      anchored++;
      const re = compilePattern(pattern, lexicon.classes);
      const from = new RegExp(anchor.source, 'gi');
      for (const text of corpusTexts()) {
        for (const m of text.matchAll(re)) {
          matched++;
          from.lastIndex = m.index;
          const a = from.exec(text);
          expect(a !== null && a.index <= m.index + m[0].length, `${pattern}: "${m[0]}"`).toBe(true);
        }
      }
    }
    expect(anchored).toBeGreaterThan(20);
    expect(matched).toBeGreaterThan(100);
  });

  it('never leaves out a cue that matches: every match holds what one of its alternatives needs (the lexicon over the corpus letters)', () => {
    const lexicon = loadLexicon<{ classes: WordClasses; cues: { id: string; patterns: string[] }[] }>('reasons.json');
    const texts = corpusTexts();
    let matched = 0;
    for (const cue of lexicon.cues) {
      const source = cue.patterns.map((p) => `(?:${p})`).join('|');
      const literals = requiredLiterals(source, lexicon.classes);
      if (!literals) continue;
      const re = compilePattern(source, lexicon.classes);
      for (const text of texts) {
        for (const m of text.matchAll(re)) {
          matched++;
          const found = m[0].toLowerCase();
          expect(literals.some((sets) => sets.every((set) => set.some((w) => found.includes(w)))), `${cue.id}: "${m[0]}"`).toBe(true);
        }
      }
    }
    expect(matched).toBeGreaterThan(100);
  });
});

describe('kinds of wording that generalise beyond the tuning letters', () => {
  it('reads a guideline named inside a finding as part of the finding, not as its source', () => {
    expect(roleOf('The amount asked for is far above what the guidelines support.')).toBe('case');
    expect(roleOf('A three-week rental is twice the period the guidelines support.')).toBe('case');
    expect(roleOf('Ten visits outstrips the six-visit trial the guidelines recommend.')).toBe('case');
    expect(roleOf('The ODG guidelines state that six visits are allowed.')).toBe('guideline');
  });

  it('reads a denied finding as the case, not as literature wording', () => {
    expect(roleOf('No psychiatric symptoms have been reported for this worker.')).toBe('case');
    expect(roleOf('Several cases of hepatotoxicity have been reported.')).toBe('guideline');
  });

  it('reads a verdict on the literature as the guideline, not as a finding of the case', () => {
    expect(roleOf('There is little evidence it is more effective than placebo.')).toBe('guideline');
    expect(roleOf('There is no quality evidence of effectiveness.')).toBe('guideline');
    expect(roleOf('There is insufficient evidence for its efficacy in chronic pain.')).toBe('guideline');
    expect(codes('There is no good evidence of efficacy for magnetic insoles.', 'upheld', 'Magnetic insoles')).toEqual([]);
    expect(roleOf('There is no evidence of benefit from the sessions already completed.')).toBe('case');
    expect(codes('There is no evidence of benefit from the sessions already completed.', 'upheld', 'Acupuncture x6')).toEqual(['no_functional_benefit']);
  });

  it('reads a test named as what a rationale or necessity is for as the request, not as a finding missing', () => {
    expect(codes('The physician offers no justification for electrodiagnostic studies at this stage.', 'upheld', 'EMG/NCV of both legs')).toEqual(['request_unclear']);
    expect(codes('The records hold no electrodiagnostic studies that confirm a radiculopathy.', 'upheld', 'Lumbar epidural injection')).toEqual(['indications_not_documented']);
  });

  it('reads a partner found not necessary, or a conclusion in other words, as a conclusion', () => {
    expect(roleOf('As the hip replacement has not been found medically necessary, a walker is not needed.')).toBe('conclusion');
    expect(roleOf('Post-operative bracing therefore cannot be supported.')).toBe('conclusion');
  });

  it('reads absence in more wordings: nowhere, omits, left blank, unaddressed, negative for', () => {
    expect(codes('Joint line tenderness is nowhere documented.', 'upheld', 'Knee arthroscopy')).toEqual(['indications_not_documented']);
    expect(codes('The order omits the dosing frequency.', 'upheld', 'Ondansetron 8mg')).toEqual(['request_unclear']);
    expect(codes('The number of visits was left blank on the form.', 'upheld', 'Physical therapy')).toEqual(['request_unclear']);
    expect(codes('The inconsistent drug screen result has gone unaddressed.', 'upheld', 'Hydrocodone 10/325 #90')).toEqual(['monitoring_not_documented']);
    expect(codes('The MRI is negative for a meniscal tear.', 'upheld', 'Knee arthroscopy')).toEqual(['indications_not_documented']);
  });

  it('compares the counts: visits done or asked for over the number the guideline allows', () => {
    const item = 'Physical therapy x10';
    expect(codes('The ODG allows up to eight visits for this strain. The worker has completed fourteen visits.', 'upheld', item)).toEqual(['exceeds_limits']);
    expect(codes('Guidelines cap therapy at 12 visits, and 20 have been completed.', 'upheld', item)).toEqual(['exceeds_limits']);
    expect(codes('Guidelines support a trial of 6 visits. She has had twenty-two visits so far.', 'upheld', 'Chiropractic x6')).toEqual(['exceeds_limits']);
    // Within the count: no ground from the numbers.
    expect(codes('The ODG allows up to 10 sessions. Four sessions have been completed, and six more are requested.', 'upheld', item)).toEqual([]);
  });

  it('compares other counts a guideline limits: morphine equivalents, spinal levels, a duration', () => {
    const opioid = 'Oxycodone 15mg #120';
    expect(codes('The daily dose should not exceed 120 mg oral morphine equivalents. With the long-acting opioid the total comes to 210 MED.', 'upheld', opioid)).toEqual(['exceeds_limits']);
    expect(codes('The daily dose should not exceed 120 mg oral morphine equivalents. The patient currently takes 60 MED.', 'upheld', opioid)).toEqual([]);
    const blocks = 'Lumbar medial branch blocks';
    expect(codes('Blocks are supported at no more than two levels per session. In this case three levels are requested.', 'upheld', blocks)).toEqual(['exceeds_limits']);
    expect(codes('Blocks are supported at no more than two levels per session. In this case two levels are requested.', 'upheld', blocks)).toEqual([]);
    expect(codes('Blocks are supported at no more than one to two levels. Two levels are requested.', 'upheld', blocks)).toEqual([]);
    const tens = 'TENS unit rental';
    expect(codes('The MTUS supports a one-month trial of the device. The provider requested the unit for 3 months of rental.', 'upheld', tens)).toEqual(['exceeds_limits']);
    expect(codes('The MTUS supports a one-month trial of the device. The provider requested the unit for 30 days.', 'upheld', tens)).toEqual([]);
    // A duration of other care is no count of the item's.
    expect(codes('MTUS supports a one-month trial of the device. The patient has been taking tramadol for 6 months. The unit is requested.', 'upheld', tens)).toEqual([]);
    // A duration in a sentence about the case is not a limit, and a time since the injury is no use of the treatment.
    expect(codes('The worker has had pain for 6 months. She was injured 2 years ago.', 'upheld', 'Physical therapy')).toEqual([]);
  });

  it('reads a duration asked for over the guideline\'s ceiling, and no duration of symptoms or threshold as a limit', () => {
    const item = 'Work hardening program, 120 hours';
    expect(codes('Guidelines advise that the program should not be continued for longer than 2 weeks without demonstrated gains. Three weeks of full-day sessions are requested at once.', 'upheld', item)).toEqual(['exceeds_limits']);
    expect(codes('Guidelines advise that the program should not be continued for longer than 2 weeks without demonstrated gains. Ten days of full-day sessions are requested.', 'upheld', item)).toEqual([]);
    // A period symptoms have lasted is no limit, nor a threshold a guideline sets for a test.
    expect(codes("The patient's back pain has persisted beyond the 6-week period, but there are no red flags.", 'upheld', 'MRI lumbar spine')).not.toContain('exceeds_limits');
    expect(codes('Guidelines support imaging for radicular symptoms lasting longer than 6 weeks. He has been taking ibuprofen for 3 months.', 'upheld', 'MRI lumbar spine')).not.toContain('exceeds_limits');
  });

  it('reads the patient placed in what the guideline excludes as not_recommended', () => {
    const item = 'Cervical facet injections C5-6, C6-7';
    expect(codes('The arm symptoms with a positive Spurling sign are exactly what the ODG excludes from facet injection.', 'upheld', item)).toEqual(['not_recommended']);
    expect(codes('The presence of radiating arm pain rules out diagnostic facet blocks under the guideline criteria.', 'upheld', item)).toEqual(['not_recommended']);
    // A guideline's exclusion stated as a rule applies it to nobody.
    expect(codes('The ODG excludes patients with radicular pain from facet injection.', 'upheld', item)).not.toContain('not_recommended');
  });

  it('reads a benefit stated positively for an overturned item', () => {
    const item = 'Physical therapy x6';
    expect(codes('Shoulder flexion improved from 90 to 150 degrees over the first visits. The request is medically necessary.', 'overturned', item)).toEqual(['functional_benefit_documented']);
    expect(codes('He rates his pain 8/10 without and 4/10 with the medication. The request is medically necessary.', 'overturned', 'Tramadol 50mg #60')).toEqual(['functional_benefit_documented']);
    expect(codes('She has resumed her usual work since the injections. The request is medically necessary.', 'overturned', 'Acupuncture x6')).toEqual(['functional_benefit_documented']);
    // A goal is not an achievement.
    expect(codes('He hopes to return to work. The request is medically necessary.', 'overturned', 'Functional restoration program')).toEqual(['criteria_met']);
  });

  it('reads a companion request stated denied in other words, or outside this review', () => {
    const knee = [{ itemText: 'Left knee arthroscopy', outcome: 'upheld' as const }];
    expect(codes('A walker would only be needed after the knee arthroscopy, which was not certified.', 'upheld', 'Front-wheeled walker', knee)).toEqual(['depends_on_denied_request']);
    expect(codes('With the surgery non-certified, a cold therapy unit has no role.', 'upheld', 'Cold therapy unit', [{ itemText: 'Lumbar laminectomy', outcome: 'upheld' }])).toEqual(['depends_on_denied_request']);
    expect(codes('The concurrent request for meloxicam has been found not medically necessary in this review, leaving nothing to protect against.', 'upheld', 'Famotidine 20mg', [{ itemText: 'Meloxicam 15mg #30', outcome: 'upheld' }])).toEqual(['depends_on_denied_request']);
    expect(codes('The NSAID it accompanies is not part of this review.', 'upheld', 'Famotidine 20mg')).toEqual(['other']);
  });
});

describe('kinds of wording from the fifth written round', () => {
  it('keeps a trigger\'s scope across a parenthetical "however, that"', () => {
    expect(codes('The chart holds no note, however, that nortriptyline or duloxetine was tried before this.', 'upheld', 'Lidocaine 5% patch #30')).toEqual(['prior_care_not_tried']);
    expect(codes('No weakness is noted; however, the MRI shows a large herniation.', 'upheld', 'Lumbar discectomy')).toEqual(['indications_not_documented']);
  });

  it('reads care not given, started before any trial, or falling short as prior care not tried', () => {
    expect(codes('A course of acetaminophen has not been tried.', 'upheld', 'Oxycodone 5mg #60')).toEqual(['prior_care_not_tried']);
    expect(codes('The opioid was prescribed before any trial of an anti-inflammatory.', 'upheld', 'Tramadol 50mg #60')).toEqual(['prior_care_not_tried']);
    expect(codes('The non-operative care given so far falls short of the three months asked for.', 'upheld', 'Carpal tunnel release')).toEqual(['prior_care_not_tried']);
    expect(codes('The worker has not yet had any manual therapy, which would favor a first course.', 'upheld', 'Chiropractic care x6')).toEqual([]);
  });

  it('reads the same scores and an unchanged work status as no functional benefit', () => {
    expect(codes('The visit notes record the same pain scores before and after the sessions.', 'upheld', 'Acupuncture x6')).toEqual(['no_functional_benefit']);
    expect(codes('Her work status is still unchanged.', 'upheld', 'Acupuncture x6')).toEqual(['no_functional_benefit']);
  });

  it('reads a stated intention to taper, or a taper begun, as a plan to stop', () => {
    expect(codes('The prescriber records an intention to taper the lorazepam over a month.', 'upheld', 'Lorazepam 1mg #60')).toEqual(['other']);
    expect(codes('The physician has begun a slow taper.', 'overturned', 'Morphine ER 15mg #60')).toEqual(['other']);
  });

  it('does not read a denied duplication as duplicative, and reads similar means as duplicative', () => {
    expect(codes('Pregabalin would not duplicate the anti-inflammatory she takes.', 'upheld', 'Pregabalin 75mg #60')).toEqual([]);
    expect(codes('Cupping would work on the same tissues by similar means as the approved massage.', 'upheld', 'Cupping therapy x4')).toEqual(['duplicative']);
  });

  it('reads an excluded group applied to the patient as not recommended', () => {
    expect(codes('His kidney disease places him in the group for whom the drug must not be used.', 'upheld', 'Naproxen 500mg #60')).toEqual(['not_recommended']);
    expect(codes('Her leg pain is the radicular presentation that the guideline excludes.', 'upheld', 'Facet injection L4-5')).toEqual(['not_recommended']);
    expect(codes('The ODG finds the device not effective for chronic neck pain, which is this patient\'s diagnosis.', 'upheld', 'Cervical traction unit')).toEqual(['not_recommended']);
    expect(codes('The visits sought amount to maintenance care.', 'upheld', 'Chiropractic care x8')).toEqual(['not_recommended']);
  });

  it('reads a rejection after a leading "for this condition" against the request', () => {
    expect(codes('In this condition the procedure is still investigational.', 'upheld', 'Stem cell injection, knee')).toEqual(['not_recommended']);
  });

  it('reads more long-use and supply wordings as beyond the limits', () => {
    expect(codes('She has taken it for at least nine months.', 'upheld', 'Carisoprodol 350mg #60')).toEqual(['exceeds_limits']);
    expect(codes('Sixty tablets is far beyond the small supply a short course needs.', 'upheld', 'Oxycodone 5mg #60')).toEqual(['exceeds_limits']);
  });

  it('reads a prescription not known to be new or continued, or for how long it has been taken, as unclear', () => {
    expect(codes('The notes do not say whether the meloxicam is a new prescription or a continuation.', 'upheld', 'Meloxicam 15mg #30')).toEqual(['request_unclear']);
    expect(codes('It is not documented how long the patient has been taking it.', 'upheld', 'Meloxicam 15mg #30')).toEqual(['request_unclear']);
  });

  it('reads no literature support for a use as a rejection, not as missing documentation', () => {
    expect(codes('There is no evidence supporting baclofen as a topical agent.', 'upheld', 'Baclofen 2% cream')).toEqual(['not_recommended']);
  });

  it('reads a sentence about the latest report as the case', () => {
    expect(roleOf('The most recent report says further visits are needed to hold her present level.')).toBe('case');
    expect(roleOf('Further visits are needed to hold a present level.')).toBe('guideline');
  });

  it('reads literature on long-term effectiveness as the guideline\'s, untried diets and programs as prior care, measured gains as benefit, and tapering as the plan', () => {
    expect(roleOf('There is no good evidence of long-term effectiveness for chronic back pain.')).toBe('guideline');
    expect(codes('There is no record of any prior attempt at weight loss through calorie restriction.', 'upheld', 'Weight loss program')).toEqual(['prior_care_not_tried']);
    expect(codes('The worker has not yet started a strengthening program.', 'upheld', 'Shoulder MRI')).toEqual(['prior_care_not_tried']);
    expect(codes('The sessions improved her standing tolerance from 10 to 30 minutes.', 'overturned', 'Acupuncture x6')).toEqual(['functional_benefit_documented']);
    expect(codes('The prescriber is tapering the oxycodone by 10% a month.', 'overturned', 'Oxycodone 10mg #90')).toEqual(['other']);
  });

  it('does not read a weekly frequency as a guideline\'s total of visits', () => {
    expect(codes('The MTUS allows up to 3 visits per week, fading to one or less. The worker has attended 6 visits so far.', 'upheld', 'Physical therapy x4')).toEqual([]);
    expect(codes('The MTUS allows up to 10 visits. The worker has attended 16 visits so far.', 'upheld', 'Physical therapy x4')).toEqual(['exceeds_limits']);
  });

  it('reads a passive "has not been obtained" as an absence', () => {
    expect(codes('Liver enzymes have not been obtained since the drug was started.', 'upheld', 'Tizanidine 4mg #60')).toEqual(['monitoring_not_documented']);
  });
});

describe('a condition the guideline rejects the treatment for, found in this patient', () => {
  const item = 'Nerve conduction study, both arms';

  it('reads the condition stated of the patient in another sentence as not recommended', () => {
    const rejection = 'The ODG holds that nerve conduction studies are not recommended for patients with a clear cervical radiculopathy.';
    expect(codes(`${rejection} The examination shows a cervical radiculopathy at C6 on the right.`, 'upheld', item)).toEqual(['not_recommended']);
    expect(codes('Electrodiagnosis is not needed when the radiculopathy is already clinically evident. In this worker the radiculopathy is plain from the examination.', 'upheld', 'EMG of the left leg')).toEqual(['not_recommended']);
    expect(codes('The MTUS states that a muscle stimulator is not advised as a stand-alone treatment. The plan describes the unit as her sole treatment at home.', 'upheld', 'Muscle stimulator unit purchase')).toEqual(['not_recommended']);
    expect(codes('The MTUS notes that it has not been studied for use on the neck, back or hip. The gel is ordered for his low back.', 'upheld', 'Diclofenac 1% gel 100 g')).toEqual(['not_recommended']);
    expect(codes('For a facet block, radicular pain must not be present. Her radicular pain reaches the foot.', 'upheld', 'Lumbar facet block L4-5')).toEqual(['not_recommended']);
  });

  it('reads care kept to a "non-" condition as rejected for the condition, and leg pain that radiates as radicular', () => {
    const item = 'Lumbar facet block L4-5, L5-S1';
    expect(codes('Facet blocks are limited to patients with back pain that is non-radicular. An EMG confirms an L5 radiculopathy.', 'upheld', item)).toEqual(['not_recommended']);
    expect(codes('The guideline reserves facet blocks for patients with nonradicular pain. She has radicular pain in both legs.', 'upheld', item)).toEqual(['not_recommended']);
    expect(codes('The criteria for facet blocks include non-radicular pain and facet tenderness. His sciatica is worse than his back pain.', 'upheld', item)).toEqual(['not_recommended']);
    expect(codes('Facet blocks are not supported in patients with radicular symptoms. She describes pain radiating down the right leg to the foot.', 'upheld', item)).toEqual(['not_recommended']);
    // The opposite stated of the patient, and care limited to a "non-" treatment, reject nothing.
    expect(codes('Facet blocks are limited to patients with back pain that is non-radicular. There is no radicular pain.', 'upheld', item)).not.toContain('not_recommended');
    expect(codes('Facet blocks are limited to patients with non-operative back pain. He had an operative repair of a hernia in 2010.', 'upheld', item)).not.toContain('not_recommended');
  });

  it('gives the span of the case\'s words', () => {
    const text = 'The MTUS states that a muscle stimulator is not advised as a stand-alone treatment. The plan describes the unit as her sole treatment at home.';
    const [reason] = extractReasons(text, { start: 0, end: text.length }, 'upheld', 'Muscle stimulator unit purchase', []);
    expect(text.slice(reason!.span.start, reason!.span.end)).toBe('sole');
  });

  it('reads nothing when the patient is said not to have the condition, or only may have it', () => {
    const rejection = 'Nerve conduction studies are not recommended for patients with a clear cervical radiculopathy.';
    expect(codes(`${rejection} There is no cervical radiculopathy on the examination.`, 'upheld', item)).not.toContain('not_recommended');
    expect(codes(`${rejection} If a cervical radiculopathy were found, the study would add nothing.`, 'upheld', item)).toEqual([]);
  });

  it('reads nothing for a condition of counts, durations, exceptions or its absence', () => {
    expect(codes('The ODG holds that benzodiazepines are not recommended for patients with anxiety lasting beyond 4 weeks. She has had anxiety for a year.', 'upheld', 'Lorazepam 1mg #30')).not.toContain('not_recommended');
    expect(codes('The ODG holds that nerve conduction studies are not recommended for patients with no radicular findings. The examination shows radicular findings in the left leg.', 'upheld', item)).toEqual([]);
    expect(codes('The ODG holds that nerve conduction studies are not recommended for patients with radiculopathy unless a neuropathy is also suspected. The examination shows an L5 radiculopathy.', 'upheld', item)).toEqual([]);
    expect(codes('The MTUS holds that cyclobenzaprine is not recommended for chronic use. The patient has chronic neck pain.', 'upheld', 'Cyclobenzaprine 10mg #60')).toEqual([]);
  });

  it('reads a rejection only of the requested treatment', () => {
    expect(codes('The ODG holds that opioids are not recommended for patients with a history of addiction. He has a history of addiction.', 'upheld', item)).toEqual([]);
  });

  it('reads words of the case as the condition only as the condition: not a shorter word, another sense, a past or doubted state', () => {
    const gel = 'Ketoprofen 10% gel';
    expect(codes('The ODG finds little evidence for their use in the hip or shoulder. The patient should continue the home exercise program.', 'upheld', gel)).toEqual([]);
    expect(codes('The MTUS states that TENS is not recommended as an isolated intervention. The MRI shows an isolated tear of the medial meniscus.', 'upheld', 'TENS unit purchase')).toEqual([]);
    expect(codes('The ODG finds little evidence for their use in the hip or shoulder. She reports that her shoulder pain resolved last year.', 'upheld', gel)).toEqual([]);
    expect(codes('The ODG holds that nerve conduction studies are not recommended for patients with radiculopathy. The question is whether he has a radiculopathy at all.', 'upheld', item)).toEqual([]);
    expect(codes('The MTUS notes that it has not been studied for use on the neck, back or hip. She is back at full duty and applies the gel to her knee.', 'upheld', 'Diclofenac 1% gel')).toEqual([]);
  });

  it('gives a lone modifier in a list the noun of the list\'s last member', () => {
    expect(codes('The MTUS states that NSAIDs are contraindicated in patients with renal or hepatic impairment. Her renal function was normal on the last panel.', 'upheld', 'Naproxen 550mg #60')).toEqual([]);
    expect(codes('The MTUS states that NSAIDs are contraindicated in patients with renal or hepatic impairment. She has had renal impairment since 2015.', 'upheld', 'Naproxen 550mg #60')).toEqual(['not_recommended']);
  });

  it('leaves an overturned item without the code, which is for upheld items', () => {
    expect(codes('The MTUS notes that it has not been studied for use on the neck, back or hip. The gel is ordered for his low back.', 'overturned', 'Diclofenac 1% gel 100 g')).toEqual(['criteria_met']);
  });
});

describe('the scope of an absence along a list of care', () => {
  it('reaches the trial over a list of care, each wording of care one word of the window', () => {
    const text = 'The notes give no indication that sleep hygiene measures, cognitive behavioral therapy for the sleep complaint or any other non-pharmacologic approach has been tried.';
    expect(codes(text, 'upheld', 'Eszopiclone 2mg #30')).toContain('prior_care_not_tried');
  });

  it('reads behavioral therapy as care', () => {
    expect(codes('The notes do not show that behavioral therapy was tried for the sleep complaint.', 'upheld', 'Zolpidem 10mg #30')).toContain('prior_care_not_tried');
  });

  it('does not reach a trial over as many words that are not care', () => {
    expect(codes('The notes give no indication that the worker, who lives alone and works nights at a warehouse two towns away from the clinic, has tried physical therapy.', 'upheld', 'Right knee arthroscopy')).not.toContain('prior_care_not_tried');
  });
});

describe('a guideline that does not address the request', () => {
  it('is a statement about the guidelines, not about the case', () => {
    expect(roleOf('The MTUS and the ODG do not specifically address home saunas, so other sources were consulted.')).toBe('guideline');
    expect(roleOf('Neither the MTUS nor the ODG addresses whole-body vibration.')).toBe('guideline');
    expect(roleOf('The guidelines are silent on this device.')).toBe('guideline');
    expect(quotedOnly('The ODG does not directly address a standing desk, so peer-reviewed sources were reviewed.', 'Standing desk')).toEqual([]);
  });

  it('leaves a finding after such a lead to the case', () => {
    expect(roleOf('Although the MTUS does not address the device, there is no documentation that she tried a home exercise program.')).toBe('case');
  });
});

describe('guideline support named as such', () => {
  it('does not read "not supported by the guidelines" as a missing record', () => {
    expect(quotedOnly('The request is for a cream of gabapentin and menthol; neither ingredient is supported by the MTUS.', 'Gabapentin 6% / menthol 2% cream')).not.toContain('indications_not_documented');
  });

  it('reads little evidence for a treatment\'s use as the literature, and the site it names, found in this patient, as not recommended', () => {
    expect(roleOf('The ODG finds little evidence for their use in the hip.')).toBe('guideline');
    expect(codes('The ODG finds little evidence for their use in the hip or shoulder. Here the gel is ordered for the left shoulder.', 'upheld', 'Ketoprofen 10% gel')).toEqual(['not_recommended']);
  });
});

describe('a functional change not shown', () => {
  it('reads no change in work restrictions or function, and no activity now possible, as no functional benefit', () => {
    expect(codes('After eight visits there is no record of any change in his work restrictions or his tolerance for standing.', 'upheld', 'Chiropractic care x6 additional')).toEqual(['no_functional_benefit']);
    expect(codes('The progress notes do not name a single activity that she can now perform because of the patch.', 'upheld', 'Lidocaine 5% patch #30')).toEqual(['no_functional_benefit']);
  });

  it('does not read no change in symptoms that way', () => {
    expect(codes('There has been no change in his symptoms since the last study.', 'upheld', 'Repeat MRI of the lumbar spine')).not.toContain('no_functional_benefit');
  });
});

describe('an overrun the reviewer accepts in an overturned item', () => {
  it('reads a count over the guideline, accepted in its sentence, as other', () => {
    expect(codes('The MTUS allows 10 visits. Although the 12 visits asked for are more than the guideline allows, the gains so far make a short extension reasonable.', 'overturned', 'Physical therapy x12')).toEqual(['criteria_met', 'other']);
    expect(codes('The eight sessions would bring the total to 14, a small excess over the guideline that is justified by her steady progress in range of motion from 40 to 90 degrees.', 'overturned', 'Occupational therapy x8')).toContain('other');
  });

  it('reads a UR reviewer whose training does not reach the question as other', () => {
    expect(codes('The denial came from a podiatrist, whose scope of practice does not extend to spinal injections.', 'overturned', 'Lumbar epidural steroid injection')).toContain('other');
  });

  it('reads no overrun where the sentence does not accept one', () => {
    expect(codes('The six added visits bring the total to 16, within the postsurgical allowance.', 'overturned', 'Post-operative physical therapy x6')).toEqual(['criteria_met']);
  });
});

describe('missing indications of more kinds', () => {
  it('reads a missing BMI, medication list, comorbidity or flare as a missing indication', () => {
    expect(codes('None of the reports gives his height or BMI.', 'upheld', 'Medically supervised weight loss program')).toEqual(['indications_not_documented']);
    expect(codes('The file holds no current medication list to manage.', 'upheld', 'Pain management consultation for medications')).toEqual(['indications_not_documented']);
    expect(codes('No recent flare-up of the neck pain is described.', 'upheld', 'Chiropractic care x4')).toEqual(['indications_not_documented']);
  });

  it('reads a surgical option still open as a question of candidacy, not untried care', () => {
    expect(codes('A cervical fusion is still under consideration by the spine surgeon.', 'upheld', 'Functional restoration program, 80 hours')).toEqual(['indications_not_documented']);
  });

  it('reads a diagnosis outside the guideline\'s conditions as a missing indication, not an untried trial', () => {
    expect(codes('Her diagnoses are a wrist sprain and tendinitis, none of which is among the conditions for which the guideline supports a trial of TENS.', 'upheld', 'TENS unit, 30-day rental')).not.toContain('prior_care_not_tried');
  });

  it('reads nothing from a drug missing from a list, or from a question left open', () => {
    expect(codes('The drug does not appear on the earlier medication lists.', 'upheld', 'Trazodone 50mg #30')).not.toContain('indications_not_documented');
    expect(codes('There is no need to settle the question of whether her comorbidities would call for the tests.', 'upheld', 'Pre-operative labs')).not.toContain('indications_not_documented');
  });
});

describe('compounds, slight improvement, orders without a diagnosis, diagnoses outside a guideline\'s list', () => {
  it('reads ingredients none of which the guidelines support as the compound not recommended, not a missing record', () => {
    expect(codes('The cream combines ketamine and cyclobenzaprine, neither of which the MTUS supports for topical use.', 'upheld', 'Ketamine 10%/cyclobenzaprine 2% cream 120 g')).toEqual(['not_recommended']);
  });

  it('reads "a little better" as no absence', () => {
    expect(quotedOnly('He felt a little better for a day and later notes show pain at 7/10.', 'Repeat medial branch block')).toEqual([]);
  });

  it('reads no diagnosis attached to an order as no missing indication', () => {
    expect(codes('The order for the panel has no diagnosis attached to the request.', 'upheld', 'Comprehensive metabolic panel')).not.toContain('indications_not_documented');
  });

  it('keeps no new findings before a repeat test a missing indication', () => {
    expect(codes('There has been no new injury and no new numbness or weakness.', 'upheld', 'Repeat EMG of the right arm')).toContain('indications_not_documented');
  });

  it('reads diagnoses outside the conditions a guideline names as a missing indication', () => {
    expect(codes('The listed diagnoses are neck strain and myofascial pain, none of which is among the conditions the guideline names for the device.', 'upheld', 'H-wave unit purchase')).toEqual(['indications_not_documented']);
  });
});

describe('a taper to a home program, a rejection for other indications, excluded care, a presumed cause', () => {
  it('reads tapering visits down to a home program as no plan to stop a drug', () => {
    expect(codes('His Oswestry score fell from 40% to 22%. The plan is to taper him to a home exercise program after these visits.', 'overturned', 'Chiropractic care x4')).toEqual(['functional_benefit_documented']);
  });

  it('reads a rejection "for other indications such as" as conditional, not flat', () => {
    expect(codes('Hyaluronic acid injections are not recommended for other indications such as patellar tendinitis. The imaging shows severe medial compartment arthritis.', 'upheld', 'Hyaluronic acid injection, right knee')).not.toContain('not_recommended');
  });

  it('reads care the guideline excludes, found in the case, as not recommended', () => {
    expect(codes('The help asked for is housekeeping and shopping, which the guideline excludes from medical care.', 'upheld', 'Home health aide 3 hours a day')).toEqual(['not_recommended']);
  });

  it('reads "does not recommend X when symptoms are presumed due to Y", with Y found in this patient, as not recommended', () => {
    const text = 'The ODG does not recommend nerve conduction testing when arm symptoms are presumed to be due to cervical radiculopathy. Her cervical radiculopathy at C6 is plain on the MRI and the examination.';
    expect(codes(text, 'upheld', 'Nerve conduction testing, both arms')).toEqual(['not_recommended']);
  });
});

describe('a surgery prepared for, circumstances absent, earlier steps not taken', () => {
  const fusion = [{ itemText: 'L5-S1 anterior lumbar fusion', outcome: 'upheld' as const }];

  it('reads a surgery "that this visit was meant to prepare for" found not necessary as the request depending on it', () => {
    expect(codes('The lumbar fusion that these tests were meant to prepare for has not been found medically necessary in this review.', 'upheld', 'Pre-operative labs and EKG', fusion)).toEqual(['depends_on_denied_request']);
  });

  it('reads the circumstances a guideline names, absent here, as a missing indication', () => {
    expect(codes('The circumstances in which the guidelines use the treatment are not present in this case.', 'upheld', 'Acupuncture x6, left wrist')).toEqual(['indications_not_documented']);
  });

  it('reads earlier steps of treatment not taken as prior care not tried', () => {
    expect(codes('The earlier steps of the treatment ladder have not been taken.', 'upheld', 'Gel injection, right knee')).toEqual(['prior_care_not_tried']);
  });
});

describe('near wordings that state no ground', () => {
  it('reads a guideline quotation of what it excludes as no reason', () => {
    expect(quotedOnly('The MTUS recommends home health services only for homebound patients, not homemaker services such as shopping and cleaning, which the guideline excludes from medical care.', 'Home health aide 4 hours a day')).toEqual([]);
  });

  it('reads an operation scheduled or held open by a condition as no question of candidacy', () => {
    expect(codes('The total knee replacement is scheduled for June 1.', 'upheld', 'Post-operative cold therapy unit')).toEqual([]);
    expect(codes('A fusion remains an option if the injection fails.', 'upheld', 'Lumbar epidural steroid injection')).toEqual([]);
  });

  it('reads an earlier course given for another condition as no accepted overrun', () => {
    expect(codes('The guideline allows 10 visits after this surgery. He had 14 visits in 2019 for a minor wrist sprain; the present request follows his new rotator cuff repair.', 'overturned', 'Physical therapy x12')).toEqual(['criteria_met']);
  });

  it('reads a finding after a guideline that does not address the request as the case\'s', () => {
    expect(codes('The MTUS does not address this device, and the records do not document any trial of a home exercise program.', 'upheld', 'Home sauna')).toEqual(['prior_care_not_tried']);
  });

  it('reads care taken irregularly, a normal disc height, a tolerated course and training of a skill as no absence', () => {
    expect(codes('Her NSAIDs are not taken daily because of stomach upset.', 'upheld', 'Lidocaine 5% patch #30')).toEqual([]);
    expect(codes('Plain films show no loss of disc height at L4-5.', 'upheld', 'Lumbar MRI')).toEqual([]);
    expect(codes('She tolerated the prior sessions without exacerbation of her symptoms.', 'upheld', 'Physical therapy x6')).toEqual([]);
    expect(codes('Gait training does not include the stairs she must climb at home.', 'upheld', 'Physical therapy x6')).toEqual([]);
  });
});

describe('grounds the project\'s own letters gave in words the rules had not met', () => {
  it('reads an absence said of what the sentence before listed as a missing indication', () => {
    expect(codes('A hinged brace is reserved for ligament instability, a fracture or a recent ligament repair. He has none of these.', 'upheld', 'Hinged knee brace')).toEqual(['indications_not_documented']);
    expect(codes('An epidural injection needs radiculopathy on examination, confirmed by imaging or electrodiagnostic testing. Neither is present.', 'upheld', 'Lumbar epidural steroid injection at L5-S1')).toEqual(['indications_not_documented']);
    expect(codes('A stomach protector is indicated for a patient over 65, with a prior ulcer, or on a blood thinner; none of these is present.', 'upheld', 'Pantoprazole 40mg #30')).toEqual(['indications_not_documented']);
  });

  it('leaves care said absent that way to the prior-care cues', () => {
    expect(codes('Lower-level care such as an exercise program or an NSAID should come first. None of these has been tried.', 'upheld', 'Lumbar facet injection')).not.toContain('indications_not_documented');
  });

  it('reads a trial the guideline asks for, said not to have happened, as prior care not tried (R7)', () => {
    expect(codes('Buying the stimulator is supported only after a month-long home trial with documented benefit. No trial has taken place.', 'upheld', 'Interferential stimulator purchase')).toEqual(['prior_care_not_tried']);
    expect(codes('The patch is second-line, after an antidepressant or an anticonvulsant. The notes show no trial of any of these.', 'upheld', 'Lidocaine 5% patch #30')).toEqual(['prior_care_not_tried']);
    expect(codes('Purchase follows a rental period, and the rental trial has not been done.', 'upheld', 'TENS unit purchase')).toEqual(['prior_care_not_tried']);
  });

  it('does not read a trial merely named near a doubt or an absence as one not tried', () => {
    expect(codes('It is unclear whether this is an initial trial or a refill of the drug.', 'upheld', 'Tramadol 50mg #60')).not.toContain('prior_care_not_tried');
    expect(codes('There is no record of earlier acupuncture, so an initial trial would be reasonable, but 12 sessions exceed the 6 the guideline allows.', 'upheld', 'Acupuncture x12')).not.toContain('prior_care_not_tried');
  });

  it('reads a request whose partner was "not medically necessary" as depending on it', () => {
    const others: Other[] = [{ itemText: 'Right total knee replacement', outcome: 'upheld' }];
    expect(codes('The walker is for use after the operation. With the knee replacement not medically necessary, the walker is not medically necessary either.', 'upheld', 'Associated surgical service: front-wheeled walker', others)).toEqual(['depends_on_denied_request']);
    // "with X were not indicated" names no partner found not necessary.
    expect(codes('However, objective functional gains with the earlier visits were not indicated.', 'upheld', 'Physical therapy x6')).toEqual(['no_functional_benefit']);
  });

  it('reads stable ligaments on examination as the missing instability', () => {
    expect(codes('The ODG reserves a hinged brace for instability. Her examination shows stable collateral ligaments.', 'upheld', 'Hinged knee brace, purchase')).toEqual(['indications_not_documented']);
  });
});

describe('grounds from the read half of the corpus letters, in words of our own', () => {
  it('reads a use "with no documented benefit", ending its sentence, as no functional benefit beside the overrun', () => {
    expect(codes('The guideline allows a muscle relaxant for a few weeks. She has taken it daily for two years with no documented benefit.', 'upheld', 'Methocarbamol 750mg #60')).toEqual(['no_functional_benefit', 'exceeds_limits']);
    expect(codes('He has used the gel twice a day without measurable improvement.', 'upheld', 'Diclofenac 1% gel')).toEqual(['no_functional_benefit']);
  });

  it('reads care named by "such" or "none of these", not used, as prior care not tried', () => {
    expect(codes('The patch follows a failed trial of an antidepressant or an anticonvulsant. Nothing shows that any such medication was ever taken.', 'upheld', 'Lidocaine 5% patch #30')).toContain('prior_care_not_tried');
    expect(codes('Exercise, an NSAID and a short course of therapy come first. None of these has been tried.', 'upheld', 'Lumbar radiofrequency ablation')).toContain('prior_care_not_tried');
  });

  it('reads no gain in two outcomes joined by "or" as no functional benefit', () => {
    expect(codes('There is no reported gain in mood or function with the drug.', 'upheld', 'Duloxetine 60mg #30')).toEqual(['no_functional_benefit']);
  });

  it('reads a use of many months written in words as long use of a short-course drug', () => {
    expect(codes('She has taken it every night for about fifteen months.', 'upheld', 'Cyclobenzaprine 10mg #30')).toEqual(['exceeds_limits']);
    expect(codes('He has been on it for twenty-four months.', 'upheld', 'Zolpidem 10mg #30')).toEqual(['exceeds_limits']);
  });

  it('reads a quantity "far more than" the need as over the limit, not as an unclear request', () => {
    expect(codes('Ninety tablets is far more than a week of recovery requires, and no reason for the number is given.', 'upheld', 'Post-operative Hydrocodone 5/325mg #90')).toEqual(['exceeds_limits']);
  });
});

describe('rejections the read half of the corpus letters showed, in words of our own', () => {
  it('reads a rejection whose reason compares the treatment "over" a sham as flat, but not a limit "over" some weeks', () => {
    expect(codes('Laser therapy for plantar fasciitis is not recommended by the ODG, as trials show no advantage over placebo.', 'upheld', 'Laser therapy for plantar fasciitis of the left heel, 6 sessions')).toEqual(['not_recommended']);
    expect(codes('Laser therapy is not recommended over more than four weeks.', 'upheld', 'Low-level laser therapy, 6 sessions')).not.toContain('not_recommended');
  });

  it('reads a treatment supported after some procedures "but not after" the partner\'s as not recommended', () => {
    const others: Other[] = [{ itemText: 'Left shoulder arthroscopy with subacromial decompression', outcome: 'overturned' }];
    expect(codes('The guideline supports a cold therapy unit after major joint replacement, but not after a subacromial decompression. The unit is not needed.', 'upheld', 'Associated surgical service: cold therapy unit, 14 day rental', others)).toEqual(['not_recommended']);
    expect(codes('The guideline supports a cold therapy unit after major joint replacement, but not after a subacromial decompression. The unit is not needed.', 'upheld', 'Associated surgical service: cold therapy unit, 14 day rental', [{ itemText: 'Right total shoulder replacement', outcome: 'overturned' }])).not.toContain('not_recommended');
  });

  it('reads a device said to offer no advantage over a simpler one as not recommended', () => {
    expect(codes('A motorized traction unit offers no proven advantage over a door-mounted unit.', 'upheld', 'Motorized cervical traction unit, purchase')).toEqual(['not_recommended']);
  });
});

describe('the corpus kinds kept from reaching further (a review with sentences of its own)', () => {
  it('reads "over the past months" as time, not as a comparison that makes a rejection flat', () => {
    expect(codes('Tramadol has provided no benefit over the past six months, and she remains off work.', 'upheld', 'Tramadol 50mg #60')).not.toContain('not_recommended');
    expect(codes('Further visits are not indicated, as she showed no improvement over eight prior sessions.', 'upheld', 'Chiropractic care x6')).not.toContain('not_recommended');
  });

  it('keeps a missing body part or form beside an overrun in the same sentence', () => {
    expect(codes('Twelve visits exceed the guideline, and the body part to be treated is not specified.', 'upheld', 'Physical therapy x12')).toEqual(['exceeds_limits', 'request_unclear']);
    expect(codes('She has already exceeded the recommended visits, and the number of further visits asked for is not stated.', 'upheld', 'Chiropractic treatment')).toEqual(['exceeds_limits', 'request_unclear']);
  });

  it('reads "far greater than expected" of pain or disability as no overrun', () => {
    expect(codes('Her reported pain is far greater than would be expected from the imaging.', 'upheld', 'Psychological evaluation')).not.toContain('exceeds_limits');
  });

  it('reads no "such" drug prescribed, or a second such drug, as no untried care', () => {
    expect(codes('A stomach protector is for patients on an NSAID with GI risk. No such medication has been prescribed to her.', 'upheld', 'Omeprazole 20mg #60')).not.toContain('prior_care_not_tried');
    expect(codes('She already takes ibuprofen, and no reason is given why a second such medication was used.', 'upheld', 'Naproxen 550mg #60')).not.toContain('prior_care_not_tried');
  });

  it('reads "neither was documented to help" as no missing indication', () => {
    expect(codes('She had two injections last year; neither was documented to provide lasting relief.', 'upheld', 'Lumbar epidural steroid injection L4-5')).not.toContain('indications_not_documented');
  });

  it('reads a research trial, or the request that is the trial, as no untried care', () => {
    expect(codes('No trial has compared the patch with oral agents for this kind of pain.', 'upheld', 'Lidocaine 5% patch #30')).not.toContain('prior_care_not_tried');
    expect(codes('No trial has been done yet, so this would be the initial trial; however, twelve visits exceed the six allowed.', 'upheld', 'Acupuncture x12')).toEqual(['exceeds_limits']);
  });

  it('takes a rejected condition from another request only when it is an operation', () => {
    const others: Other[] = [{ itemText: 'Gabapentin 300mg #90 for neuropathic pain', outcome: 'overturned' }];
    expect(codes('The MTUS supports topical NSAIDs for arthritis of the knee, and states they are not recommended for neuropathic pain. The gel has been used for six months with no documented benefit.', 'upheld', 'Diclofenac 1% gel for the right knee', others)).toEqual(['no_functional_benefit']);
  });

  it('reads a partner "not medically necessary" only before a conclusion about this request', () => {
    const others: Other[] = [{ itemText: 'L4-S1 posterior lumbar fusion', outcome: 'upheld' }];
    expect(codes('With the fusion not medically necessary, she is to continue conservative care; she has already had 24 visits, which exceeds the guideline.', 'upheld', 'Physical therapy x12 for the lumbar spine', others)).toEqual(['exceeds_limits']);
  });

  it('reads months of pain or of time off work as no long use of the drug', () => {
    expect(codes('She has had low back pain for eighteen months.', 'upheld', 'Cyclobenzaprine 10mg #30')).not.toContain('exceeds_limits');
    expect(codes('He has been off work for over fifteen months.', 'upheld', 'Diazepam 5mg #30')).not.toContain('exceeds_limits');
  });

  it('reads other care "without any relief" before a procedure as no lack of this treatment\'s benefit', () => {
    expect(codes('She has had physical therapy and chiropractic care without any relief.', 'upheld', 'Lumbar epidural steroid injection L5-S1')).not.toContain('no_functional_benefit');
  });
});

describe('R19: an overturned continuation with a benefit and a need that remains', () => {
  it('gives the criteria beside the benefit where a case sentence states the flare or the symptoms that persist', () => {
    expect(codes('Her earlier sessions gave documented functional improvement, and she has returned to full duty. She now has a new flare with loss of motion.', 'overturned', 'Physical therapy x6')).toEqual(['criteria_met', 'functional_benefit_documented']);
    expect(codes('The patch has given documented functional improvement: she walks farther and sleeps better. Her neuropathic pain persists at night.', 'overturned', 'Lidocaine 5% patch #30')).toEqual(['criteria_met', 'functional_benefit_documented']);
  });

  it('gives the benefit alone where nothing else is said to call for more', () => {
    expect(codes('Her earlier sessions gave documented functional improvement, and she has returned to full duty.', 'overturned', 'Physical therapy x6')).toEqual(['functional_benefit_documented']);
    expect(codes('The patch has given documented functional improvement: she walks farther and sleeps better.', 'overturned', 'Lidocaine 5% patch #30')).toEqual(['functional_benefit_documented']);
    for (const after of ['She has had no flare since then.', 'Her symptoms remain well controlled on the program.', 'There are no persistent deficits.'])
      expect(codes(`Her earlier sessions gave documented functional improvement, and she has returned to full duty. ${after}`, 'overturned', 'Physical therapy x6'), after).toEqual(['functional_benefit_documented']);
  });
});

describe('a rejection in the progressive, or with an adverb (reviewers who write "the guidelines are not supporting")', () => {
  it('reads the guideline that is not recommending or supporting the treatment as a rejection', () => {
    expect(codes('The guidelines are not supporting shockwave treatment of lumbar pain, so it is not medically necessary.', 'upheld', 'Shockwave therapy for the lumbar spine')).toEqual(['not_recommended']);
    expect(codes('Since the guidelines are not recommending this therapy, the request cannot be supported.', 'upheld', 'Shockwave therapy for the lumbar spine')).toEqual(['not_recommended']);
    expect(codes('The MTUS does not back topical baclofen. Therefore the cream is not medically necessary.', 'upheld', 'Baclofen 2% cream')).toEqual(['not_recommended']);
    expect(codes('The guidelines do not go back to passive care once a home program is in place, so the request is not medically necessary.', 'upheld', 'Physical therapy x6')).not.toContain('not_recommended');
    expect(codes('The ODG firmly rejects shockwave treatment of lumbar pain; hence it is not medically necessary.', 'upheld', 'Shockwave therapy for the lumbar spine')).toEqual(['not_recommended']);
  });

  it('does not read guidelines that do not support the medical necessity of the request as a rejection of the treatment', () => {
    expect(codes('The guidelines are not supporting the medical necessity of the requested therapy twice weekly for six weeks. Up to ten visits are recommended for myalgia, and fourteen have been attended.', 'upheld', 'Physical therapy 2x6 for the shoulders')).not.toContain('not_recommended');
  });
});

describe('absences said of what the guideline sentence named, and counts asked for', () => {
  it('reads "no such condition" and "neither is documented" as the indication missing', () => {
    expect(codes('The guidelines support psychotherapy when a psychological condition slows recovery. No such condition is described in the notes. The request is not medically necessary.', 'upheld', 'Psychotherapy x6')).toEqual(['indications_not_documented']);
    expect(codes('Imaging is indicated for red flags or a progressive neurologic deficit; neither is documented. The request is not medically necessary.', 'upheld', 'MRI of the lumbar spine')).toEqual(['indications_not_documented']);
    // Care said absent that way is the prior-care cues'.
    expect(codes('A trial of exercise should come first. No such trial is documented.', 'upheld', 'MRI of the lumbar spine')).not.toContain('indications_not_documented');
  });

  it('reads a guideline that "backs" a treatment as the guideline speaking', () => {
    expect(roleOf('The MTUS backs psychotherapy when a psychological condition slows recovery.')).toBe('guideline');
  });

  it('does not read visits ordered in the past as the count requested', () => {
    expect(codes('The guidelines allow up to ten visits. The worker attended 6 of the 12 visits ordered by her earlier physician. The request is not medically necessary.', 'upheld', 'Physical therapy x4')).not.toContain('exceeds_limits');
  });

  it('does not read a literature verdict of "none has been shown" as an absence in the case', () => {
    expect(codes('Of the injections studied, none has been shown to be effective for chronic low back pain. The request is not medically necessary.', 'upheld', 'Trigger point injections')).not.toContain('indications_not_documented');
  });

  it('reads a count asked for that is more than the guideline allows as an overrun, after the guideline in one sentence', () => {
    expect(codes('Also, the guidelines allow up to eight chiropractic visits, and the twelve visits asked for are more than that. The request is not medically necessary.', 'upheld', 'Chiropractic care x12')).toEqual(['exceeds_limits']);
  });
});

describe('an absence stated after a long subject, as passive and nominal styles put it', () => {
  it('does not reach back over a clause with a verb or a subject of its own', () => {
    expect(codes('She finished a course of therapy that eased her pain well and the report of last year was not submitted.', 'upheld', 'MRI of the right shoulder')).not.toContain('prior_care_not_tried');
  });

  it('reaches back over the subject of "is lacking" or "is absent" at the end of the clause', () => {
    expect(codes('A rationale from the treating surgeon for repeating the costly imaging at this particular time is lacking.', 'upheld', 'MRI of the right knee')).toEqual(['request_unclear']);
    expect(codes('Any note showing a trial of the physical therapy sessions ordered last spring for this shoulder, with their outcome, is absent.', 'upheld', 'MRI of the right shoulder')).toEqual(['prior_care_not_tried']);
    expect(codes('A urine drug screen or any other check of compliance with the prescribed opioid regimen during the last several months is lacking.', 'upheld', 'Tramadol 50mg #60')).toEqual(['monitoring_not_documented']);
  });
});

describe('a partner found "medically unnecessary" or to "lack medical necessity"', () => {
  const knee = [{ itemText: 'Right knee arthroscopy', outcome: 'upheld' as const }];
  const shoulder = [{ itemText: 'Left shoulder surgery', outcome: 'upheld' as const }];
  it('gives depends_on_denied_request as "not medically necessary" does', () => {
    expect(codes('The requested knee arthroscopy has been found medically unnecessary, so the post-operative therapy is not medically necessary either.', 'upheld', 'Post-operative physical therapy x12', knee)).toEqual(['depends_on_denied_request']);
    expect(codes('The shoulder surgery has been found to lack medical necessity; the assistant surgeon is therefore not medically necessary.', 'upheld', 'Assistant surgeon', shoulder)).toEqual(['depends_on_denied_request']);
  });
});

describe('absences written with a negative prefix or verb', () => {
  it('reads "remains unevidenced" and "failed to disclose" as absences', () => {
    expect(codes('A failure of first-line oral agents before this compound remains unevidenced.', 'upheld', 'Topical compound cream')).toEqual(['prior_care_not_tried']);
    expect(codes('The examination failed to disclose any red flags that would support plain films.', 'upheld', 'X-rays of the lumbar spine')).toEqual(['indications_not_documented']);
  });
});

describe('a benefit said with its verb, and a detail "omitted" from the request', () => {
  it('reads "no documentation that function improved" as no functional benefit', () => {
    expect(codes('There is no documentation that function improved with the earlier prescription.', 'upheld', 'Cyclobenzaprine 10mg #60')).toEqual(['no_functional_benefit']);
    expect(codes('Nothing documents that her pain decreased with it.', 'upheld', 'Cyclobenzaprine 10mg #60')).toEqual(['no_functional_benefit']);
    // Pain that did not grow is no benefit missing.
    expect(codes('Nothing documents that her pain increased with it.', 'upheld', 'Cyclobenzaprine 10mg #60')).not.toContain('no_functional_benefit');
  });

  it('reads a quantity or body part "omitted" from the request as a request left unclear', () => {
    expect(codes('The quantity was omitted from the request.', 'upheld', 'Zofran 8mg')).toEqual(['request_unclear']);
    expect(codes('The body part to be treated has been omitted.', 'upheld', 'Shockwave therapy')).toEqual(['request_unclear']);
  });
});

describe('rejections said without "not"', () => {
  it('reads care that falls outside the recommendations, is excluded from them, or that guidelines withhold support from', () => {
    expect(codes('Lumbar supports fall outside the guidelines\' recommendations, so the request is not medically necessary.', 'upheld', 'Lumbar support')).toEqual(['not_recommended']);
    expect(codes('Topical gabapentin is excluded from recommendation by the guidelines. The cream is not medically necessary.', 'upheld', 'Gabapentin 10% cream')).toEqual(['not_recommended']);
    expect(codes('The guidelines withhold support from topical lidocaine in cream form. The request is not medically necessary.', 'upheld', 'Lidocaine 4% cream')).toEqual(['not_recommended']);
    // A request outside a guideline's scope is a matter of which guideline applies.
    expect(codes('The request falls outside the scope of the MTUS, so the ODG was consulted.', 'upheld', 'Ultrasound therapy')).toEqual([]);
  });
});
