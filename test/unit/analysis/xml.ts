// Strict XML parsing for tests: any warning or error from the parser fails the test, except
// xmldom's warning that the text holds U+FFFD. That is a guess about the file's encoding ("source
// encoding issues?"); U+FFFD is a valid character, and a persona string may hold it (property tests
// generate it about once in 100,000 strings).
import { DOMParser, onWarningStopParsing, type ErrorHandlerFunction } from '@xmldom/xmldom';

const REPLACEMENT_CHARACTER = /Unicode replacement character detected/;

const strict: ErrorHandlerFunction = (level, message) => {
  if (level === 'warning' && REPLACEMENT_CHARACTER.test(message)) return;
  onWarningStopParsing();
};

export function parseStrictXml(
  text: string,
  mimeType: 'application/xml' | 'application/xhtml+xml' | 'image/svg+xml' = 'application/xml',
) {
  return new DOMParser({ onError: strict }).parseFromString(text, mimeType);
}
