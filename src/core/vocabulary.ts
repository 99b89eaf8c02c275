/**
 * The closed value sets of the dataset's columns, and the lexicons they come
 * from: what the schema and the codebook list, and what the extractors match
 * against. Kept apart from the extractors so that the schema (which the main
 * thread of a run needs for the CSV headers) loads without them.
 */
import { loadLexicon } from './lexicon.js';

/** Prior treatment kinds and their words (`prior_treatments`). */
export const PRIOR_TREATMENT_WORDS = loadLexicon<{ kinds: Record<string, string[]> }>('prior-treatments.json').kinds;
export const PRIOR_TREATMENTS = Object.keys(PRIOR_TREATMENT_WORDS);

/** Mechanism-of-injury types and their words (`mechanism_type`; `other` when none names it). */
export const MECHANISM_WORDS = loadLexicon<{ types: Record<string, string[]> }>('mechanisms.json').types;
export const MECHANISM_TYPES = [...new Set([...Object.keys(MECHANISM_WORDS), 'other'])];

/** What utilization review did with a request (`ur_action`). */
export const UR_ACTIONS = ['non-certified', 'modified', 'denied', 'certified in part'] as const;
export type UrAction = (typeof UR_ACTIONS)[number];

/** Body regions and their words (`body_regions`, `body_region`). */
export const BODY_REGION_WORDS = loadLexicon<{ regions: Record<string, string[]> }>('body-regions.json').regions;
export const BODY_REGIONS = Object.keys(BODY_REGION_WORDS);

/** Units a requested quantity is counted in (`quantity_unit`). */
export const QUANTITY_UNITS = ['sessions', 'visits', 'treatments', 'units', 'tablets', 'capsules', 'patches', 'grams', 'hours', 'days', 'weeks', 'months'] as const;

/** States and territories by name, with aliases, to their USPS codes. */
export const STATES = loadLexicon<{ states: Record<string, string>; aliases: Record<string, string> }>('states.json');
/** USPS codes of the states and territories (the values of `reviewer_licensure`). */
export const STATE_CODES = [...new Set(Object.values(STATES.states))].sort();

/** The words that name each dose form (`dose_form`), in the order they are tried. */
export const DOSE_FORM_WORDS: readonly (readonly [RegExp, string])[] = [
  [/\b(?:tablets?|tabs?)\b/i, 'tablet'],
  [/\b(?:capsules?|caps?)\b/i, 'capsule'],
  [/\bcreams?\b/i, 'cream'],
  [/\bgels?\b/i, 'gel'],
  [/\bpatch(?:es)?\b/i, 'patch'],
  [/\bointments?\b/i, 'ointment'],
  [/\blotions?\b/i, 'lotion'],
  [/\b(?:solution|suspension|liquid|syrup|elixir)\b/i, 'liquid'],
  [/\bspray\b/i, 'spray'],
  [/\b(?:injections?|injectable|vials?)\b/i, 'injection'],
  [/\bpowder\b/i, 'powder'],
  [/\bpads?\b/i, 'pad'],
];
/** The dose forms an item can name (the values of `dose_form`). */
export const DOSE_FORMS = [...new Set(DOSE_FORM_WORDS.map(([, form]) => form))];

/** The decision-reason vocabulary (`reasons`), in the contract's order, and which outcome each code is for. */
export const REASON_SIDES = {
  not_recommended: 'upheld',
  indications_not_documented: 'upheld',
  prior_care_not_tried: 'upheld',
  no_functional_benefit: 'upheld',
  monitoring_not_documented: 'upheld',
  exceeds_limits: 'upheld',
  request_unclear: 'upheld',
  duplicative: 'upheld',
  depends_on_denied_request: 'upheld',
  criteria_met: 'overturned',
  functional_benefit_documented: 'overturned',
  other: 'either',
} as const;
export type ReasonCode = keyof typeof REASON_SIDES;
export const REASON_CODES = Object.keys(REASON_SIDES) as ReasonCode[];
