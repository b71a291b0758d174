// Escaping for the report's HTML and SVG and for the GraphML, GEXF and SVG files: every string
// that came from a persona, a scenario or a trace goes through here before it is written into markup.

/** Characters XML 1.0 forbids anywhere (C0 controls other than tab, newline, return; lone surrogates; U+FFFE/U+FFFF). */
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

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

/**
 * Line ends an XML parser rewrites: a carriage return (XML 1.0), NEL and LINE SEPARATOR (XML 1.1,
 * and xmldom for every file). A character reference keeps them as written.
 */
const XML_LINE_ENDS = /[\r\u0085\u2028]/g;
const reference = (c: string): string => `&#${c.charCodeAt(0)};`;

/**
 * escapeMarkup for an XML file's element content (GraphML, GEXF, exported SVG). Not for HTML: an
 * HTML parser reads `&#133;` as "…" (its windows-1252 remap), where a raw NEL stays itself.
 */
export function escapeXml(value: unknown): string {
  return escapeMarkup(value).replace(XML_LINE_ENDS, reference);
}

/** escapeXml for a quoted attribute value, where parsers also turn tabs and newlines into spaces. */
export function escapeXmlAttribute(value: unknown): string {
  return escapeXml(value).replace(/[\t\n]/g, reference);
}
