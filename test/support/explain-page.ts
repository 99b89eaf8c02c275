/**
 * What an explain page shows of its letter, read in a browser: the text of the
 * letter panel without its section labels.
 */
import type { Page } from 'playwright-core';

export function shownLetterText(page: Page): Promise<unknown> {
  // Browser-side code as a string: the tests' TypeScript has no DOM library.
  return page.evaluate(`(() => {
    const copy = document.getElementById('letter').cloneNode(true);
    copy.querySelectorAll('.sec-h').forEach((h) => h.remove());
    return copy.textContent;
  })()`);
}
