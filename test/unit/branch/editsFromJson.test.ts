// Edits read from a JSON file (`society fork --edits FILE`) are checked field by field against
// their kind: the wrong type is an error naming the edit and the field, never a crash or a bio of
// "[object Object]".
import * as assert from 'node:assert/strict';
import { editsFromJson, EditSyntaxError } from '../../../src/core/branch/editSyntax';
import { EDIT_FORMS } from '../../../src/core/branch/editSyntax';
import { EDIT_FIELDS } from '../../../src/core/branch/editShape';

const refused = (edits: unknown[]): string => {
  try {
    editsFromJson(JSON.stringify(edits));
  } catch (err) {
    assert.ok(err instanceof EditSyntaxError, String(err));
    return err.message;
  }
  return 'accepted';
};

describe('edits from a JSON file', () => {
  it('says which edit and field has the wrong type', () => {
    assert.equal(
      refused([
        { edit: 'broadcast', text: 'ok' },
        { edit: 'broadcast', text: 'ok' },
        { edit: 'remember', agent: 'ana', text: 5, importance: 6 },
      ]),
      'edit 3 (remember): "text" must be text, not a number',
    );
    assert.equal(
      refused([{ edit: 'persona', agent: 'ana', field: 'bio', value: { a: 1 } }]),
      'edit 1 (persona): "value" must be text, not an object',
    );
    assert.equal(
      refused([{ edit: 'tie', from: 'ana', to: 'bo', strength: '0.5' }]),
      'edit 1 (tie): "strength" must be a number, not a string',
    );
    assert.equal(refused([{ edit: 'forget', agent: 'ana' }]), 'edit 1 (forget): "memory" is missing (a number)');
    assert.equal(
      refused([{ edit: 'broadcast', text: 'x', colour: 'red' }]),
      'edit 1 (broadcast): "colour" is not a field of a broadcast edit (text)',
    );
    assert.equal(refused([{ edit: 'constructor' }]).startsWith('"constructor" is not an edit'), true);
  });

  it('accepts every kind written as the trace writes it', () => {
    const edits = [
      { edit: 'remember', agent: 'ana', text: 'hi', importance: 6 },
      { edit: 'forget', agent: 'ana', memory: 2 },
      { edit: 'quantity', quantity: 'pot', value: 3 },
      { edit: 'quantity', agent: 'ana', quantity: 'coins', value: 3 },
      { edit: 'trait', agent: 'ana', trait: 'openness', value: 0.4 },
      { edit: 'persona', agent: 'ana', field: 'bio', value: 'A nurse' },
      { edit: 'tie', from: 'ana', to: 'bo', strength: 0.5 },
      { edit: 'setting', path: 'coaching.enabled', value: false },
      { edit: 'broadcast', text: 'news' },
    ];
    assert.deepEqual(editsFromJson(JSON.stringify(edits)), edits);
    assert.deepEqual(Object.keys(EDIT_FIELDS).sort(), Object.keys(EDIT_FORMS).sort());
  });
});
