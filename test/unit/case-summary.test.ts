/**
 * The case-summary fields on wording of the kinds issue 14 lists (each
 * example written for this test, not taken from a letter): what can be
 * negated, the utilization-review action and its date, treatment received
 * against treatment requested, mechanisms, occupations, diagnoses, and spans
 * that cover whole words.
 */
import { describe, expect, it } from 'vitest';
import { extractCaseSummary } from '../../src/core/extract/case-summary.js';

const read = (text: string) => extractCaseSummary(text, { start: 0, end: text.length });
const values = (list: { value: string }[]) => list.map((f) => f.value);
/** The UR action and its date. */
const ur = (text: string) => {
  const r = read(text);
  return [r.urAction?.value, r.urActionDate?.value];
};
/** The mechanism phrase and its type. */
const mech = (text: string) => {
  const r = read(text);
  return [r.mechanism?.value ?? null, r.mechanismType];
};
/** The diagnoses, and the prior-treatment kinds (sorted). */
const dx = (text: string) => values(read(text).diagnoses);
const priorKinds = (text: string) => values(read(text).priorTreatments).sort();
const regions = (text: string) => values(read(text).bodyRegions).sort();
const WORD = /[A-Za-z0-9]/;
/** Every span starts and ends at a word's edge. */
function wholeWords(text: string, spans: { start: number; end: number }[]): void {
  for (const { start, end } of spans) {
    expect(start > 0 && WORD.test(text[start - 1]!) && WORD.test(text[start]!), `span starts inside a word: ${text.slice(start, end)}`).toBe(false);
    expect(end < text.length && WORD.test(text[end]!) && WORD.test(text[end - 1]!), `span ends inside a word: ${text.slice(start, end)}`).toBe(false);
  }
}

describe('negated: only findings, symptoms, signs, tests and treatments', () => {
  it('leaves out care tolerated, opinions, likes, things not brought, hedges and advice', () => {
    const none = (t: string) => expect(values(read(t).negated)).toEqual([]);
    none('He has not tolerated gabapentin because of drowsiness.');
    none('The surgeon does not feel that a fusion is warranted.');
    none('She does not believe the acupuncture helped.');
    none('He does not like taking tramadol.');
    none('She did not bring her splint to the visit.');
    none('There is probably no tear of the labrum.');
    none('The MRI may not show the stenosis.');
    none('There could be no impingement with this range.');
    none('He was told not to use heat at night.');
    none('She was instructed not to drive while on cyclobenzaprine.');
  });

  it('ends a denial where a clause of what is present begins', () => {
    expect(values(read('He denies weakness and describes aching in the calf.').negated)).toEqual(['weakness']);
    expect(values(read('She denies locking, describes clicking, and rates her pain 6/10.').negated)).toEqual(['locking']);
    expect(values(read('No x-ray reports were available.').negated)).toEqual([]);
    expect(values(read('He was not taking Norco and thus a urine drug screen was not required.').negated)).toEqual(['norco']);
    expect(values(read('There were no reports of numbness.').negated)).toEqual(['numbness']);
    expect(values(read('He did not have therapy initially.').negated)).toEqual(['therapy']);
  });

  it('leaves out requests, documents, indications and fragments', () => {
    const text =
      'The physician asked for an MRI of the knee without contrast. The form for authorization was not provided. ' +
      'There was no clear indication for the brace. He is not able to go back to his job and it is not safe to drive. ' +
      'The doctor did not think that he could kneel. The requested cream was not medically necessary.';
    expect(values(read(text).negated)).toEqual([]);
  });

  it('gives each finding of a denial of several at once', () => {
    const text = 'She denies tingling, burning or weakness of the arms. Hoffmann sign was negative and there was no clonus.';
    expect(values(read(text).negated)).toEqual(['tingling', 'burning', 'weakness', 'hoffmann sign', 'clonus']);
  });

  it('reads a reviewer\'s or an insurer\'s refusal as theirs, not as something the patient lacks', () => {
    const text = 'The reviewer denied both MRIs because the examination showed no weakness. Insurance would not allow the Zofran to be filled.';
    expect(values(read(text).negated)).toEqual(['weakness']);
  });

  it('reads a denial by the carrier as the review\'s, and gives a finding once whatever its word form', () => {
    const text = 'The carrier denied the MRI of the knee. There was no tenderness of the knee and the ankle was not tender. No swelling was seen.';
    expect(values(read(text).negated)).toEqual(['tenderness', 'swelling']);
  });

  it('gives each finding of a list that a negation after it speaks of', () => {
    const text = 'Orthopnea, night sweats and ankle edema were all absent. Crepitus, effusion and warmth were not appreciated. Tremor and ataxia negative.';
    expect(values(read(text).negated)).toEqual(['orthopnea', 'night sweats', 'ankle edema', 'crepitus', 'effusion', 'warmth', 'tremor', 'ataxia']);
  });

  it('takes no clause and no finding said present into a list before a negation', () => {
    expect(values(read('There was no clonus, and Babinski was negative.').negated)).toEqual(['clonus', 'babinski']);
    expect(values(read('The elbow was stiff and Tinel\'s was negative at the elbow.').negated)).toEqual(["tinel's"]);
    expect(values(read('Ibuprofen and lumbar x-rays were negative.').negated)).toEqual(['lumbar x-rays']);
    expect(values(read('Aching and numbness ran down the leg to the foot, and the ankle reflex was absent.').negated)).toEqual(['ankle reflex']);
  });

  it('carries a negation on through "as was", and reads each/both and negative results', () => {
    const text =
      'Facet loading was negative, as was the slump test. Orthopnea and edema were absent, as were varicosities and claudication; she had a rash. ' +
      'The anterior and posterior drawer signs were both negative. The FABER tests yielded negative results. There was no focal deficit whatsoever.';
    expect(values(read(text).negated)).toEqual(['facet loading', 'slump test', 'orthopnea', 'edema', 'varicosities', 'claudication', 'anterior and posterior drawer signs', 'faber tests', 'focal deficit']);
    expect(values(read('The knee was tender, as was the ankle.').negated)).toEqual([]);
    // A dash ends a clause: what follows it is no longer the negation's.
    expect(values(read('The compound cream was denied \u2014 baclofen is not approved for topical use. No swelling \u2014 the knee was stable.').negated)).toEqual(['swelling']);
  });

  it('leaves out a place said before what a negation after it speaks of', () => {
    const text = 'On both sides straight leg raise was negative. Along the medial joint line swelling was not observed. Spasm of the soft tissues was absent. Lumbar radiculopathy could not be demonstrated on the needle study.';
    expect(values(read(text).negated)).toEqual(['straight leg raise', 'swelling', 'spasm', 'lumbar radiculopathy']);
  });

  it('keeps a test or treatment stated as not done, and drops a trailing place', () => {
    const text = 'He has not started the home exercise program yet. There was no swelling over the lateral malleolus of the right ankle.';
    expect(values(read(text).negated)).toEqual(['home exercise program', 'swelling']);
  });
});

describe('utilization-review action and date', () => {
  it('reads the utilization reviewer as the review, "approved with modification" as modified, and utilization review "declined" as denied', () => {
    expect(ur('On 1/9/2017 the utilization reviewer non-certified the lumbar brace.')).toEqual(['non-certified', '2017-01-09']);
    expect(ur('The acupuncture was approved with modifications on 2/14/2017 by utilization review.')).toEqual(['modified', '2017-02-14']);
    expect(ur('On 6/30/2016, utilization review declined the refill.')).toEqual(['denied', '2016-06-30']);
    expect(ur('The worker declined the refill on 6/30/2016.')).toEqual([undefined, undefined]);
  });

  it('reads a written-out date before the review', () => {
    expect(ur('On March 3, 2016 the utilization review determined the request for a cane to be non-certified.')).toEqual(['non-certified', '2016-03-03']);
  });

  it('reads "report dated <Month D, YYYY>" and "failed to approve" as denied', () => {
    expect(ur('In a utilization review report dated June 2, 2016, the claims administrator failed to approve a request for a knee brace.')).toEqual(['denied', '2016-06-02']);
  });

  it('reads "was denied on <date>" and "was previously non-certified on <date>"', () => {
    expect(ur('A request for authorization was signed on 4/2/2016. The treatment was denied on 4/9/2016.')).toEqual(['denied', '2016-04-09']);
    expect(ur('This request was previously non-certified on 07/14/2016 for lack of a recent exam.')).toEqual(['non-certified', '2016-07-14']);
  });

  it('reads a review that rejected, turned down or declined to approve as denied', () => {
    expect(ur('At utilization review on 3/4/2016 the knee MRI was rejected.')).toEqual(['denied', '2016-03-04']);
    expect(ur('Utilization review turned down the lumbar brace on 5/6/2016.')).toEqual(['denied', '2016-05-06']);
    expect(ur('On 7/8/2016 the claims administrator declined to approve acupuncture.')).toEqual(['denied', '2016-07-08']);
    expect(ur('In the earlier determination of 9/10/2016, the reviewer denied the EMG.')).toEqual(['denied', '2016-09-10']);
  });

  it('reads "a review on <date>" and a denial that followed, and not a planning, receipt or service date', () => {
    expect(ur('A review on 2/3/2016 non-certified the injections.')).toEqual(['non-certified', '2016-02-03']);
    expect(ur('Receipt of the request is dated 4/5/2016; denial followed on 4/12/2016.')).toEqual(['denied', '2016-04-12']);
    expect(ur('An MRI was planned on 6/1/2016; the utilization review on 6/9/2016 non-certified it.')).toEqual(['non-certified', '2016-06-09']);
    expect(ur('For the 8/1/2016 date of service, the plan sought chiropractic care, which utilization review denied on 8/9/2016.')).toEqual(['denied', '2016-08-09']);
  });

  it('does not read a treatment named "activity modification" as the action modified', () => {
    expect(ur('Prior relevant care included activity modification and rest. On 5-5-16 utilization review denied the injection.')).toEqual(['denied', '2016-05-05']);
  });

  it('gives the action a span of whole words', () => {
    const text = 'The UR decision dated 2/10/17 noncertified the request. Earlier, on 1/3/17, the case was non-certified in part.';
    const r = read(text);
    expect(r.urAction?.value).toBe('non-certified');
    wholeWords(text, [r.urAction!.span, r.urActionDate!.span]);
    expect(text.slice(r.urAction!.span.start, r.urAction!.span.end)).toBe('noncertified');
  });

  it('reads an "adverse determination" as denied, and a reduced quantity authorised as certified in part', () => {
    expect(ur('On 2/9/2018 the UR reviewer issued an adverse determination on the request for a cervical pillow.')).toEqual(['denied', '2018-02-09']);
    expect(ur('Utilization review on 6/30/2017 authorized a reduced number of four aquatic therapy visits.')).toEqual(['certified in part', '2017-06-30']);
  });

  it('reads "found the request not medically necessary" with the reviewer as its subject', () => {
    expect(ur('The UR physician, on 11-02-16, found the requested wrist splint not medically necessary.')).toEqual(['non-certified', '2016-11-02']);
  });

  it('reads a month abbreviated with a period, a date written year first, and a request named with its dose and count', () => {
    expect(ur('Knee pain persists. On Mar. 14, 2016, the UR reviewer did not certify the brace.')).toEqual(['non-certified', '2016-03-14']);
    expect(ur('Knee pain persists. The brace was denied by utilization review on Sept. 9, 2016. He remains off work.')).toEqual(['denied', '2016-09-09']);
    expect(ur('Knee pain persists. The brace was not approved by utilization review on 2016-08-21.')).toEqual(['denied', '2016-08-21']);
    expect(ur('On 4/11/2017, the UR physician found the requested Tramadol ER 150 mg #30 not medically necessary.')).toEqual(['non-certified', '2017-04-11']);
  });

  it('reads a part of the request certified, counted, as certified in part', () => {
    expect(ur('Per the UR report dated 2/6/2017, the reviewer certified 4 of the 8 requested visits.')).toEqual(['certified in part', '2017-02-06']);
    expect(ur('Utilization review approved two of the three requested injections on 7/19/2016.')).toEqual(['certified in part', '2016-07-19']);
  });

  it("does not take a visit's date that precedes the review's in the same sentence", () => {
    expect(ur('The knee sleeve ordered at the 5/14/2017 office visit was non-certified by UR on 5/26/2017.')).toEqual(['non-certified', '2017-05-26']);
  });

  it('reads the review of this request, not a decision on a prior request stated before it', () => {
    expect(ur('A previous request for a lumbar MRI was denied on 1/8/2016. The surgeon then asked for a CT myelogram. On 3/2/2016, utilization review non-certified the CT myelogram.')).toEqual(['non-certified', '2016-03-02']);
    // Alone, it is the review stated.
    expect(ur('A previous request for a lumbar MRI was denied on 1/8/2016.')).toEqual(['denied', '2016-01-08']);
  });
});

describe('prior treatments: care received, not requested, missed or refused', () => {
  it('reads a prescription given as care received, and care taken back by a clause without its subject', () => {
    expect(priorKinds('He received a prescription for meloxicam last spring.')).toEqual(['nsaids']);
    expect(priorKinds('He was given a prescription for meloxicam but never filled it.')).toEqual([]);
    expect(priorKinds('The provider asked for a prescription for meloxicam.')).toEqual([]);
  });

  it('reads care the provider asked for as requested, not received', () => {
    expect(priorKinds('Numbness has persisted despite splinting, and the provider asked for nerve conduction studies of both arms.')).toEqual(['bracing/orthotics']);
    expect(priorKinds('She is asking for another course of acupuncture.')).toEqual([]);
  });

  it('reads care that has (not) been recommended as no care received', () => {
    expect(priorKinds('Surgery has not been recommended, and she continues a home exercise program.')).toEqual(['home exercise program']);
    expect(priorKinds('An epidural injection has been recommended by the spine consultant.')).toEqual([]);
  });

  it('reads a drug named before an injection or a shot as the injection, not as a medication taken', () => {
    expect(priorKinds('Treatment has included a Kenalog injection to the hip and a home exercise program.')).toEqual(['home exercise program', 'injections']);
    expect(priorKinds('Treatment has included a Toradol injection at the clinic and physical therapy.')).toEqual(['injections', 'physical therapy']);
  });

  it('reads care taken back after "but" (declined, missed, never filled or delivered, not yet authorised) as not received', () => {
    expect(priorKinds('An epidural injection was offered in March, but he declined it. He takes ibuprofen.')).toEqual(['nsaids']);
    expect(priorKinds('Acupuncture was arranged for May, but she missed every visit. She takes ibuprofen.')).toEqual(['nsaids']);
    expect(priorKinds('Tramadol was prescribed in June, but she never filled it. She takes ibuprofen.')).toEqual(['nsaids']);
    expect(priorKinds('A TENS unit was ordered, but the vendor never delivered it. She takes ibuprofen.')).toEqual(['nsaids']);
    // Care received and then stopped, or followed by something else, was received.
    expect(priorKinds('She completed physical therapy, but she never returned to work.')).toEqual(['physical therapy']);
    expect(priorKinds('She completed physical therapy, but she did not attend the last two sessions.')).toEqual(['physical therapy']);
    // The care taken back must be the care named before "but", not other care ("declined the epidural injection").
    expect(priorKinds('Treatment has included physical therapy and ibuprofen, but the patient declined the epidural injection.')).toEqual(['nsaids', 'physical therapy']);
    expect(priorKinds('She was treated with physical therapy, but the surgeon has not yet scheduled the fusion.')).toEqual(['physical therapy']);
    expect(priorKinds('Gabapentin was tried, but she did not receive any benefit.')).toEqual(['medications']);
    expect(priorKinds('A TENS unit was initially denied, but it was then approved and delivered.')).toEqual(['tens']);
    expect(priorKinds('He turned down the lumbar fusion that was offered. He takes ibuprofen.')).toEqual(['nsaids']);
    expect(priorKinds('She underwent an open reduction and internal fixation of the wrist.')).toEqual(['surgery']);
  });

  it('knows orthoses, sympathetic blocks, arthrograms, a hospital stay and topical diclofenac by name', () => {
    expect(values(read('He was treated with a TLSO for eight weeks and a series of stellate ganglion sympathetic blocks.').priorTreatments).sort()).toEqual(['bracing/orthotics', 'injections']);
    expect(values(read('She was hospitalized for two days, and an MR arthrogram of the hip was obtained.').priorTreatments).sort()).toEqual(['diagnostic imaging', 'other']);
    expect(values(read('Treatment has included Pennsaid and hearing aids.').priorTreatments).sort()).toEqual(['other', 'topical medications']);
  });

  it('reads work with limits or reduced hours as activity modification, and a home walking or stretching program as a home exercise program', () => {
    expect(priorKinds('He returned to work with limitations on overhead lifting.')).toEqual(['activity modification/work restrictions']);
    expect(priorKinds('Treatment has included ibuprofen and reduced work hours.')).toEqual(['activity modification/work restrictions', 'nsaids']);
    expect(priorKinds('She has kept up a home stretching program since the spring.')).toEqual(['home exercise program']);
  });

  it('reads a device worn or used as care received, and one requested as not', () => {
    expect(values(read('After the fracture she wore a wrist splint for six weeks.').priorTreatments)).toEqual(['bracing/orthotics']);
    expect(values(read('He uses a single-point cane outdoors.').priorTreatments)).toEqual(['bracing/orthotics']);
    expect(values(read('The surgeon requested a shoulder sling.').priorTreatments)).toEqual([]);
    // A drug that "wore off" is no device worn: a cane asked for in the same sentence is not one used.
    expect(values(read('She asked for a cane because the ibuprofen wore off by noon.').priorTreatments)).not.toContain('bracing/orthotics');
  });

  it('classes a drug named as a topical by its topical class, not its oral one', () => {
    expect(values(read('Treatment has included a knee brace and topical ketoprofen.').priorTreatments).sort()).toEqual(['bracing/orthotics', 'topical medications']);
    expect(values(read('She has been using diclofenac 1% gel on the wrist.').priorTreatments)).toEqual(['topical medications']);
    expect(values(read('He takes diclofenac 75 mg twice a day and Norco.').priorTreatments).sort()).toEqual(['nsaids', 'opioids']);
  });

  it('keeps injections named by their own words beside an epidural, and drops the bare word', () => {
    expect(values(read('He has had lumbar epidural steroid injections and a cortisone injection to the right knee.').priorTreatments).sort()).toEqual(['epidural steroid injection', 'injections']);
    expect(values(read('Treatment has included injections, including two transforaminal epidural injections.').priorTreatments)).toEqual(['epidural steroid injection']);
    // One name read as two terms ("transforaminal epidural", then "steroid injection") is one injection.
    expect(values(read('She had a left L4 transforaminal epidural steroid injection in May.').priorTreatments)).toEqual(['epidural steroid injection']);
  });

  it('leaves out requested, scheduled but not attended, and refused care', () => {
    const text =
      'Care so far has included a home exercise program. The provider requested acupuncture for the neck. ' +
      'Physical therapy was scheduled, but the worker did not attend the sessions. The worker declined epidural injections.';
    expect(values(read(text).priorTreatments)).toEqual(['home exercise program']);
  });

  it('reads a variant name of a manual therapy and a misspelt NSAID', () => {
    const text = 'Treatment to date has included spinal manipulative therapy, soft tissue mobilization and medications including ibuprofin.';
    expect(values(read(text).priorTreatments)).toEqual(['nsaids', 'chiropractic', 'massage']);
  });
});

describe('mechanism and occupation', () => {
  it('gives no mechanism when it is unknown, an everyday activity, a treatment or a sensation', () => {
    for (const text of [
      'The mechanism of injury was not described in the records. He fell at home last year.',
      'The injured worker reported that the pain started while sitting at her desk.',
      'Her symptoms began after use of a new medication.',
      'The mechanism of injury is described as a sudden onset of pain in the back.',
    ]) {
      const r = read(text);
      expect([r.mechanism?.value ?? null, r.mechanismType], text).toEqual([null, null]);
    }
  });

  it('reads a slip and fall as a fall, and twisting to catch a falling object as twisting', () => {
    expect(read('The mechanism of injury is detailed as a slip and fall on a wet loading dock.').mechanismType).toBe('fall');
    expect(read('He injured his back when twisting to catch a falling box of files.').mechanismType).toBe('twisting/turning');
    expect(read('She sustained an injury when a stack of crates fell on her foot.').mechanismType).toBe('struck by/against');
  });

  it('gives no occupation for duties or a workplace, and the title when it is stated', () => {
    expect(read('Her usual and customary job duties include filing. She was injured while stocking shelves at a warehouse.').occupation).toBeNull();
    expect(read('He works as a delivery driver for a bakery.').occupation?.value).toBe('delivery driver');
  });

  it('reads the title after "employed by ... as", "listed as" and before "by trade", and no cue words with it', () => {
    expect(read('The injured worker is a 52-year-old female employed as a school custodian.').occupation?.value).toBe('school custodian');
    expect(read('This is a 30-year-old man who is employed by a moving company as a furniture mover.').occupation?.value).toBe('furniture mover');
    expect(read('His occupation is listed as plumber.').occupation?.value).toBe('plumber');
    expect(read('The applicant is a 44-year-old male, a stonemason by trade, who fell from a scaffold.').occupation?.value).toBe('stonemason');
    expect(read('The injured worker is a 33-year-old female retail associate.').occupation?.value).toBe('retail associate');
  });

  it('reads mechanisms told with other cues: involved in, injuries in, pain from, attributed to, after witnessing', () => {
    expect(mech('The applicant is a 40-year-old female who was involved in a rollover motor vehicle accident on 2/2/2016.')).toEqual(['rollover motor vehicle accident', 'motor vehicle']);
    expect(mech('He was involved in a physical altercation with a customer on 6/1/2016.')).toEqual(['physical altercation with a customer', 'assault']);
    expect(mech('She sustained injuries in an MVC on 4/4/2017 while driving to a meeting.')).toEqual(['mvc', 'motor vehicle']);
    expect(mech('He was hurt on 5/5/2016 while driving a delivery van, when the van collided with a parked trailer.')[1]).toBe('motor vehicle');
    expect(mech('The injured worker has bilateral elbow pain from repetitive gripping, with a date of injury of 1/1/2015.')).toEqual(['repetitive gripping', 'repetitive/cumulative trauma']);
    expect(mech('He attributes his neck pain to years of overhead drilling, with a date of injury of 3/3/2016.')).toEqual(['years of overhead drilling', 'repetitive/cumulative trauma']);
    expect(mech('She developed panic attacks after witnessing a shooting in the parking lot on 5/5/2016.')).toEqual(['witnessing a shooting in the parking lot', 'other']);
  });

  it('reads a mechanism said as the claim\'s cause, a labelled mechanism, a person who fell, or the kind named before "injury"', () => {
    expect(mech('Her claim dated 3/3/2016 arises from repetitive keyboarding in her office duties.')[1]).toBe('repetitive/cumulative trauma');
    expect(mech('Her claim dates from 4/4/2016, the injury being attributed to repetitive gripping.')).toEqual(['repetitive gripping', 'repetitive/cumulative trauma']);
    expect(mech('Claim dated 5/5/2016; the mechanism is described as a fall from a step stool.')[1]).toBe('fall');
    expect(mech('A 52-year-old woman fell at work on 6/6/2016, striking her hip.')[1]).toBe('fall');
    expect(mech('Man, now 44; occupational lifting injury, claim dated 7/7/2016.')).toEqual(['lifting', 'lifting']);
    expect(mech('The injury occurring while she restrained an agitated resident, on 8/8/2016.')[1]).toBe('other');
  });

  it('reads no assault into a steroid shot', () => {
    expect(mech('She was injured at work on 9/9/2016. Pain persisted despite a steroid shot to the hip.')).toEqual([null, null]);
  });

  it('reads cumulative trauma named as such, an event told after a date, and a thing as the subject', () => {
    expect(mech('The injured worker is a 48-year-old male with a cumulative trauma injury through 6/30/2015.')).toEqual(['cumulative trauma', 'repetitive/cumulative trauma']);
    expect(mech('The applicant is a 51-year-old clerk. On 2/2/2017, a pallet jack ran over her left foot.')).toEqual(['pallet jack ran over her left foot', 'struck by/against']);
    expect(mech('The applicant is a 30-year-old deputy. On 7/7/2016, another car struck his cruiser broadside.')).toEqual(['another car struck his cruiser broadside', 'motor vehicle']);
  });

  it('ends a mechanism before its circumstances, a date range or "at work", and keeps the event over a task that set it', () => {
    expect(mech('He was injured on 1/5/2016 when he was rear-ended by a bus while waiting at a red light near the depot.')).toEqual(['rear-ended by a bus', 'motor vehicle']);
    expect(mech('She was injured on 3/3/2016 while carrying a tray, when she slipped on spilled ice and fell onto her left hip.')).toEqual(['slipped on spilled ice and fell', 'fall']);
    expect(mech('On 9/9/2016, while pushing a cart, he tripped over a hose and fell forward onto both hands.')).toEqual(['tripped over a hose and fell forward', 'fall']);
    expect(mech('The injured worker alleges hearing loss from exposure to loud compressor noise at work, with a date of injury of 7/1/2016.')).toEqual(['exposure to loud compressor noise', 'other']);
    // A loading dock is a place, not lifting.
    expect(mech('He was injured on 4/4/2016 when a pallet struck him on the loading dock.')).toEqual(['pallet struck him on the loading dock', 'struck by/against']);
  });

  it('cuts a mechanism of more than eight words at a word boundary of its phrases, not inside a noun phrase', () => {
    expect(mech('He was injured on 2/2/2016 when he twisted his right ankle climbing off a parked delivery truck onto the curb.')).toEqual(['twisted his right ankle', 'twisting/turning']);
    expect(mech('She was injured on 6/6/2016 while lifting a crate of canned goods onto the top shelf.')).toEqual(['lifting a crate of canned goods', 'lifting']);
    expect(mech('The mechanism of injury is described as restraining an agitated patient in a crowded hallway of the ward.')).toEqual(['restraining an agitated patient in a crowded hallway', 'other']);
  });

  it("gives no occupation for a relative's job or a former one", () => {
    expect(read('She lives with her son, who works as a forklift operator.').occupation).toBeNull();
    expect(read('He had worked as a carpenter for ten years before his current employment.').occupation).toBeNull();
    expect(read('She was formerly employed as a bank teller.').occupation).toBeNull();
  });

  it('reads a title set off after the worker named ("The claimant, a welder, ...") only when it ends in a job', () => {
    expect(read('The claimant, a welder, is a 44 year old male injured on 2/3/2015.').occupation?.value).toBe('welder');
    expect(read('The claimant, a resident of Fresno, is a 44 year old male injured on 2/3/2015.').occupation).toBeNull();
  });

  it('reads the cause of symptoms that developed or are attributed to it, an onset felt, and a vehicle that sideswiped or broadsided', () => {
    expect(mech('She is a 52 year old clerk. She developed bilateral wrist pain from repetitive scanning of groceries.')).toEqual(['repetitive scanning of groceries', 'repetitive/cumulative trauma']);
    expect(mech('He is a 60 year old press operator. He reports worsening hearing loss due to exposure to loud stamping presses.')).toEqual(['exposure to loud stamping presses', 'other']);
    expect(mech('She felt a pull in her neck on 4/2/2016 while bending forward to lift a bin lid.')).toEqual(['bending forward to lift a bin lid', 'other']);
    expect(mech('The worker was injured on 3/9/2016 when a van broadsided his patrol car.')).toEqual(['van broadsided his patrol car', 'motor vehicle']);
    // A task set by a clause of its own is not the event that follows it.
    expect(mech('He was injured on 3/9/2016 while driving a tractor, when the tractor collided with a fence post.')).toEqual(['tractor collided with a fence post', 'motor vehicle']);
  });

  it('reads events of no other type told by their own words: a needle stick, an animal bite, a splash, stress at work', () => {
    expect(mech('She reported that she was stuck with a needle on 3/3/2016 while starting an IV.')).toEqual(['stuck with a needle', 'other']);
    expect(mech('A 44-year-old meter reader was bitten by a dog on 5/5/2015.')).toEqual(['bitten by a dog', 'other']);
    expect(mech('He sustained burns to the left hand on 1/9/2017 when boiling water splashed onto him.')).toEqual(['boiling water splashed onto him', 'other']);
    expect(mech('The applicant attributes her insomnia, anxiety and headaches to workload and stress at work.')).toEqual(['workload and stress', 'other']);
    // A setting is no event.
    expect(mech('She was seen at the clinic, where she was exposed to nothing new.')[0]).not.toBe('clinic');
  });

  it('reads what was witnessed as no event of the worker, and a rollover as a vehicle event', () => {
    expect(mech('He developed nightmares after witnessing a coworker fall from a roof on 6/1/2016.')).toEqual(['witnessing a coworker fall from a roof', 'other']);
    expect(mech('The mechanism of injury was a rollover of a delivery van.')).toEqual(['rollover of a delivery van', 'motor vehicle']);
  });

  it('reads the event the first sentence tells after "when", and an activity interrupted by an event as the event', () => {
    expect(mech('A 31-year-old woman was restocking a cooler on 2/2/2016 when a case of milk toppled onto her foot.')).toEqual(['case of milk toppled onto her foot', 'struck by/against']);
    expect(mech('A 55 year old man was carrying lumber across a yard on 2/2/2016 when he tripped over a hose and fell.')).toEqual(['tripped over a hose and fell', 'fall']);
    // After "while" comes the task, not the event.
    expect(mech('A 45-year-old man twisted his knee while turning to reach a shelf.')).toEqual(['twisted his knee while turning', 'twisting/turning']);
  });

  it('reads cumulative trauma named after "a claim for" or "alleges", and an onset of pain felt', () => {
    expect(mech('She filed a claim for cumulative trauma to both hands.')).toEqual(['cumulative trauma', 'repetitive/cumulative trauma']);
    expect(mech('He alleges continuous trauma to the low back through 2016.')).toEqual(['continuous trauma', 'repetitive/cumulative trauma']);
    expect(mech('She felt a sharp pain in her back when she bent over to lift a tray.')).toEqual(['bent over to lift a tray', 'other']);
  });

  it('reads a title after "who is a" or "has been a", not a relative\'s, and not a job held long ago', () => {
    expect(read('The applicant is a 46-year-old woman who is a bus driver for the county.').occupation?.value).toBe('bus driver');
    expect(read('She has been a legal assistant for 12 years.').occupation?.value).toBe('legal assistant');
    expect(read('She lives with her son, who is a firefighter.').occupation).toBeNull();
    expect(read('He worked as a roofer in his twenties and has not worked since 2010.').occupation).toBeNull();
    expect(read('She is a nurse who was injured two years ago while lifting a patient.').occupation?.value).toBe('nurse');
  });

  it('reads a thing that slipped onto the worker as striking, and a worker who slipped as falling', () => {
    expect(mech('He was injured on 8/1/2015 when a steel plate slipped onto his hand.')).toEqual(['steel plate slipped onto his hand', 'struck by/against']);
    expect(mech('He was injured on 8/1/2015 when he slipped on spilled oil.')).toEqual(['slipped on spilled oil', 'fall']);
    expect(mech('He was injured when his foot slipped off a ladder rung and he fell to the ground.')[1]).toBe('fall');
  });

  it('reads a title after the age without a word for sex, only where it ends in a job noun', () => {
    expect(read('The claimant is a 41-year-old bus mechanic who hurt his shoulder.').occupation?.value).toBe('bus mechanic');
    expect(read('This 29-year-old line cook burned her hand on a grill.').occupation?.value).toBe('line cook');
    expect(read('The claimant is a 41-year-old man who hurt his shoulder.').occupation).toBeNull();
    expect(read('The claimant is a 41-year-old with shoulder pain.').occupation).toBeNull();
    expect(read('She is a 37 y/o left-hand-dominant female welder.').occupation?.value).toBe('welder');
    expect(read('He is a 58 yo overweight Portuguese-speaking male mason.').occupation?.value).toBe('mason');
    expect(read('He is a 58-year-old right-handed man.').occupation).toBeNull();
  });

  it('reads the event past a date put between the injury and its telling', () => {
    expect(mech('A 33-year-old stocker strained his back on 2/9/2016 pulling a loaded pallet jack.')).toEqual(['pulling a loaded pallet jack', 'lifting']);
    expect(mech('The claimant is a courier who was injured on 11/3/2015 in a head-on collision.')).toEqual(['head-on collision', 'motor vehicle']);
  });

  it('reads more ways of telling the event: the body part hurt while, the result of, sustained, a thing of things falling, shocks, cuts and stress claims', () => {
    const intro = 'The injured worker is a 39-year-old female who sustained an industrial injury on 2/2/2016. ';
    expect(mech(intro + 'She strained her right shoulder while hanging drywall.')).toEqual(['hanging drywall', 'other']);
    expect(mech(intro + 'Her injury was the result of a slip on a greasy floor.')).toEqual(['slip on a greasy floor', 'fall']);
    expect(mech(intro + 'She sustained an electric shock from a frayed cord.')[1]).toBe('other');
    expect(mech(intro + 'A stack of trays fell onto her.')[1]).toBe('struck by/against');
    expect(mech(intro + 'She lacerated her palm on a box cutter.')[1]).toBe('struck by/against');
    expect(mech(intro + 'She filed a stress claim after a reorganisation.')[1]).toBe('other');
  });

  it('reads no mechanism in the activities that make pain worse, nor in work named by its place or role', () => {
    expect(mech('Her neck pain is aggravated by reaching, lifting and turning.')).toEqual([null, null]);
    expect(mech('He was hurt while working at a warehouse.')).toEqual([null, null]);
  });

  it('reads a blow, a push or a wrenching by a person the worker deals with as an assault', () => {
    expect(mech('She is a teacher who was kicked in the shin by a student.')[1]).toBe('assault');
    expect(mech('He is an officer who was shoved against a door by an inmate.')[1]).toBe('assault');
    expect(mech('A resident grabbed her wrist and twisted it.')[1]).toBe('assault');
    expect(mech('She was struck by a patient\'s bed rail.')[1]).toBe('struck by/against');
    expect(mech('She injured her back while lifting a patient.')[1]).toBe('lifting');
  });

  it('reads the event told right after a long apposition naming the worker', () => {
    const [phrase, type] = mech('The applicant, a 52-year-old hospital laundry aide, tripped over a hose and struck her hip on a dryer.');
    expect(phrase).toMatch(/^tripped over a hose/);
    expect(type).toBe('fall');
    expect(mech('The patient, a 44-year-old school custodian, slipped on a wet floor on 9/9/2015 and landed on her right knee.')).toEqual(['slipped on a wet floor', 'fall']);
  });
});

describe('diagnoses', () => {
  it('keeps a diagnosis whose sites are listed with commas whole, and splits separate conditions joined by "and"', () => {
    const r = read('He is being treated for contusion of the chest, abdomen and left hip, and lumbar strain and anxiety disorder.');
    expect(values(r.diagnoses)).toEqual(['contusion of the chest, abdomen and left hip', 'lumbar strain', 'anxiety disorder']);
    const s = read('Diagnoses include tendinitis and bursitis of the right shoulder, depression and insomnia.');
    expect(values(s.diagnoses)).toEqual(['tendinitis and bursitis of the right shoulder', 'depression', 'insomnia']);
  });

  it('reads a numbered list that follows a colon, and a list of semicolons with its commas kept inside each item', () => {
    expect(values(read('Diagnoses include: 1) partial tear of the left rotator cuff; 2) left shoulder bursitis.').diagnoses)).toEqual(['partial tear of the left rotator cuff', 'left shoulder bursitis']);
    expect(values(read('She is being treated for persistent depressive disorder, early onset, mild; panic disorder; and migraine.').diagnoses)).toEqual(['persistent depressive disorder, early onset, mild', 'panic disorder', 'migraine']);
    // One semicolon does not make a list of semicolons.
    expect(values(read('Diagnoses: lumbar strain, GERD, insomnia; depression.').diagnoses)).toEqual(['lumbar strain', 'gerd', 'insomnia', 'depression']);
  });

  it('drops the joining "and" and a mechanism from a numbered item, and reads "-dynia" as a condition', () => {
    expect(values(read('Diagnoses are 1) lumbago, 2) sprain of left wrist status post trip and fall, 3) left wrist tenosynovitis and 4) lumbago.').diagnoses)).toEqual(['lumbago', 'sprain of left wrist', 'left wrist tenosynovitis']);
    expect(values(read('Diagnoses include lumbar strain, coccydynia, and right hip bursitis.').diagnoses)).toEqual(['lumbar strain', 'coccydynia', 'right hip bursitis']);
    // A surgery named after "status post" is a diagnosis of its own, not a mechanism.
    expect(values(read('Diagnoses are 1) knee pain and 2) status post left knee arthroscopy.').diagnoses)).toEqual(['knee pain', 'status post left knee arthroscopy']);
  });

  it('drops a mechanism that follows the diagnosis', () => {
    expect(values(read('The worker was diagnosed with a wrist sprain secondary to a fall from a step stool.').diagnoses)).toEqual(['wrist sprain']);
  });

  it('reads a numbered list item by item, across the sentences its items end, without the numbers', () => {
    const r = read('Diagnoses: 1) Left De Quervain tenosynovitis. 2) Status post left first dorsal compartment release. 3) Left wrist sprain, subsequent encounter. She has had therapy.');
    expect(values(r.diagnoses)).toEqual(['left de quervain tenosynovitis', 'status post left first dorsal compartment release', 'left wrist sprain, subsequent encounter']);
    const t = read('The diagnoses are: 1. Cervical radiculopathy; 2. Post-concussion syndrome (resolved). Treatment has included PT.');
    expect(values(t.diagnoses)).toEqual(['cervical radiculopathy', 'post-concussion syndrome (resolved)']);
  });

  it('leaves out a region named only in what is denied, and reads regions hurt, twisted or crushed and mood complaints', () => {
    expect(regions('She has right knee pain. She denies hip pain.')).toEqual(['knee']);
    expect(regions('He has shoulder pain and no wrist pain.')).toEqual(['shoulder']);
    expect(regions('She twisted her left knee stepping off a loading dock.')).toEqual(['knee']);
    expect(regions('His thumb was crushed in a door.')).toEqual(['forearm/wrist/hand']);
    expect(regions('She now reports anxiety and poor sleep.')).toEqual(['psyche']);
    // Body words that name no body part: a PTSD checklist, a job, a collision.
    expect(regions('His PCL-5 score was 41 and he reports depression.')).toEqual(['psyche']);
    expect(regions('The applicant is a head cook with wrist pain after a head-on collision.')).toEqual(['forearm/wrist/hand']);
  });

  it('leaves out a region named only in what a clause states normal', () => {
    expect(regions('He reports low back pain with numbness in the leg. Bowel and bladder function are normal.')).toEqual(['lumbar spine']);
    expect(regions('She complains of wrist pain, and her elbow motion is intact.')).toEqual(['forearm/wrist/hand']);
    expect(regions('She complains of wrist pain and elbow pain.')).toEqual(['elbow', 'forearm/wrist/hand']);
  });

  it('reads a foot drop or wrist drop as a sign of nerve injury, not an injured foot or wrist', () => {
    expect(regions('He complains of low back pain and has developed a left foot drop.')).toEqual(['lumbar spine']);
    expect(regions('She complains of neck pain and a wrist drop after the injury.')).toEqual(['cervical spine']);
  });

  it('reads the body regions a numbered diagnosis list names, though its items are sentences of their own', () => {
    expect(values(read('Diagnoses: 1. Thoracic disc bulge. 2. Right ankle osteochondral lesion. She has had therapy.').bodyRegions).sort()).toEqual(['ankle/foot', 'thoracic spine']);
  });

  it('reads more lead-ins, and ends the list where a clause of what followed begins', () => {
    expect(dx('He was diagnosed with an ankle sprain and was fitted with a boot.')).toEqual(['ankle sprain']);
    expect(dx('The diagnoses were as follows: right elbow epicondylitis, cervical strain.')).toEqual(['right elbow epicondylitis', 'cervical strain']);
    expect(dx('Her diagnoses consist of thoracic strain and insomnia.')).toEqual(['thoracic strain', 'insomnia']);
    expect(dx('The orthopedist diagnosed him with trigger finger.')).toEqual(['trigger finger']);
    expect(dx('Diagnoses were listed to be chronic neck pain.')).toEqual(['chronic neck pain']);
  });

  it('keeps a coded diagnosis\'s comma-set qualifiers with it, and splits off a diagnosis named by its abbreviation', () => {
    expect(dx('Diagnoses include bipolar disorder, in partial remission, and panic disorder.')).toEqual(['bipolar disorder, in partial remission', 'panic disorder']);
    expect(dx('Diagnoses include migraine, intractable, and cervical strain.')).toEqual(['migraine, intractable', 'cervical strain']);
    expect(dx('She is being treated for lumbar strain and CRPS.')).toEqual(['lumbar strain', 'crps']);
  });

  it('ends a "status post" item at its procedure before "and" and a diagnosis, but not inside a procedure\'s name', () => {
    expect(dx('Diagnoses include s/p right shoulder arthroscopy and cervical strain.')).toEqual(['s/p right shoulder arthroscopy', 'cervical strain']);
    expect(dx('Diagnoses include status post closed reduction and pinning of a wrist fracture.')).toEqual(['status post closed reduction and pinning of a wrist fracture']);
  });

  it('keeps the bracket that closes a diagnosis\'s side or code', () => {
    expect(values(read('Diagnoses include cervical strain (right), thumb sprain (S63.601A) and insomnia.').diagnoses)).toEqual(['cervical strain (right)', 'thumb sprain (s63.601a)', 'insomnia']);
  });

  it('keeps the diagnoses after one whose name holds a "without", and reads dependence as a diagnosis', () => {
    expect(values(read('Diagnoses included cervical disc displacement without myelopathy, headaches, and alcohol dependence.').diagnoses)).toEqual([
      'cervical disc displacement without myelopathy',
      'headaches',
      'alcohol dependence',
    ]);
  });

  it('splits separate conditions whose heads are loss, cough or disturbance', () => {
    expect(values(read('Diagnoses include noise-induced hearing loss and tinnitus.').diagnoses)).toEqual(['noise-induced hearing loss', 'tinnitus']);
    expect(values(read('She is being treated for occupational asthma and chronic cough.').diagnoses)).toEqual(['occupational asthma', 'chronic cough']);
    expect(values(read('Diagnoses include lumbar radiculopathy and sleep disturbance.').diagnoses)).toEqual(['lumbar radiculopathy', 'sleep disturbance']);
  });
});

describe('body regions', () => {
  it('reads difficulty swallowing as a complaint outside the musculoskeletal regions, and a hand tool as no hand', () => {
    expect(values(read('He reported neck soreness and difficulty swallowing after the fusion.').bodyRegions)).toEqual(['cervical spine', 'internal/other']);
    expect(values(read('She developed elbow pain from daily use of hand tools.').bodyRegions)).toEqual(['elbow']);
  });

  it('gives a labral tear of the hip the hip, not the shoulder a labrum alone names', () => {
    expect(values(read('She is being treated for a possible left hip labral tear.').bodyRegions)).toEqual(['hip/pelvis']);
    expect(values(read('He is being treated for a superior labral tear.').bodyRegions)).toEqual(['shoulder']);
  });

  it('maps airway complaints to internal/other and a depressed mood to psyche', () => {
    expect(values(read('He is being treated for irritant-induced asthma with a persistent cough.').bodyRegions)).toEqual(['internal/other']);
    expect(values(read('She complained of neck pain and a depressed mood since the injury.').bodyRegions)).toEqual(['cervical spine', 'psyche']);
  });

  it('names no region where pain travels or spreads, as it names none where it radiates', () => {
    expect(values(read('He has low back pain that travels into the left calf.').bodyRegions)).toEqual(['lumbar spine']);
    expect(values(read('Her neck pain did not spread past the shoulders.').bodyRegions)).toEqual(['cervical spine']);
  });
});

describe('spans', () => {
  it('cover whole words in every field', () => {
    const text =
      'The applicant is a 40-year-old warehouse worker who slipped on ice. Diagnoses are cervical strain and left knee contusion. ' +
      'Treatment to date has included naproxen, physical therapy and a knee brace. He denies numbness of the hands. ' +
      'On 11/02/2016, utilization review non-certified the request for an MRI.';
    const r = read(text);
    wholeWords(text, [r.mechanism!.span, ...r.bodyRegions.map((f) => f.span), ...r.diagnoses.map((f) => f.span), ...r.priorTreatments.map((f) => f.span), ...r.negated.map((f) => f.span), r.urAction!.span, r.urActionDate!.span]);
  });
});
