import * as assert from 'node:assert/strict';
import { isolated } from '../../../src/core/text/isolated';

describe('isolated text', () => {
  it('leaves ordinary text, right-to-left scripts included, as it is', () => {
    assert.equal(isolated('Maya Chen'), 'Maya Chen');
    assert.equal(isolated('שרה כהן'), 'שרה כהן');
  });

  it('wraps text with an override in a first-strong isolate', () => {
    assert.equal(isolated('Eve\u202eRTL'), '\u2068Eve\u202eRTL\u2069');
  });

  it('drops an isolate close that would end the wrapper early, keeping balanced ones', () => {
    assert.equal(isolated('\u2069\u202eevil'), '\u2068\u202eevil\u2069');
    assert.equal(isolated('a\u2067b\u2069c'), '\u2068a\u2067b\u2069c\u2069');
  });
});
