/**
 * The details of a requested item read from its text: quantity (with its
 * unit), frequency, body region, laterality, and the retrospective and
 * associated-surgery flags with the date of service.
 */
import { DATE_TOKEN, parseDate } from '../dates.js';
import { BODY_REGION_WORDS, BODY_REGIONS } from '../vocabulary.js';
import { hasTopicalMarker } from './drugs.js';
import { TermMatcher } from '../terms.js';
import { loadLexicon } from '../lexicon.js';

/** The regions' words, and the longer phrases that name none ('chest wall', 'back to work', 'shoulder depression' test) under the key `none`. */
export const BODY_REGION_TERMS = new TermMatcher<string>([...Object.entries(BODY_REGION_WORDS), ['none', loadLexicon<{ not_regions: string[] }>('body-regions.json').not_regions]]);

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, eighteen: 18,
  twenty: 20, thirty: 30, sixty: 60, ninety: 90, once: 1, twice: 2, thrice: 3,
};
const NUM = String.raw`(\d+|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|eighteen|twenty|thirty|sixty|ninety)\b)`;
const ONCE = String.raw`(once|twice|thrice)`;
/** What is counted per period: "2x", "2 times", "2 sessions", "2 visits". */
const TIMES = String.raw`(?:x|times?|sessions?|visits?|treatments?)`;

export function numberValue(s: string): number | null {
  const n = /^\d+(?:\.\d+)?$/.test(s) ? Number(s) : NUMBER_WORDS[s.toLowerCase()];
  return n === undefined || Number.isNaN(n) ? null : n;
}

/** The units a quantity can have (the values of `quantity_unit`). */

export interface ItemDetails {
  quantity: number | null;
  quantityUnit: string;
  frequency: string;
  bodyRegion: string;
  laterality: string;
  retrospective: boolean;
  dateOfService: string | null;
  associatedSurgery: boolean;
}

const PERIOD = String.raw`(?:week|wk|month|day)`;

/** Therapy frequencies: "2x/week x 6 weeks", "two times a week for three weeks", "twice weekly for 4 weeks", "2x6", "3 x 4". */
const FREQUENCY_PATTERNS: { re: RegExp; build: (m: RegExpExecArray) => string | null; period?: true }[] = [
  {
    re: new RegExp(String.raw`\b${NUM}\s*(?:-|to)?\s*(?:\d+\s*)?${TIMES}\s*(?:a|per|\/|each)?\s*${PERIOD}s?\s*(?:x|for|times|over)\s*${NUM}\s*(${PERIOD})s?\b`, 'i'),
    build: (m) => freq(m[1]!, periodOf(m[0]), m[2]!, m[3]!),
    period: true,
  },
  {
    re: new RegExp(String.raw`\b${ONCE}\s*(?:a\s+|per\s+)?(week|month)(?:ly)?\s*(?:x|for|times|over)\s*${NUM}\s*(${PERIOD})s?\b`, 'i'),
    build: (m) => freq(m[1]!, norm(m[2]!), m[3]!, m[4]!),
    period: true,
  },
  {
    re: new RegExp(String.raw`\b${NUM}\s*${TIMES}\s*(?:a|per|\/|each)\s*(${PERIOD})\b`, 'i'),
    build: (m) => {
      const n = numberValue(m[1]!);
      return n === null ? null : `${n}x/${norm(m[2]!)}`;
    },
    period: true,
  },
  {
    re: new RegExp(String.raw`\b${ONCE}\s*(?:a\s+|per\s+)?(week|month)(?:ly)?\b`, 'i'),
    build: (m) => `${numberValue(m[1]!)}x/${norm(m[2]!)}`,
    period: true,
  },
  {
    // "2x6", "3 x 4": sessions a week by weeks (not dimensions or strengths).
    re: /(?<![\d.])(\d)\s*x\s*(\d{1,2})(?![\d.]|\s*(?:mg|mcg|%|ml|inch|in\b|cm|"))/i,
    build: (m) => `${m[1]}x/week x ${m[2]} weeks`,
  },
  {
    re: /\b(?:(once|twice|three times|four times)\s+(?:a\s+)?daily|(once|twice|three times|four times)\s+a\s+day|(b\.?i\.?d|t\.?i\.?d|q\.?i\.?d|q\.?d|q\.?h\.?s|daily|nightly|at bedtime)|every\s+(\d+)\s*(?:-\s*\d+\s*)?hours?|q\s?(\d+)\s?h(?:rs?)?)\b\.?(\s*(?:as needed|prn|p\.r\.n\.))?/i,
    build: (m) => {
      const word = (m[1] ?? m[2])?.toLowerCase();
      const times: Record<string, number> = { once: 1, twice: 2, 'three times': 3, 'four times': 4 };
      const abbrev = m[3]?.toLowerCase().replace(/\./g, '');
      const perDay: Record<string, string> = { bid: '2x/day', tid: '3x/day', qid: '4x/day', qd: '1x/day', daily: '1x/day', qhs: 'at bedtime', nightly: 'at bedtime', 'at bedtime': 'at bedtime' };
      const hours = m[4] ?? m[5];
      const base = word ? `${times[word]}x/day` : abbrev ? perDay[abbrev] : hours ? `every ${hours} hours` : null;
      return base ? `${base}${m[6] ? ' as needed' : ''}` : null;
    },
  },
];

/** The patterns marked `period` all name a week, month or day: an item naming none (most) is not searched with them. */
const PERIOD_WORD = /week|wk|month|day/i;

function norm(period: string): string {
  return /^w/i.test(period) ? 'week' : /^m/i.test(period) ? 'month' : 'day';
}
function periodOf(s: string): string {
  return /month/i.test(s) ? 'month' : /day/i.test(s) ? 'day' : 'week';
}
function freq(times: string, period: string, count: string, unit: string): string | null {
  const n = numberValue(times);
  const c = numberValue(count);
  return n === null || c === null ? null : `${n}x/${period} x ${c} ${norm(unit)}s`;
}

/** Explicit counts: "12 sessions", "(8 visits)", "times 12", "x12", "#60", "160 hours". */
/** Grams count a topical's amount; elsewhere ("Ancef 2g") they are a strength. (Global: each is searched match by match.) */
const COUNT_PATTERNS: { re: RegExp; unit: (m: RegExpExecArray, text: string) => string; topicalOnly?: boolean }[] = [
  // "#60 grams" counts grams; "Acupuncture #6" and "Chiropractic therapy sessions, #2" count sessions; "Flexeril 10mg #60" units.
  { re: /#\s*(\d+(?:\.\d+)?)(\s*(?:grams?|gms?|g)\b)?/gi, unit: (m, text) => (m[2] ? 'gram' : THERAPY.test(text) && !/\b(?:mg|mcg|tabs?|tablets?|capsules?|caps?|patch(?:es)?|braces?|units?|boxes?|bottles?)\b/i.test(text) ? 'sessions' : 'units') },
  { re: new RegExp(String.raw`(?<![\d.])${NUM.replace(String.raw`(\d+|`, String.raw`(\d+(?:\.\d+)?|`)}[\s-]*(?:[a-z/-]+\s+){0,3}?(sessions?|visits?|treatments?|hours?|days?|months?|weeks?|tablets?|capsules?|patches?|units?|grams?|gms?)\b`, 'gi'), unit: (m) => m[2]!.toLowerCase().replace(/^gms?$/, 'gram').replace(/(?<=patch)es$|s$/, '') },
  // A topical's amount, decimals kept ("120.25 gm").
  { re: /(?<![\d.])(\d+(?:\.\d+)?)\s*(?:g|gm|gms|grams?)\b/gi, unit: () => 'gram', topicalOnly: true },
  { re: /\b(?:times|x|qty:?|quantity:?)\s*(\d+)\b(?!\s*(?:a|per|\/)\s*(?:week|day|month))/gi, unit: (_m, text) => (/\bvisits?\b/i.test(text) ? 'visits' : /\btreatments?\b/i.test(text) ? 'treatments' : 'sessions') },
  // A count that opens the request ("One (1) x-ray of the spine", "2 knee braces"): so many units.
  { re: new RegExp(String.raw`^\s*${NUM}(?:\s*\(\d+\))?\s+(?=[a-z])`, 'gi'), unit: () => 'units' },
];

const PHYSICIAN_ASSISTANT = /\bphysicians?['’]?s?\s+assistant\b|\bPA-C\b|\bsurgical\s+PA\b/i;

/** Therapies counted in sessions: a "#N" after one is a number of sessions, not of units. */
const THERAPY = /\b(?:acupuncture|acupunture|chiropractic|chiro|physical\s+therapy|occupational\s+therapy|physiotherapy|therapy|therapies|massage|manipulation|sessions?|visits?|treatments?)\b/i;

const DATE_OF_SERVICE = new RegExp(String.raw`\b(?:DOS|dates?\s+of\s+service)\s*:?\s*(?:on\s+)?(${DATE_TOKEN})`, 'i');

/** `topical`: whether the text has a topical marker, when the caller knows already (drugDetails does). */
export function itemDetails(text: string, topical = hasTopicalMarker(text)): ItemDetails {
  let frequency = '';
  let frequencyMatch: RegExpExecArray | null = null;
  const periodic = PERIOD_WORD.test(text);
  for (const p of FREQUENCY_PATTERNS) {
    if (p.period && !periodic) continue;
    const m = p.re.exec(text);
    const built = m ? p.build(m) : null;
    if (built) {
      frequency = built;
      frequencyMatch = m;
      break;
    }
  }

  let quantity: number | null = null;
  let quantityUnit = '';
  search: for (const p of COUNT_PATTERNS) {
    if (p.topicalOnly && !topical) continue;
    const re = p.re;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      // A count that overlaps the frequency ("for 6 weeks", "50mg twice a day") is not the quantity.
      if (frequencyMatch && m.index < frequencyMatch.index + frequencyMatch[0].length && frequencyMatch.index < m.index + m[0].length) continue;
      const n = numberValue(m[1]!);
      if (n === null) continue;
      quantity = n;
      quantityUnit = p.unit(m, text);
      break search;
    }
  }
  // "2x/week x 6 weeks" states 12 sessions.
  const fm = /^(\d+)x\/week x (\d+) weeks$/.exec(frequency);
  if (quantity === null && fm) {
    quantity = Number(fm[1]) * Number(fm[2]);
    quantityUnit = 'sessions';
  }
  quantityUnit = quantityUnit === 'patch' ? 'patches' : quantityUnit && !quantityUnit.endsWith('s') ? `${quantityUnit}s` : quantityUnit;

  const regions = new Set(BODY_REGION_TERMS.scan(text).map((h) => h.key));
  const bodyRegion = BODY_REGIONS.filter((r) => regions.has(r)).join(';');

  // RUE/LLE: right upper / left lower extremity; BUE/BLE: both.
  const right = /\b(?:right|rt\.?)(?![a-z])|\(r\)|\bR[UL]E\b/i.test(text);
  const left = /\b(?:left|lt\.?)(?![a-z])|\(l\)|\bL[UL]E\b/i.test(text);
  const laterality = /\bbilateral(?:ly)?\b|\bboth\b|\bB[UL]E\b/i.test(text) || (right && left) ? 'bilateral' : right ? 'right' : left ? 'left' : '';

  const dos = DATE_OF_SERVICE.exec(text);
  // A physician assistant at surgery is an assistant surgeon's service; one seen at a visit is not.
  const surgicalPa = PHYSICIAN_ASSISTANT.test(text) && !/\b(?:visit|follow[\s-]?up|office|appointment|consult\w*|clinic)\b/i.test(text);
  return {
    quantity,
    quantityUnit: quantity === null ? '' : quantityUnit,
    frequency,
    bodyRegion,
    laterality,
    retrospective: /\bretro(?:spective(?:ly)?|active)?\b/i.test(text),
    dateOfService: dos ? parseDate(dos[1]!) : null,
    associatedSurgery: surgicalPa || /associated\s+surgical\s+services?|assistant\s+surgeon|surgical\s+assist|\bpre-?\s?op(?:erative(?:ly)?)?\b|\bpost-?\s?op(?:erative(?:ly)?)?\b|\bperi-?\s?operative\b/i.test(text),
  };
}
