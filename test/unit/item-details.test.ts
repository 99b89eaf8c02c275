/**
 * Item details and categories of the kinds issue 14 found wrong (each item
 * text written for this test): decimal amounts, chest radiographs, soft
 * supports, a physician assistant at surgery, acupuncture counted with "#".
 */
import { describe, expect, it } from 'vitest';
import { drugDetails } from '../../src/core/extract/drugs.js';
import { itemDetails } from '../../src/core/extract/item-details.js';
import { classifyTreatment } from '../../src/core/extract/treatment.js';

const item = (text: string) => {
  const drugs = drugDetails(text);
  const t = classifyTreatment(text, drugs);
  const d = itemDetails(text, drugs?.topical);
  return { category: t.category, subcategory: t.subcategory, quantity: d.quantity, unit: d.quantityUnit, associatedSurgery: d.associatedSurgery };
};

describe('item details', () => {
  it('keeps the integer part of a decimal amount', () => {
    expect(item('Ketoprofen 10% cream 180.50 gm')).toMatchObject({ quantity: 180.5, unit: 'grams' });
    expect(item('Lidocaine 4% lotion 236.6 grams, apply twice daily')).toMatchObject({ quantity: 236.6, unit: 'grams' });
    expect(item('Menthol gel #120.5 grams')).toMatchObject({ quantity: 120.5, unit: 'grams' });
  });

  it('classes plain chest radiographs as imaging, also among laboratory words', () => {
    for (const text of ['Two view chest x-ray', 'CXR PA and lateral', 'Pre-operative lab: chest radiograph', 'Preoperative testing: chest film']) {
      expect(item(text), text).toMatchObject({ category: 'Diagnostic Testing', subcategory: 'Imaging' });
    }
  });

  it('classes soft supports (slings, wraps, pads) as DMEPOS, also as surgical services', () => {
    for (const text of ['Associated surgical service: arm sling', 'Post-operative elastic knee wrap', 'Associated surgical services: elbow pad', 'Ice wrap for the shoulder', 'Hot/cold pads']) {
      expect(item(text).category, text).toBe('DMEPOS');
    }
  });

  it('treats a physician assistant at surgery as an adjunct surgical service, like an assistant surgeon', () => {
    for (const text of ['Associated surgical service: physician assistant', "Physician's assistant for the arthroscopy", 'PA-C for the rotator cuff repair']) {
      expect(item(text), text).toMatchObject({ category: 'Surgery', subcategory: 'Adjunct Surgical Services', associatedSurgery: true });
    }
    expect(item('Follow-up visit with the physician assistant')).toMatchObject({ category: 'Evaluation & Management', associatedSurgery: false });
  });

  it('counts acupuncture and other therapies given as "#N" in sessions, drugs and devices in units', () => {
    expect(item('Acupuncture #8')).toMatchObject({ category: 'Rehabilitation', subcategory: 'Acupuncture', quantity: 8, unit: 'sessions' });
    expect(item('Chiropractic care for the low back, #6')).toMatchObject({ quantity: 6, unit: 'sessions' });
    expect(item('Meloxicam 15mg #30')).toMatchObject({ quantity: 30, unit: 'units' });
    expect(item('Knee braces #2')).toMatchObject({ quantity: 2, unit: 'units' });
  });
});
