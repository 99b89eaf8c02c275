/** Letters and helpers shared by the explain tests. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export const LETTER = join(ROOT, 'corpus', 'issues-2015', 'poppler-six-items-wrapped-headers.txt');

/** A letter with markup, quotes and a script in its case summary, with CRLF line ends. */
export function hostileLetter(dir: string): string {
  const text = readFileSync(LETTER, 'utf8').replace(
    /(CLINICAL CASE SUMMARY\n)/,
    '$1Note <script>alert("x")</script> & <img src=x onerror="alert(1)"> \'quoted\' </div></pre><!-- \n',
  );
  const path = join(dir, 'hostile.txt');
  writeFileSync(path, text.replace(/\n/g, '\r\n'));
  return path;
}

/** The letter text as the page shows it: tags and section labels removed, entities decoded. */
export function pageText(html: string): string {
  const letter = html.slice(html.indexOf('<div id="letter">') + '<div id="letter">'.length, html.indexOf('</div>\n<aside>'));
  return letter
    .replace(/<span class="sec-h">.*?<\/span>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!);
}

