// Where two traces part, as a person reads it: a sum's float noise (60.599999999999994) shown to ten
// significant digits, unless those digits are all the two lines differ in (issue 73).
import * as assert from 'node:assert/strict';
import { firstDivergence } from '../../../src/core/analysis/compare/divergence';

const header = '{"type":"run_start"}';
const line = (coins: number, agent = 'a1') => JSON.stringify({ type: 'state', round: 3, agent, coins });

describe('compare: the line where two traces part', () => {
  it('shows numbers readable where more than their float noise differs', async () => {
    const d = await firstDivergence([header, line(60.599999999999994)], [header, line(61.2, 'a2')]);
    assert.ok(!d.identical);
    if (d.identical) return;
    assert.equal(d.a?.text, '{"type":"state","round":3,"agent":"a1","coins":60.6}');
    assert.equal(d.b?.text, '{"type":"state","round":3,"agent":"a2","coins":61.2}');
    assert.equal(d.round, 3);
  });

  it('shows the lines as written where only the digits past ten differ', async () => {
    const d = await firstDivergence([header, line(60.599999999999994)], [header, line(60.6)]);
    assert.ok(!d.identical);
    if (d.identical) return;
    assert.match(d.a?.text ?? '', /60\.599999999999994/);
    assert.match(d.b?.text ?? '', /"coins":60\.6\}/);
  });

  it('shows a line that is not JSON as written', async () => {
    const d = await firstDivergence([header, '{"type":"state", broken 0.30000000000000004'], [header, line(1)]);
    assert.ok(!d.identical);
    if (d.identical) return;
    assert.match(d.a?.text ?? '', /0\.30000000000000004/);
  });
});
