/**
 * ConText-style assertion status (lexicons/context.json): scope up to a
 * terminator or a clause mark, pseudo-triggers, requested against received
 * care (each sentence written for this test).
 */
import { describe, expect, it } from 'vitest';
import { assertStatuses, negatedPhrases, phraseKey } from '../../src/core/extract/assertions.js';

/** The status of the first occurrence of `mention` in `text`. */
function status(text: string, mention: string): string {
  const at = text.indexOf(mention);
  return assertStatuses(text, { start: 0, end: text.length }, [{ start: at, end: at + mention.length }])[0]!;
}

describe('assertion status', () => {
  it('tells care received from care requested, planned, referred or authorised', () => {
    expect(status('Treatment to date has included acupuncture and medications.', 'acupuncture')).toBe('historical');
    expect(status('The plan is for a trial of acupuncture.', 'acupuncture')).toBe('hypothetical');
    expect(status('A physical therapy referral was made in May.', 'physical therapy')).toBe('hypothetical');
    expect(status('Chiropractic care for 4 visits was authorized by the claims administrator.', 'Chiropractic care')).toBe('hypothetical');
    expect(status('The following test was requested: an MRI of the wrist.', 'MRI')).toBe('hypothetical');
  });

  it('reads care that is to be continued or stopped as care already received, whatever the plan', () => {
    expect(status('The plan is to discontinue gabapentin and start a TENS trial.', 'gabapentin')).toBe('historical');
    expect(status('The plan is to discontinue gabapentin and start a TENS trial.', 'TENS')).toBe('hypothetical');
  });

  it('stops a trigger at a clause mark but passes over an aside in brackets', () => {
    expect(status('The plan included a cane (for balance) and acupuncture.', 'acupuncture')).toBe('hypothetical');
    expect(status('Treatment included massage (without any change in function) and a home exercise program.', 'home exercise program')).toBe('historical');
  });

  it('reads a "without" that compares as no negation: care the patient receives', () => {
    expect(status('Her pain is 3/10 with Tramadol and 7/10 without Tramadol.', 'Tramadol and')).not.toBe('negated');
    expect(status('He walks farther with the walker than without the walker.', 'walker than')).not.toBe('negated');
    expect(status('She cannot sleep without zolpidem.', 'zolpidem')).not.toBe('negated');
    expect(status('The fracture healed without surgery.', 'surgery')).toBe('negated');
  });

  it('reads a sentence-opening "without" before what would follow as a condition: the care is neither absent nor received', () => {
    expect(status('Without injections, her symptoms would likely progress.', 'injections')).toBe('hypothetical');
    expect(status('Without surgery, he is at risk of further collapse.', 'surgery')).toBe('hypothetical');
    expect(status('Without physical therapy the patient will not improve.', 'physical therapy')).toBe('hypothetical');
    expect(status('Without physical therapy, the knee was stiff for months.', 'physical therapy')).toBe('negated');
  });

  it('does not negate through a pseudo-trigger', () => {
    expect(status('The request for physical therapy was not medically necessary.', 'physical therapy')).toBe('hypothetical');
    expect(status('He has had no improvement with injections.', 'injections')).not.toBe('negated');
  });
});

describe('negated phrases', () => {
  const neg = (text: string) => negatedPhrases(text, { start: 0, end: text.length }).map((n) => n.value);

  it('ends at a verb, a relative or a purpose clause, and keeps what is absent', () => {
    expect(neg('There was no joint effusion noted over the knee.')).toEqual(['joint effusion']);
    expect(neg('There was no documentation of muscle spasm to support a muscle relaxant.')).toEqual(['muscle spasm']);
  });

  it('reads a test or finding stated negative, before or after it', () => {
    expect(neg('Phalen and Finkelstein tests were negative.')).toEqual(['phalen and finkelstein tests']);
    expect(neg('Examination showed a negative Spurling maneuver.')).toEqual(['spurling maneuver']);
    expect(neg('X-rays of the hand were negative for fracture.')).toEqual(['fracture']);
  });

  it('does not count judgements of care, work status or administrative absences', () => {
    expect(neg('There was no evidence the patient failed conservative care and no objective functional improvement.')).toEqual([]);
    expect(neg('He has not returned to work and has no restrictions.')).toEqual([]);
    expect(neg('Progress notes from the surgeon were not provided.')).toEqual([]);
  });

  it('ignores a patient\'s own words in quotation marks', () => {
    expect(neg('On the questionnaire she wrote "I have no energy and no hope."')).toEqual([]);
  });

  it('drops trailing places and times, but not a body-region term that is a finding', () => {
    expect(neg('She denied chest pain or shortness of breath.')).toEqual(['chest pain', 'shortness of breath']);
    expect(neg('He has not had an epidural steroid injection in the past year.')).toEqual(['epidural steroid injection']);
    expect(neg('She has not had any physical therapy for the knee.')).toEqual(['physical therapy']);
    expect(neg('There was no joint line tenderness medially or laterally.')).toEqual(['joint line tenderness']);
    expect(neg('An MRI of the neck dated 03/14/2016 was negative.')).toEqual(['mri']);
  });

  it('drops the examination or test a finding was looked for in', () => {
    expect(neg('There were no acute findings on the x-ray.')).toEqual(['acute findings']);
    expect(neg('No abnormal findings were seen on the neurological examination.')).toEqual(['abnormal findings']);
  });

  it('drops a hedge before "of" but keeps a need before "for" as a judgement of the request', () => {
    expect(neg('There were no objective signs of radiculopathy and no clinical signs of instability.')).toEqual(['radiculopathy', 'instability']);
    expect(neg('There were no signs or symptoms of infection.')).toEqual(['infection']);
    expect(neg('There was no indication for a repeat MRI.')).toEqual([]);
    expect(neg('There was no clear indication for ongoing opioid therapy.')).toEqual([]);
  });

  it('names what is absent by the words before its first preposition', () => {
    expect(neg('The patient has no insurance coverage for the medication.')).toEqual([]);
    expect(neg('There was no mention of the frequency of the sessions.')).toEqual([]);
  });

  it('keeps a term whose words would otherwise say nothing clinical', () => {
    expect(neg('No trigger points were palpated.')).toEqual(['trigger points']);
    expect(neg('He denies bowel or bladder incontinence.')).toEqual(['bowel or bladder incontinence']);
  });

  it('reads "plan" and "intent" as findings only about harm to self or others', () => {
    expect(neg('He denied suicidal ideation, intent or plan.')).toEqual(['suicidal ideation', 'intent', 'plan']);
    expect(neg('The request was denied because no plan for tapering was documented.')).toEqual([]);
  });

  it('ends a list of what is absent at a finding said to be present or normal, after "and" but not after "or"', () => {
    expect(neg('Neurological examination revealed no sensory deficits and normal reflexes.')).toEqual(['sensory deficits']);
    expect(neg('There was tenderness without spasm, and range of motion was decreased.')).toEqual(['spasm']);
    expect(neg('The knee was not swollen or tender.')).toEqual(['swollen', 'tender']);
  });

  it('continues a place joined by "or" ("on varus or valgus stress") instead of listing it', () => {
    expect(neg('There was no evidence of instability on varus or valgus stress testing.')).toEqual(['instability']);
  });

  it('reads an administrative absence as none', () => {
    expect(neg('No diagnostic studies were submitted for review.')).toEqual([]);
    expect(neg('There was no treatment plan provided.')).toEqual([]);
    expect(neg('No physical therapy was recommended.')).toEqual([]);
    expect(neg('The injured worker did not undergo the recommended surgery.')).toEqual(['recommended surgery']);
  });

  it('passes over the verb and adverbs after a negation, and reads a participle before a finding as its modifier', () => {
    expect(neg('The patient is not currently taking any opioid medications.')).toEqual(['opioid medications']);
    expect(neg('He no longer uses a cane.')).toEqual(['cane']);
    expect(neg('The provider did not mention any neurological deficits.')).toEqual(['neurological deficits']);
    expect(neg('The pain does not radiate.')).toEqual([]);
    expect(neg('He didn\'t have any swelling.')).toEqual(['swelling']);
    expect(neg('The injured worker denies any radiating pain.')).toEqual(['radiating pain']);
    expect(neg('There was no pain radiating to the legs.')).toEqual(['pain']);
    expect(neg('The patient is not taking NSAIDs due to stomach upset.')).toEqual(['nsaids']);
  });

  it('reads a test or treatment stated as not done, after it or in a clause', () => {
    expect(neg('An MRI has not been performed.')).toEqual(['mri']);
    expect(neg('Physical therapy has not been completed.')).toEqual(['physical therapy']);
    expect(neg('There is no documentation that the injured worker has had an MRI.')).toEqual(['mri']);
    expect(neg('There is no documentation that the patient has failed conservative care.')).toEqual([]);
  });

  it('ends a comma list at a conjunct said to be present: a severity, a measure or a clause of its own', () => {
    expect(neg('The wrist showed no swelling, decreased grip and a positive Phalen test.')).toEqual(['swelling']);
    expect(neg('There was no atrophy, reflexes 1+ at the knees.')).toEqual(['atrophy']);
    expect(neg('He has no leg symptoms, and imaging showing a protrusion at L4-5.')).toEqual(['leg symptoms']);
    expect(neg('There was no swelling, tenderness or warmth.')).toEqual(['swelling', 'tenderness', 'warmth']);
  });

  it('ends a list at a conjunct that names nothing, and reads an unknown plural as an item, not a modifier', () => {
    expect(neg('There was no drug screen, signed agreement or MRI in the file.')).toEqual(['drug screen']);
    expect(neg('The spine had no kinks or deformities.')).toEqual(['deformities']);
    expect(neg('The spine had no step-offs or deformities.')).toEqual(['step-offs', 'deformities']);
    expect(neg('There was no hip and lumbar x-ray.')).toEqual(['hip and lumbar x-ray']);
  });

  it('ends a phrase at a participle that opens a clause, a purpose clause or a dangling preposition', () => {
    expect(neg('There was no swelling involving the elbow.')).toEqual(['swelling']);
    expect(neg('There were no findings indicating nerve compression.')).toEqual(['findings']);
    expect(neg('There were no aberrant drug-related behaviors.')).toEqual(['aberrant drug-related behaviors']);
    expect(neg('A drug screen to check adherence was not documented.')).toEqual(['drug screen']);
    expect(neg('She was not using a brace at that point.')).toEqual(['brace']);
  });

  it('drops a trailing place named by its last word, and a cause after "from"', () => {
    expect(neg('There was no numbness in the left little finger.')).toEqual(['numbness']);
    expect(neg('There was no swelling over the first dorsal compartment.')).toEqual(['swelling']);
    expect(neg('She reported no side effects from the tramadol.')).toEqual(['side effects']);
    expect(neg('There was no loss of sensation.')).toEqual(['loss of sensation']);
  });

  it('takes no word for a target because it shares a target\'s stem ("medical" and "medication")', () => {
    expect(neg('There was no significant past medical history.')).toEqual([]);
    expect(neg('He has no memories of the accident.')).toEqual([]);
    expect(neg('He has not needed a medical assistant at home.')).toEqual([]);
    expect(neg('There is no medical evidence of radiculopathy.')).toEqual(['radiculopathy']);
    expect(neg('She takes no medication at present.')).toEqual(['medication']);
  });

  it('reads a drug named as an item of a negated list, and care that protects the stomach, as absent', () => {
    expect(neg('He takes no warfarin or prednisone.')).toEqual(['warfarin', 'prednisone']);
    expect(neg('She uses no steroid, naproxen or anticoagulant.')).toEqual(['steroid', 'naproxen', 'anticoagulant']);
    expect(neg('He has used ibuprofen daily without gastric protection.')).toEqual(['gastric protection']);
    // A drug inside a clause joined to the list is no item of it.
    expect(neg('She denied leg numbness and said the extended-release oxycodone lasted until evening.')).toEqual(['leg numbness']);
  });

  it('keeps a limitation of motion whole: the motion is what is limited, the limitation what is absent', () => {
    expect(neg('Examination of the neck showed no limitation of motion.')).toEqual(['limitation of motion']);
    expect(neg('There was no loss of motion at the left elbow.')).toEqual(['loss of motion']);
    expect(neg('He was returned to regular work with no limitations.')).toEqual([]);
  });

  it('reads a post-trigger back through places joined by "and"', () => {
    expect(neg('Tinel\'s sign at the wrist and elbow was negative.')).toEqual(['tinel\'s sign']);
  });

  it('does not negate a finding not ruled out, hedged, or said of only some', () => {
    expect(neg('A meniscal tear has not been ruled out.')).toEqual([]);
    expect(neg('He reports little to no swelling.')).toEqual([]);
    expect(neg('Not all of her symptoms have settled.')).toEqual([]);
    expect(neg('The MRI showed no significant interval change.')).toEqual([]);
    expect(neg('A knee injection with or without ultrasound guidance was requested.')).toEqual([]);
    expect(neg('She has cut down her tramadol without any increase in pain.')).toEqual([]);
  });

  it('stops a scope at another negation, a pseudo-trigger included', () => {
    expect(neg('There were no pain levels with and without the cream.')).toEqual([]);
  });

  it('reads "neither ... nor" as two negations', () => {
    expect(neg('Neither clonus nor spasticity was found.')).toEqual(['clonus', 'spasticity']);
  });

  it('does not count attributes, agreements or work status as absent findings', () => {
    expect(neg('No pain scores were recorded for the visit.')).toEqual([]);
    expect(neg('There was no mention of the duration of the headaches.')).toEqual([]);
    expect(neg('There is no opioid contract on file.')).toEqual([]);
    expect(neg('He is not on modified duty.')).toEqual([]);
    expect(neg('She is able to stand without assistance.')).toEqual([]);
  });

  it('reads a passive denial as a decision about the patient, not the patient\'s denial', () => {
    expect(neg('She was recently denied acupuncture.')).toEqual([]);
    expect(neg('She recently denied numbness.')).toEqual(['numbness']);
    expect(neg('She is denying numbness.')).toEqual(['numbness']);
  });

  it('reads "negative" before a test as its result, and before anything else as a judgement', () => {
    expect(neg('There was negative Hawkins testing on the right.')).toEqual(['hawkins testing']);
    expect(neg('The Hawkins test was negative both in sitting and standing.')).toEqual(['hawkins test']);
    expect(neg('He voiced negative beliefs about recovery and a negative mood.')).toEqual([]);
  });

  it('knows drug classes and psychomotor signs', () => {
    expect(neg('She has not tried anticonvulsants.')).toEqual(['anticonvulsants']);
    expect(neg('There was no psychomotor agitation.')).toEqual(['psychomotor agitation']);
  });

  it('knows signs of imaging, reflexes, hernias and psychiatric examination', () => {
    expect(neg('The CT showed no retropulsion.')).toEqual(['retropulsion']);
    expect(neg('Ankle jerks were absent.')).toEqual(['ankle jerks']);
    expect(neg('There was no flexion contracture or incarceration.')).toEqual(['flexion contracture', 'incarceration']);
    expect(neg('No psychotic features were observed.')).toEqual(['psychotic features']);
    expect(neg('No hardware failure was seen.')).toEqual(['hardware failure']);
    expect(neg('He declined a spinal cord stimulator trial.')).toEqual(['spinal cord stimulator trial']);
  });

  it('reads a rating\'s "without" before a symptom as a negation, before care as a comparison', () => {
    expect(neg('Her neck pain is 6/10 without radiation.')).toEqual(['radiation']);
    expect(neg('His pain is 8/10 without medication and 4/10 with it.')).toEqual([]);
  });

  it('reads a finding "no longer present" as absent, as "no longer has" it is', () => {
    expect(neg('Her headaches are no longer present since the injection.')).toEqual(['headaches']);
    expect(neg('He no longer has numbness in the hand.')).toEqual(['numbness']);
  });

  it('reads a trial named by its care ("a TENS trial") as care not done, as "a trial of" it is', () => {
    expect(neg('She has not had a TENS trial.')).toEqual(['tens trial']);
    expect(neg('No medication trial has been attempted.')).toEqual(['medication trial']);
    expect(neg('There is no documentation of a failed TENS trial.')).toEqual([]);
    // Whether a trial succeeded judges care given, as whether it failed does.
    expect(neg('She did not have a successful trial of TENS.')).toEqual([]);
  });

  it('gives nothing for care a sentence opens with as a condition, and keeps a finding absent there', () => {
    expect(neg('Without injections, her symptoms would likely progress.')).toEqual([]);
    expect(neg('Without her medication, she cannot sleep.')).toEqual([]);
    expect(neg('Without radiation, the pain may still be discogenic.')).toEqual(['radiation']);
    expect(neg('Without fever, chills or weight loss, the exam was unremarkable.')).toEqual(['fever', 'chills', 'weight loss']);
    expect(neg('She walks without an assistive device, and she will start therapy.')).toEqual(['assistive device']);
  });

  it('reads a list after "without" as absent only when "or" joins it', () => {
    expect(neg('He was diagnosed with a concussion without loss of consciousness, a cervical strain and a scalp laceration.')).toEqual(['loss of consciousness']);
    expect(neg('She walks without a limp, swelling or pain.')).toEqual(['limp', 'swelling', 'pain']);
    expect(neg('Without any objective findings, an MRI is not supported.')).toEqual([]);
  });

  it('keeps eponyms that share a plural head whole, and reads a post-trigger back through a list of tests', () => {
    expect(neg('Hoffmann\'s and Spurling\'s signs were negative.')).toEqual(['hoffmann\'s and spurling\'s signs']);
    expect(neg('The anterior drawer and talar tilt were negative.')).toEqual(['anterior drawer', 'talar tilt']);
    expect(neg('McMurray\'s and Apley\'s were negative.')).toEqual(['mcmurray\'s', 'apley\'s']);
  });

  it('ends a list at a present finding after an article, a "with", or a modifier after its noun', () => {
    expect(neg('The knee showed no effusion and a positive grind test.')).toEqual(['effusion']);
    expect(neg('There was no midline tenderness, with paraspinal spasm.')).toEqual(['midline tenderness']);
    expect(neg('There was no clonus, gait antalgic.')).toEqual(['clonus']);
    expect(neg('The patient declined an injection and hopes to resume therapy.')).toEqual(['injection']);
  });

  it('reads no list that opens with a judgement of care, or gives examples of one', () => {
    expect(neg('There was no documentation of the efficacy of Norco, urine drug screens or a pain contract.')).toEqual([]);
    expect(neg('There was no documentation of failed conservative care including therapy and NSAIDs.')).toEqual([]);
    expect(neg('There was no documentation that oral medications failed.')).toEqual([]);
    expect(neg('A gym membership is not considered medical treatment.')).toEqual([]);
  });

  it('keeps the pre-modifier "new" and the head "signs of"', () => {
    expect(neg('There were no signs of infection and no new neurological deficits.')).toEqual(['signs of infection', 'new neurological deficits']);
  });

  it('does not count an attribute of care or a diagnosis asked for', () => {
    expect(neg('There was no documentation of the outcome of the prior injection.')).toEqual([]);
    expect(neg('There was no documentation of a diagnosis that would support the use of Lidoderm.')).toEqual([]);
    expect(neg('There was no documentation of a diagnosis of neuropathic pain.')).toEqual(['neuropathic pain']);
  });

  it('does not count remembered injuries, plans, or a study missing from the file', () => {
    expect(neg('She denied prior injuries to the knee.')).toEqual([]);
    expect(neg('No surgery is planned.')).toEqual([]);
    expect(neg('There was no MRI of the shoulder for review.')).toEqual([]);
  });

  it('reads care not yet begun, and a gerund after "of" as part of the finding', () => {
    expect(neg('Postoperative therapy has not yet begun.')).toEqual(['postoperative therapy']);
    expect(neg('He denied thoughts of harming himself.')).toEqual(['thoughts of harming himself']);
  });

  it('drops a tunnel, a setting of care or a manoeuvre as a trailing place', () => {
    expect(neg('Tinel\'s sign at the tarsal tunnel was negative.')).toEqual(['tinel\'s sign']);
    expect(neg('A head CT at the emergency department was negative.')).toEqual(['head ct']);
    expect(neg('The ribs were not tender to compression.')).toEqual(['tender']);
  });

  it('ends an examination list at a present item after commas only: a finding with its place before it was present too', () => {
    expect(neg('The knee showed no effusion, medial joint line crepitus, a positive grind test and full extension.')).toEqual(['effusion']);
    expect(neg('The knee showed no swelling, warmth, erythema, and a normal gait.')).toEqual(['swelling', 'warmth', 'erythema']);
    expect(neg('He had negative Phalen\'s, Durkan\'s and Tinel\'s, decreased grip strength and thenar wasting.')).toEqual(['phalen\'s', 'durkan\'s', 'tinel\'s']);
  });

  it('reads what follows ", and" after a "no" inside a list as the list\'s last item', () => {
    expect(neg('The shoulder showed full motion, no atrophy, and pain over the AC joint.')).toEqual(['atrophy']);
    expect(neg('Review of systems: fatigue, no fever, chills or sweats.')).toEqual(['fever', 'chills', 'sweats']);
  });

  it('says nothing of the patient in a clause about a relative or a guideline, nor where a review refuses', () => {
    expect(neg('Family history is negative for heart disease.')).toEqual([]);
    expect(neg('His mother had no history of arthritis.')).toEqual([]);
    expect(neg('The ODG does not address laser therapy for the elbow.')).toEqual([]);
    expect(neg('The ACOEM chapter was cited, as there was no numbness in the hand.')).toEqual(['numbness']);
    expect(neg('The claims administrator declined the bone scan.')).toEqual([]);
    expect(neg('The reviewer noted that she had refused a lumbar brace.')).toEqual(['lumbar brace']);
  });

  it('does not read limits, conditions of a guideline or a need as absences', () => {
    expect(neg('Bracing is not to exceed six weeks.')).toEqual([]);
    expect(neg('Guidelines allow no more than three epidural injections.')).toEqual([]);
    expect(neg('An MRI is indicated for patients without red flags only after a month.')).toEqual([]);
    expect(neg('The surgeon saw no need for an arthroscopy.')).toEqual([]);
    expect(neg('There was no time frame for the use of the splint.')).toEqual([]);
    expect(neg('There was no discussion of the risks of benzodiazepines.')).toEqual([]);
    expect(neg('No documented decrease in pain with the medication was shown.')).toEqual([]);
  });

  it('keeps "trial of" and "course of" before the care not tried, and drops a leading "of" or "description of"', () => {
    expect(neg('She declined a trial of duloxetine.')).toEqual(['trial of duloxetine']);
    expect(neg('There was no documentation of a course of acupuncture.')).toEqual(['course of acupuncture']);
    expect(neg('There was no description of biofeedback therapy or of sleep hygiene.')).toEqual(['biofeedback therapy', 'sleep hygiene']);
  });

  it('drops a trailing place after "below", "down" or "behind", a place named by a muscle, a scar or a point of a bone, and the records a thing was looked for in', () => {
    expect(neg('He denies any pain below the elbow.')).toEqual(['pain']);
    expect(neg('There was no numbness down the arm at night.')).toEqual(['numbness']);
    expect(neg('There was no tenderness over the base of the second metacarpal.')).toEqual(['tenderness']);
    expect(neg('There was no tenderness over the scar or the hamstrings.')).toEqual(['tenderness']);
    expect(neg('There was no loss of sensation in a stocking pattern.')).toEqual(['loss of sensation']);
    expect(neg('There was no pain along the course of the radial nerve.')).toEqual(['pain']);
    expect(neg('The reviewer found no drug screen in the records.')).toEqual(['drug screen']);
  });

  it('drops a dangling "for" or "with", ends a phrase at "unless", and keeps a "with" complement with a participle or an activity', () => {
    expect(neg('He has refused injections for now.')).toEqual(['injections']);
    expect(neg('There was no spasm unless the neck was extended.')).toEqual(['spasm']);
    expect(neg('There was no pain with resisted hip flexion.')).toEqual(['pain with resisted hip flexion']);
    expect(neg('She reports no pain with kneeling.')).toEqual(['pain with kneeling']);
  });

  it('reads "not present" and "not checked" after what is absent, and knows more signs, tests and conditions', () => {
    expect(neg('Babinski\'s sign was not present.')).toEqual(['babinski\'s sign']);
    expect(neg('Thyroid studies were not checked.')).toEqual(['thyroid studies']);
    expect(neg('There was no clubbing or rebound, and a chest film showed no pneumothorax.')).toEqual(['clubbing', 'rebound', 'pneumothorax']);
    expect(neg('A colonoscopy was done but no endoscopy.')).toEqual(['endoscopy']);
    expect(neg('The MRI showed no ligament injury and no osteochondral lesion.')).toEqual(['ligament injury', 'osteochondral lesion']);
    expect(neg('There was a negative Spurling\'s and shoulder abduction relief tests.')).toEqual(['spurling\'s and shoulder abduction relief tests']);
    expect(neg('No inflammatory markers were drawn, and there was no palpable gap.')).toEqual(['inflammatory markers', 'palpable gap']);
  });

  it('ends a list closed by "or" at the next comma, unless another "or" comes later', () => {
    expect(neg('The elbow showed no swelling or bruising, tenderness at the medial epicondyle, and pain with resisted pronation.')).toEqual(['swelling', 'bruising']);
    expect(neg('She denies nausea or vomiting, constipation, or diarrhea.')).toEqual(['nausea', 'vomiting', 'constipation', 'diarrhea']);
  });

  it('reads a last conjunct that opens with a determiner before a verb, or that is measured, as a clause of its own', () => {
    expect(neg('Given no evidence of infection, the antibiotic was not certified.')).toEqual(['infection']);
    expect(neg('There was no crepitus, and grip strength was 30 kg.')).toEqual(['crepitus']);
    expect(neg('There was no bone scan to confirm the diagnosis.')).toEqual(['bone scan']);
    expect(neg('There was no CT scan to corroborate the fracture.')).toEqual(['ct scan']);
  });

  it('reads the agent after a negated passive as nothing absent, unless it is a symptom or sign', () => {
    expect(neg('The diagnosis of radiculopathy was not confirmed by electrodiagnostic testing.')).toEqual([]);
    expect(neg('He has not been evaluated by a hand surgeon.')).toEqual([]);
    expect(neg('The back pain is not accompanied by tingling.')).toEqual(['tingling']);
  });

  it('reads a study not reviewed or on file as an administrative absence, and drops the file a thing was looked for in', () => {
    expect(neg('There was no bone scan on file.')).toEqual([]);
    expect(neg('No CT scans were reviewed.')).toEqual([]);
    expect(neg('There was no sleep study in the file.')).toEqual(['sleep study']);
  });

  it('says nothing of the patient where a relative is the experiencer: a family history, a relative as subject or after "in"', () => {
    expect(neg('She denies any family history of rheumatoid arthritis.')).toEqual([]);
    expect(neg('There is no known family history of autoimmune disease.')).toEqual([]);
    expect(neg('Family hx: negative for rheumatoid arthritis.')).toEqual([]);
    expect(neg('Her maternal aunt has no history of carpal tunnel syndrome.')).toEqual([]);
    expect(neg('His wife does not have diabetes.')).toEqual([]);
    expect(neg('No history of heart disease in her mother or father.')).toEqual([]);
    // What comes before the experiencer in the scope, or after its clause, is still the patient's.
    expect(neg('She reports no chest pain or family history of cardiac disease.')).toEqual(['chest pain']);
    expect(neg('He denies headaches and has no family history of migraine.')).toEqual(['headaches']);
    expect(neg('No personal or family history of blood clots.')).toEqual(['blood clots']);
    expect(neg('She can carry her son without pain.')).toEqual(['pain']);
    expect(neg('Her husband reports she has no appetite.')).toEqual(['appetite']);
    expect(neg('The patient denies numbness.')).toEqual(['numbness']);
    expect(neg('No history of diabetes.')).toEqual(['diabetes']);
  });

  it('reads a clinician\'s or a review\'s decision not to give care as nothing absent, and the worker\'s refusal as care declined', () => {
    expect(neg('Her physician has not yet ordered a lumbar MRI.')).toEqual([]);
    expect(neg('The primary treating physician did not prescribe a muscle relaxant.')).toEqual([]);
    expect(neg('Dr. Lee has not prescribed tramadol.')).toEqual([]);
    expect(neg('The pain specialist chose not to refill hydrocodone.')).toEqual([]);
    expect(neg('The treating surgeon declined to proceed with a carpal tunnel release.')).toEqual([]);
    expect(neg('The surgeon declined surgery.')).toEqual([]);
    expect(neg('A knee brace was declined by the orthopedist.')).toEqual([]);
    // The worker's refusal, and a clinician's finding, are still absences.
    expect(neg('The patient declined injections.')).toEqual(['injections']);
    expect(neg('She declined to undergo surgery.')).toEqual(['surgery']);
    expect(neg('A lumbar brace was declined by the patient.')).toEqual(['lumbar brace']);
    expect(neg('The provider noted that the patient refused physical therapy.')).toEqual(['physical therapy']);
    expect(neg('The physician did not find any swelling.')).toEqual(['swelling']);
  });

  it('reads a substance a test was negative for as the test\'s result, not an absence', () => {
    expect(neg('The urine toxicology screen of 2/4/2016 was negative for opiates.')).toEqual([]);
    expect(neg('Her UDS was negative for illicit drugs.')).toEqual([]);
    expect(neg('A drug test returned negative for oxycodone and positive for THC.')).toEqual([]);
    expect(neg('Toxicology was negative for benzodiazepines and alcohol.')).toEqual([]);
    expect(neg('The most recent drug screen was negative for Norco, which had been prescribed.')).toEqual([]);
    // A finding a test was negative for, and a test named negative, are still listed.
    expect(neg('X-rays were negative for a fracture.')).toEqual(['fracture']);
    expect(neg('EMG was negative for radiculopathy.')).toEqual(['radiculopathy']);
    expect(neg("Negative Spurling's test.")).toEqual(["spurling's test"]);
    expect(neg('The urine drug screen was negative.')).toEqual(['urine drug screen']);
    expect(neg('She denies use of opioids.')).toEqual(['opioids']);
  });

  it('keeps tests that share one plural head as one phrase', () => {
    expect(neg('There were negative FABER and FADIR tests on the left.')).toEqual(['faber and fadir tests']);
    expect(neg('Straight leg raise and slump tests were negative bilaterally.')).toEqual(['straight leg raise and slump tests']);
    expect(neg("McMurray's and medial and lateral grind tests were negative.")).toEqual(["mcmurray's and medial and lateral grind tests"]);
    // Tests with heads of their own stay apart.
    expect(neg("Negative Phalen's test and Tinel's sign at the wrist.")).toEqual(["phalen's test", "tinel's sign"]);
    expect(neg('No swelling, redness or warmth.')).toEqual(['swelling', 'redness', 'warmth']);
  });

  it('reads a course of care not completed as care begun, not absent', () => {
    expect(neg('He had not completed the prescribed course of chiropractic care.')).toEqual([]);
    expect(neg('She has not yet finished her functional restoration program.')).toEqual([]);
    expect(neg("He didn't complete a series of three injections.")).toEqual([]);
    // Care never had, and a test not completed, are absent.
    expect(neg('He has not had a course of acupuncture.')).toEqual(['course of acupuncture']);
    expect(neg('A nerve conduction study was not completed.')).toEqual(['nerve conduction study']);
  });

  it('reads "is not a ... treatment" as a class the subject is denied, not an absence', () => {
    expect(neg('The reviewer noted that a pool pass is not a medical treatment.')).toEqual([]);
    expect(neg('A hot tub is not considered a therapeutic modality.')).toEqual([]);
    // An existential "there is not" still states an absence.
    expect(neg("There is not a positive Finkelstein's test.")).toEqual(["positive finkelstein's test"]);
    expect(neg('She is not on any anti-inflammatory medication.')).toEqual(['anti-inflammatory medication']);
  });

  it('ends an examination list that one "no" opened at a present finding joined by "and"', () => {
    expect(neg('Exam showed no ecchymosis, crepitus with flexion, tenderness over the patellar tendon and 4+/5 hip abductor strength.')).toEqual(['ecchymosis']);
    expect(neg('No swelling, erythema or warmth, and 5/5 grip strength.')).toEqual(['swelling', 'erythema', 'warmth']);
  });

  it('lists the examples after "such as" with their category', () => {
    expect(neg('The reviewer found no red flags such as saddle anesthesia, fever or night pain.')).toEqual(['red flags', 'saddle anesthesia', 'fever', 'night pain']);
    // "including" still ends a judgement of care.
    expect(neg('There was no failed conservative care including physical therapy.')).toEqual([]);
  });

  it('drops the care a test is for, and keeps a named procedure whole', () => {
    expect(neg('She has not had a psychological evaluation for the intrathecal pump.')).toEqual(['psychological evaluation']);
    expect(neg('No evaluation for radiculopathy was done.')).toEqual([]);
    expect(neg('He has not undergone manipulation under anesthesia.')).toEqual(['manipulation under anesthesia']);
  });

  it('reads a clinical ending in the plural ("apneas", "arthralgias") and phrases that hold an attribute word', () => {
    expect(neg('She denies snoring, apneas or daytime sleepiness.')).toEqual(['snoring', 'apneas', 'daytime sleepiness']);
    expect(neg('He denies arthralgias or myalgias.')).toEqual(['arthralgias', 'myalgias']);
    expect(neg('The films show no fracture line.')).toEqual(['fracture line']);
    expect(neg('There is no limb length discrepancy.')).toEqual(['limb length discrepancy']);
  });

  it('knows findings of general clinical vocabulary', () => {
    expect(neg('He denies snoring or daytime sleepiness.')).toEqual(['snoring', 'daytime sleepiness']);
    expect(neg('There was no splenomegaly.')).toEqual(['splenomegaly']);
    expect(neg('No skin breakdown was seen under the cast.')).toEqual(['skin breakdown']);
    expect(neg('She has not used a bone growth stimulator.')).toEqual(['bone growth stimulator']);
  });

  it('reads what the patient "could not" do as an inability, unless it is care not had', () => {
    expect(neg('He could not heel-toe walk.')).toEqual([]);
    expect(neg('He could  not heel-toe walk.')).toEqual([]);
    expect(neg('On exam she could not toe walk on the right.')).toEqual([]);
    expect(neg('He could not attend physical therapy because of transportation.')).toEqual(['physical therapy']);
    expect(neg('He could not undergo the MRI because of claustrophobia.')).toEqual(['mri']);
  });

  it('reads a finding or condition followed by a bare "denied" as denied, but not a test, a drug or care a review denied', () => {
    expect(neg('Review of systems: nausea present; vomiting denied.')).toEqual(['vomiting']);
    expect(neg('Asthma or COPD history denied.')).toEqual(['asthma', 'copd']);
    for (const decision of ['Lumbar MRI denied.', 'Tramadol denied.', 'Urine toxicology denied.']) expect(neg(decision), decision).toEqual([]);
    expect(neg('Fever was denied.')).toEqual(['fever']);
    expect(neg('Physical therapy was denied by utilization review.')).toEqual([]);
    expect(neg('The claim for the shoulder was denied.')).toEqual([]);
    // After its subject "denied" opens the scope.
    expect(neg('He denied that the pain radiated.')).toEqual(['pain radiated']);
  });

  it('reads a sign "not felt" on palpation as absent, but not a judgement "not felt to be" so', () => {
    expect(neg('A thrill and a rub were not felt on palpation.')).toEqual(['thrill', 'rub']);
    expect(neg('An MRI was not felt to be necessary.')).toEqual([]);
    expect(neg('The pain was not felt to be radicular.')).toEqual([]);
  });

  it('gives no value for a payer that would not let the patient have care', () => {
    expect(neg('The carrier would not let her fill the tramadol.')).toEqual([]);
  });

  it('leaves "neither" out of a conjunct read back from a later negation', () => {
    // Both negations reach the list; the case summary keeps each value once.
    expect([...new Set(neg('The left wrist showed neither changes in temperature nor redness, and grip weakness was not appreciated.'))]).toEqual(['changes in temperature', 'redness', 'grip weakness']);
  });
});

describe('phraseKey', () => {
  it('gives a finding and its adjective the same key, so the repeat is dropped', () => {
    expect(phraseKey('swollen')).toBe(phraseKey('swelling'));
    expect(phraseKey('erythematous')).toBe(phraseKey('erythema'));
    expect(phraseKey('fractures')).toBe(phraseKey('fracture'));
    expect(phraseKey('swelling')).not.toBe(phraseKey('spasm'));
  });
});
