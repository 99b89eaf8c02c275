/**
 * Treatment classification into the contract's taxonomy (category and
 * subcategory). The knowledge is data: lexicons/treatments.json holds rules
 * (terms with a category, subcategory and priority) and the drug lexicon
 * supplies Pharmaceuticals with the drug class as subcategory. Every rule or
 * drug named in the item text is a candidate; the highest priority wins, then
 * the earliest position, then the longer term. Nothing named: Other / Other.
 */
import { loadLexicon } from '../lexicon.js';
import { KeyedTerms } from '../terms.js';
import type { Span } from '../types.js';
import type { DrugDetails } from './drugs.js';

interface Rule {
  id: string;
  category: string;
  subcategory: string;
  priority: number;
  terms: string[];
  exclude?: string[];
}

interface TreatmentsLexicon {
  drug_priority: number;
  rules: Rule[];
}

const lexicon = loadLexicon<TreatmentsLexicon>('treatments.json');
const RULES = new Map(lexicon.rules.map((r) => [r.id, r]));
const TERMS = new KeyedTerms(lexicon.rules.map((r) => [r.id, r.terms] as const));
const EXCLUDES = new KeyedTerms(lexicon.rules.filter((r) => r.exclude?.length).map((r) => [r.id, r.exclude!] as const));

export interface Treatment {
  category: string;
  subcategory: string;
  /** What decided it: a rule id, or `drug:<name>`. */
  basis: string;
  /** Where the deciding words are in the item text (offsets relative to it); null for Other. */
  span: Span | null;
}

interface Candidate {
  category: string;
  subcategory: string;
  basis: string;
  priority: number;
  index: number;
  length: number;
}

function better(a: Candidate, b: Candidate | null): boolean {
  if (!b) return true;
  if (a.priority !== b.priority) return a.priority > b.priority;
  if (a.index !== b.index) return a.index < b.index;
  return a.length > b.length;
}

export function classifyTreatment(text: string, drugs: DrugDetails | null): Treatment {
  const excluded = new Set(EXCLUDES.firstHits(text).map((h) => h.key));
  let best: Candidate | null = null;
  for (const hit of TERMS.firstHits(text)) {
    if (excluded.has(hit.key)) continue;
    const rule = RULES.get(hit.key)!;
    const c = { category: rule.category, subcategory: rule.subcategory, basis: rule.id, priority: rule.priority, index: hit.index, length: hit.length };
    if (better(c, best)) best = c;
  }
  drugs?.hits.forEach((hit, i) => {
    const c = {
      category: 'Pharmaceuticals',
      subcategory: drugs.classes[i]!,
      basis: `drug:${hit.entry.name}`,
      priority: lexicon.drug_priority,
      index: hit.span.start,
      length: hit.span.end - hit.span.start,
    };
    if (better(c, best)) best = c;
  });
  if (!best) return { category: 'Other', subcategory: 'Other', basis: 'none', span: null };
  return { category: best.category, subcategory: best.subcategory, basis: best.basis, span: { start: best.index, end: best.index + best.length } };
}
