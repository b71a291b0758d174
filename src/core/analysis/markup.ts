// Escaping for the report's HTML, SVG and GraphML: every string that came from a persona, a
// scenario or a trace goes through here before it is written into markup.

/** Characters XML 1.0 forbids anywhere (C0 controls other than tab, newline, return; lone surrogates; U+FFFE/U+FFFF). */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text safe in HTML/SVG/XML element content and in quoted attribute values: & < > " ' are
 * replaced by entities and characters XML cannot carry are dropped.
 */
export function escapeMarkup(value: unknown): string {
  return String(value)
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
