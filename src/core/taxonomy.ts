/**
 * The contract's treatment taxonomy (categories aligned with the DWC's IMR
 * statistics), as data the schema and the tests check values against.
 */
export const TAXONOMY: Readonly<Record<string, readonly string[]>> = {
  Pharmaceuticals: [
    'Opioids', 'NSAID', 'Muscle Relaxant', 'Topical Analgesics', 'Topical Compounds', 'Proton Pump Inhibitors', 'H2 Blocker', 'Antidepressant',
    'Anti-epilepsy drugs', 'Sedative-hypnotics', 'Benzodiazepine', 'AntiAnxiety', 'Antiemetic', 'Atypical Antipsychotic', 'Stimulants', 'Impotence Agents',
    'Antihypertensive', 'Antidiabetics', 'Hormones', 'Adrenal Cortical Steroids', 'Antimigraine Agent', 'Antihistamine', 'Anti-infectives', 'GI Agents',
    'Nutritional Products', 'Cannabinoids', 'Misc Analgesics', 'Other',
  ],
  'Diagnostic Testing': ['Imaging', 'EMG/NCV/NCS', 'Lab & Pathology', 'Other Diagnostic Tests'],
  DMEPOS: ['DME', 'Electrical Stimulation', 'Prosthetics/Orthotics', 'Supplies'],
  'Evaluation & Management': ['Medical Specialties', 'Dental Services'],
  'Home Health': ['Home Health'],
  Injection: ['Facet Injection', 'Injection'],
  Programs: ['Functional Restoration', 'Other Programs'],
  'Psych Services': ['Evaluation & Management', 'Therapies'],
  Rehabilitation: ['Acupuncture', 'Chiropractic', 'Physical Therapy/Occupational Therapy', 'Other Therapies'],
  Surgery: ['Spine', 'Arthroscopic Surgery', 'Non-arthroscopic Surgery', 'Adjunct Surgical Services', 'Surgical Consult'],
  Therapies: ['Other Therapies'],
  Transportation: ['Transportation'],
  Other: ['Other'],
};

export const TREATMENT_CATEGORIES = Object.keys(TAXONOMY);
export const TREATMENT_SUBCATEGORIES = [...new Set(Object.values(TAXONOMY).flat())];
