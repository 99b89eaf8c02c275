/**
 * Escaping for text that goes into HTML or SVG (element content and quoted
 * attribute values). Letter text and dataset values are untrusted: every one
 * of them passes through here.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes markup characters. Control characters HTML does not allow in text
 * (all C0 but tab, line feed, form feed and carriage return; DEL) are shown as
 * their Unicode control pictures, and unpaired surrogates as U+FFFD, so every
 * input code unit stays one visible character.
 */
export function escapeHtml(s: string): string {
  return s
    .replace(/[&<>"']/g, (c) => ENTITIES[c]!)
    .replace(/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g, (c) => (c === '\u007F' ? '\u2421' : String.fromCharCode(0x2400 + c.charCodeAt(0))))
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
