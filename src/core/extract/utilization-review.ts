/**
 * What the case summary says utilization review did: the sentences that
 * report it ("On 12-2-16, utilization review non-certified ...", "In a
 * utilization review report dated <Month D, YYYY>, the claims administrator
 * failed to approve ...", "An earlier denial of these requests was on <date>",
 * "This case was previously non-certified on <date>", "The
 * treatment was denied on <date>"), the action, and its date.
 *
 * The action is read from the verb, as a whole word: a treatment called
 * "activity modification" or "modified duty" is no action. The date is the
 * one the sentence ties to the review, not a request's, a signature's, a
 * visit's or a date of service ("A Request for Authorization was signed on
 * <date>, and an earlier denial was dated <date>" gives the second).
 */
import { findDates, type DateHit } from '../dates.js';
import type { UrAction } from '../vocabulary.js';
import { sentences } from '../sentences.js';
import type { Found, Span } from '../types.js';

/** The review named: utilization review, UR, the claims administrator (who issues it). The `\b` is written once before the alternatives: V8 searches that form faster than a `\b` in each. */
const NAMED = /\b(?:utili[sz]ation\s+(?:review(?:er)?|management)\b|UR\b|claims\s+administrator\b|peer\s+review(?:er)?\b|(?:physician|UR)\s+(?:reviewer|advisor)\b|(?:insurance\s+)?carrier\b|insurer\b|(?:a|the|at|in|on)\s+review\s+(?:on|dated|of|issued)\b|denial\s+(?:followed|was\s+issued|issued|came|dated)\b)/i;
/** An earlier review named without the words: "the previous denial", "a prior determination", "was previously non-certified". */
const EARLIER_REVIEW = /\b(?:previous|prior|original|initial|earlier)\s+(?:\w+\s+){0,2}?(?:review|denial|determination|decision|non-?\s?certification)\b|\bpreviously\s+(?:been\s+)?(?:reviewed|denied|non-?\s?certified|noncertified|modified)\b/i;
/** A request (not the patient) as the subject of a decision: "The treatment was denied on ...", "the requests were modified". */
const DECIDED_REQUEST = /\b(?:request(?:s|ed)?|treatment|case|therapy|it|they|these|this)\b[^.;]{0,120}?\b(?:was|were|been|is|are)\s+(?:\w+\s+){0,2}?(?:denied|non-?\s?certif\w*|noncertif\w*|modified|partially\s+(?:certified|approved|authorized)|non-?approved|not\s+(?:approved|authorized|certified|medically\s+necessary))\b/i;

/** The action words, each a whole word or phrase; `modified` not as the name of a treatment (activity modification, modified duty). */
const ACTIONS: [RegExp, UrAction][] = [
  [/\b(?:partially\s+(?:certified|approved|authorized)|(?:certified|approved|authorized)\s+in\s+part|partial\s+certification|(?:certified|approved|authorized)\s+(?:only\s+)?(?:a\s+)?(?:reduced|lesser|smaller|lower|partial)\s+(?:quantity|number|amount|frequency|duration)\s+of|(?:certified|approved|authorized)\s+(?:only\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+of\s+(?:the\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|sixteen|eighteen|twenty|twenty-four)\b)/gi, 'certified in part'],
  [/\bnon-?\s?certif\w*|\bnoncertif\w*|\bnot\s+certified\b|\bdid\s+not\s+certify\b|\b(?:was|were|been|found|deemed|determined|considered)\s+(?:(?:the|this|these|that)\s+(?:[\w/#.%-]+\s+){0,6}?|it\s+|them\s+)?(?:to\s+be\s+)?(?:not\s+medically\s+(?:necessary|appropriate|indicated)|medically\s+unnecessary)\b/gi, 'non-certified'],
  [/\b(?<!(?:activit(?:y|ies)|work|duty|duties|behavio(?:u)?r(?:al)?)\s+)modif(?:ied|ies|y|ication|ications|ed)\b(?!\s+(?:duty|duties|work|activit(?:y|ies)|job|light|diet))|\b(?:approved|certified|authorized)\s+with\s+(?:a\s+)?modifications?\b/gi, 'modified'],
  [/\bdenied\b|\bdenial\b|\bdeny\b|\bdenies\b|\bdenying\b|\bfailed\s+to\s+(?:approve|certify|authorize)\b|\bnon-?approved\b|\bnot\s+(?:approved|authorized)\b|\bdid\s+not\s+(?:approve|authorize)\b|\badverse\s+determination\b|\brejected\b|\bturned\s+down\b|\b(?:declined|refused)\s+(?:to\s+(?:approve|certify|authorize)|certification|approval|authorization)\b|(?<=\b(?:utili[sz]ation\s+review(?:er)?|UR|claims\s+administrator)\s+)declined\b/gi, 'denied'],
];

/** Words that tie a date to something other than the review: a request form, a signature, a visit, a date of service. */
const OTHER_ANCHOR = String.raw`request\s+for\s+authorization|\bRFA\b|authorization\s+(?:form|request)|signed|submitted|received|receipt|planned|scheduled|ordered|dates?\s+of\s+service|\bDOS\b|progress\s+(?:note|report)|office\s+visit|visit|evaluation|exam(?:ination)?|injury|appeal(?:ed)?|referenced|prescribed|performed`;
/** Words that tie a date to the review. */
const UR_ANCHOR = String.raw`utili[sz]ation\s+review(?:\s+(?:report|documentation|decision|determination|board|physician))?|\bUR\b(?:\s+(?:report|decision|determination))?|claims\s+administrator|review(?:ed)?|determination|decision(?:\s+date)?|denial|denied|non-?\s?certif\w*|noncertif\w*|modified|approved|certified|failed\s+to\s+approve|rejected|turned\s+down|(?:declined|refused)\s+(?:to\s+(?:approve|certify|authorize)|certification)`;
const ANCHOR = new RegExp(`(${UR_ANCHOR})|(${OTHER_ANCHOR})`, 'gi');
/** After a date that opens a clause ("On <date>, ..."), what happened on it: a review's words, or another event's verb (a form named is no event: "On <date> the request for authorization was non-certified"). */
const OTHER_EVENT = String.raw`\b(?:signed|submitted|received|presented|complained|reported|underwent|sustained|seen|evaluated|examined|prescribed|performed|visited|returned|noted|indicated|documented)\b`;
const NEXT_ANCHOR = new RegExp(`(${UR_ANCHOR})|(${OTHER_EVENT})`, 'gi');

export interface UrReport {
  sentence: Span;
  action: Found<UrAction>;
  date: Found<string> | null;
}

/** The first action word of a sentence (offsets in `text`), or null. */
function firstAction(text: string, s: Span): Found<UrAction> | null {
  const sentence = text.slice(s.start, s.end);
  let best: Found<UrAction> | null = null;
  for (const [re, action] of ACTIONS) {
    re.lastIndex = 0;
    const m = re.exec(sentence);
    if (m && (!best || s.start + m.index < best.span.start)) best = { value: action, span: { start: s.start + m.index, end: s.start + m.index + m[0].length } };
  }
  return best;
}

/** A date followed by the event it names ("at the <date> visit", "the <date> progress report"): that event's date. */
const EVENT_AFTER = /^\s*(?:[\w-]+\s+)?(?:(?:office|clinic|follow-up)\s+)?(?:visit|appointment|progress\s+(?:note|report)|examination|exam|evaluation|consultation|request\s+for\s+authorization|RFA|report|dates?\s+of\s+service|DOS)\b/i;

/** Which anchor ('ur' or 'other') is last in `before`, or first in `after` when `before` has none. */
function anchorOf(before: string, after: string): 'ur' | 'other' | null {
  let last: 'ur' | 'other' | null = null;
  ANCHOR.lastIndex = 0;
  for (let m = ANCHOR.exec(before); m !== null; m = ANCHOR.exec(before)) last = m[1] ? 'ur' : 'other';
  if (last) return last;
  if (EVENT_AFTER.test(after)) return 'other';
  NEXT_ANCHOR.lastIndex = 0;
  const next = NEXT_ANCHOR.exec(after);
  return next ? (next[1] ? 'ur' : 'other') : null;
}

/**
 * The date a sentence ties to the review: each date belongs to the nearest
 * anchor before it in its clause (since the previous date), or, at a
 * clause's start ("On <date>, utilization review ..."), to the first anchor
 * after it. Broken dates ("1231-16") count only here.
 */
function reviewDate(text: string, s: Span, action: Found<UrAction> | null = null): Found<string> | null {
  const dates = findDates(text, s, true);
  let from = s.start;
  for (const d of dates) {
    const before = text.slice(from, d.span.start);
    // A semicolon ends a clause: no anchor across it ties a date.
    const after = text.slice(d.span.end, Math.min(s.end, d.span.end + 120)).split(';', 1)[0]!;
    const owner = anchorOf(before.slice(before.lastIndexOf(';') + 1), after);
    from = d.span.end;
    if (owner === 'ur') return found(d);
  }
  // No date tied to the review by its words: the first after the action that no other event's verb claims ("non-certified the request for a psychological evaluation on <date>").
  if (action) {
    for (const d of dates) {
      if (d.span.start < action.span.end) continue;
      const before = text.slice(action.span.end, d.span.start);
      if (!/[;]/.test(before) && !new RegExp(`${OTHER_EVENT}[^,;]*$`, 'i').test(before)) return found(d);
    }
  }
  return null;
}

const found = (d: DateHit): Found<string> => ({ value: d.iso, span: d.span });

/** Whether a sentence speaks of a review at all (named, an earlier one, or a request decided). */
function aboutReview(sentence: string): boolean {
  return NAMED.test(sentence) || EARLIER_REVIEW.test(sentence) || DECIDED_REQUEST.test(sentence);
}

/** Per sentence of the last text (sentences are the same span objects for a letter): whether it speaks of a review, and its first action. */
let memoText = '';
let memo = new Map<Span, { about: boolean; action: Found<UrAction> | null }>();
let reportsMemo = new Map<string, UrReport[]>();

function analysed(text: string, s: Span): { about: boolean; action: Found<UrAction> | null } {
  if (text !== memoText) {
    memoText = text;
    memo = new Map();
    reportsMemo = new Map();
  }
  let known = memo.get(s);
  if (!known) {
    const sentence = text.slice(s.start, s.end);
    const about = REVIEW_WORDS.test(sentence) && aboutReview(sentence);
    known = { about, action: about ? firstAction(text, s) : null };
    memo.set(s, known);
  }
  return known;
}

/** Whether a sentence reports a review's decision (a review spoken of, and an action word). */
export function reportsDecision(text: string, s: Span): boolean {
  return analysed(text, s).action !== null;
}

/** An earlier, other request named as the subject of a decision. */
const PRIOR_REQUEST = /\b(?:prior|previous|earlier|past)\s+requests?\s+for\b/i;

/** Cheap test before the patterns: a sentence about a review has one of these. */
const REVIEW_WORDS = /review|\bUR\b|administrator|deni|certif|modif|approv|previous|prior/i;

/**
 * Every sentence of the summary that reports a utilization-review action, in
 * order. A report without a date of its own takes the review date of the
 * sentence just before it when that one speaks of the same review ("The
 * request was reviewed earlier, on <date>. The requested therapy was
 * previously denied ...").
 */
export function urReports(text: string, region: Span): UrReport[] {
  const list = sentences(text, region);
  const key = `${region.start}:${region.end}`;
  const known = text === memoText ? reportsMemo.get(key) : undefined;
  if (known) return known;
  const info = list.map((s) => analysed(text, s));
  const out: UrReport[] = [];
  list.forEach((s, i) => {
    const action = info[i]!.action;
    if (!action) return;
    let date = reviewDate(text, s, action);
    // Else the review's date stated in the sentence before or after, when that one speaks of the same review and reports no action of its own.
    const previous = list[i - 1];
    if (!date && previous && info[i - 1]!.about && !info[i - 1]!.action) date = reviewDate(text, previous);
    const next = list[i + 1];
    if (!date && next && info[i + 1]!.about && !info[i + 1]!.action) date = reviewDate(text, next);
    out.push({ sentence: s, action, date });
  });
  reportsMemo.set(key, out);
  return out;
}

/**
 * The review the letter is about, as every field reads it (the summary's
 * ur_action and ur_action_date, and the UR denial date where the header has
 * none): the first review action the summary reports, other than a decision
 * on a prior request when a later report follows, dated by its own sentence
 * or, failing that, by the first report that has a date.
 */
export function statedReview(text: string, region: Span): { action: Found<UrAction>; date: Found<string> | null } | null {
  const all = urReports(text, region);
  // "A prior request for an injection was denied on <date>" before the review of this request: history, not the review.
  const reports = all.filter((r, i) => i === all.length - 1 || !PRIOR_REQUEST.test(text.slice(r.sentence.start, r.sentence.end)));
  const first = reports[0];
  if (!first) return null;
  return { action: first.action, date: first.date ?? reports.find((r) => r.date)?.date ?? null };
}
