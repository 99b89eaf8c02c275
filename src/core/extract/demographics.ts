/**
 * Patient age and sex from the clinical case summary ("The injured worker is a
 * 48 year old male", "a now 61-year-old female", "The applicant is a
 * 55-year-old ...").
 */
import type { Demographics, Sex, Span } from '../types.js';

/** An age in years; "5 4 year old" is 54 broken by a renderer (two digits, one space apart, are no other way of writing an age). */
const AGE = /\b(\d{1,3}|\d \d)\s*-?\s*(?:years?|yrs?\.?)\s*-?\s*old\b|\baged?\s*:?\s*(\d{1,3})\b/i;
const SEX = /\b(female|male|woman|man|gentleman|lady)\b/i;
const HE = /\b(?:he|his|him|himself)\b/gi;
const SHE = /\b(?:she|her|hers|herself)\b/gi;

/** The global forms firstMatch searches with (made once). */
const GLOBAL = new Map<RegExp, RegExp>([SEX, HE, SHE].map((re) => [re, new RegExp(re.source, 'gi')]));

function firstMatch(pattern: RegExp, s: string, from: number): RegExpExecArray | null {
  const re = GLOBAL.get(pattern)!;
  re.lastIndex = from;
  return re.exec(s);
}

export function extractDemographics(text: string, summary: Span): Demographics {
  const region = text.slice(summary.start, summary.end);
  const result: Demographics = { age: null, sex: null };

  const age = AGE.exec(region);
  if (age) {
    const digits = age[1] ?? age[2]!;
    const value = Number(digits.replace(' ', ''));
    const at = age.index + age[0].indexOf(digits);
    if (value > 0 && value < 120) result.age = { value, span: { start: summary.start + at, end: summary.start + at + digits.length } };
  }

  // Prefer the word nearest after the age ("a 48 year old male"), else the first one.
  const sex = firstMatch(SEX, region, age ? age.index : 0) ?? firstMatch(SEX, region, 0);
  if (sex) {
    const word = sex[1]!.toLowerCase();
    const value: Sex = word === 'female' || word === 'woman' || word === 'lady' ? 'female' : 'male';
    result.sex = { value, span: { start: summary.start + sex.index, end: summary.start + sex.index + sex[0].length } };
  } else {
    const he = region.match(HE)?.length ?? 0;
    const she = region.match(SHE)?.length ?? 0;
    if (he !== she) {
      const re = he > she ? HE : SHE;
      const first = firstMatch(re, region, 0)!;
      result.sex = { value: he > she ? 'male' : 'female', span: { start: summary.start + first.index, end: summary.start + first.index + first[0].length } };
    }
  }
  return result;
}
