// Strict XML parsing for tests: any warning or error from the parser fails the test.
import { DOMParser, onWarningStopParsing } from '@xmldom/xmldom';

export function parseStrictXml(text: string, mimeType: 'application/xml' | 'application/xhtml+xml' | 'image/svg+xml' = 'application/xml') {
  return new DOMParser({ onError: onWarningStopParsing }).parseFromString(text, mimeType);
}
