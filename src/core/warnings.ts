/**
 * Every warning a letter can carry, in the fixed order of the `warnings`
 * column, with its meaning (the codebook lists them) and whether it means an
 * item the letter shows may be missing or unread (then `items_complete` is
 * false).
 */
export const WARNING_RULES = {
  'layout-unknown': { incomplete: false, meaning: "none of the known layouts' headings: fields were read from the whole text and may be incomplete" },
  'heading-damaged': { incomplete: false, meaning: 'a section heading was found by its likeness (damaged letters), not exactly' },
  'section-missing': { incomplete: false, meaning: "the layout's credentials or case-summary section is absent: its fields are empty" },
  'label-damaged': { incomplete: false, meaning: "a field's label (\"Date Assigned:\", \"State(s) of Licensure:\"), or the words of an older layout's sentence that states it (\"received the Application ... on\", \"licensed to practice in\"), was found by its likeness (damaged letters), not exactly" },
  'header-value-unread': { incomplete: false, meaning: "a header label with no value that could be read after it (a damaged date or priority word), or a 2013 notice's opening paragraph without one of the dates it states (a damaged word of its sentence): its column is empty, except a UR denial date the case summary also states, which is taken from there" },
  'header-value-unlabelled': { incomplete: false, meaning: 'a date or priority in the header that no label takes (a label damaged past reading): the column it belongs to is empty' },
  'header-no-case-number': { incomplete: false, meaning: 'the header has no case number: case_id is the file name' },
  'items-other-reader': { incomplete: false, meaning: "no item was found in the recognised layout's form; the items were read in another layout's form" },
  'items-unchecked': { incomplete: true, meaning: 'a letter of no known layout (or whose items another reader found): whether every item was read cannot be checked' },
  'outcome-outside-items': { incomplete: true, meaning: 'the letter states an outcome that belongs to no item read: an item was not read' },
  'item-number-gap': { incomplete: true, meaning: 'the printed item numbers skip one: an item may be missing' },
  'item-number-repeated': { incomplete: false, meaning: 'an item number is printed twice (or out of order); each is read as an item of its own' },
  'item-marks-mismatch': { incomplete: true, meaning: 'the letter marks more (or fewer) items than were read' },
  'item-no-outcome': { incomplete: true, meaning: "an item's outcome word is too damaged to read: its outcome is empty" },
  'item-empty-request': { incomplete: true, meaning: 'an outcome with no request before it: the item text is empty' },
  'outcome-recovered': { incomplete: false, meaning: 'a damaged outcome word ("Uph eld", "Overtumed") was read by its likeness to one outcome word (and unlike the other)' },
  'item-request-unparsed': { incomplete: false, meaning: "an item's request is worded like a partial authorisation (several sentences, an original request, an authorised part) that no known wording fits, a word of it damaged: item_text holds the whole request, original_request and authorized_portion are empty" },
  'item-missing-guideline': { incomplete: false, meaning: "an item lacks one party's guideline paragraph: that party's sources are empty" },
  'item-no-rationale': { incomplete: false, meaning: "no rationale could be found in an item's body (its label missing or damaged past reading): rationale and reasons are empty" },
  'item-no-reason': { incomplete: false, meaning: "an item has a rationale, but no ground of the reasons vocabulary could be read in it (every rationale gives one): its reasons are empty, and its rationale says why in words the rules do not know" },
  'citation-unparsed': { incomplete: false, meaning: 'a guideline paragraph in which no citation could be read' },
  'reviewer-not-found': { incomplete: false, meaning: "no credentials found in the reviewer's qualifications" },
  'reviewer-unknown-state': { incomplete: false, meaning: 'a state of licensure that is not a US state name (in prose, licensing words with no state after them that can be read): left out' },
  'reviewer-specialty-fuzzy': { incomplete: false, meaning: 'a misspelt specialty read as the closest DWC specialty' },
  'reviewer-unknown-specialty': { incomplete: false, meaning: 'a specialty not on the DWC list: kept as printed' },
} as const satisfies Record<string, { incomplete: boolean; meaning: string }>;

export type RuleId = keyof typeof WARNING_RULES;

export const RULE_IDS = Object.keys(WARNING_RULES) as RuleId[];

/** The distinct rule ids of `ids`, in the fixed order. */
export function ruleList(ids: Iterable<string>): RuleId[] {
  const seen = new Set(ids);
  return RULE_IDS.filter((id) => seen.has(id));
}

/** Whether no warning among `ids` means an item may be missing or unread. */
export function itemsComplete(ids: Iterable<string>): boolean {
  for (const id of ids) if (WARNING_RULES[id as RuleId]?.incomplete) return false;
  return true;
}
