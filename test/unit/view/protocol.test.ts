// The extension ⇄ view message protocol and the embedded-trace format.
import assert from 'node:assert/strict';
import { batches, isHostMessage, isViewMessage } from '../../../src/core/protocol/viewMessages';
import { embeddedTraceJson, embeddedTraceJsonChunks } from '../../../src/core/protocol/embeddedTrace';
import { cspHash, viewEmbed } from '../../../src/core/protocol/viewPage';
import { syntheticTrace } from '../../webview/fixtures';

describe('view protocol', () => {
  it('recognises host messages and rejects anything else', () => {
    const t = syntheticTrace({ agents: 3, ties: 2 });
    assert.ok(
      isHostMessage({ type: 'load', source: { kind: 'file', label: 'x' }, header: t.header, events: [], live: false }),
    );
    assert.ok(
      isHostMessage({
        type: 'load',
        source: { kind: 'file', label: 'x' },
        header: t.header,
        events: [],
        live: false,
        rest: 5000,
      }),
    );
    for (const rest of [-1, 1.5, '3']) {
      assert.equal(
        isHostMessage({
          type: 'load',
          source: { kind: 'file', label: 'x' },
          header: t.header,
          events: [],
          live: false,
          rest,
        }),
        false,
        `rest ${rest}`,
      );
    }
    // The scenario's design: what can make ties in it (none for a world of actions alone).
    const load = { type: 'load', source: { kind: 'run', label: 'x' }, header: t.header, events: [], live: true };
    assert.ok(isHostMessage({ ...load, design: { ties: [] } }));
    assert.ok(isHostMessage({ ...load, design: { ties: ['evaluate', 'module'] } }));
    for (const design of [{ ties: ['magic'] }, { ties: 'evaluate' }, {}, []]) {
      assert.equal(isHostMessage({ ...load, design }), false, JSON.stringify(design));
    }
    assert.ok(isHostMessage({ type: 'events', events: [] }));
    assert.ok(isHostMessage({ type: 'status', status: 'completed' }));
    assert.ok(isHostMessage({ type: 'highlight', agents: ['a'], round: 2 }));
    assert.ok(isHostMessage({ type: 'select', agents: [] }));
    for (const bad of [
      null,
      'load',
      [],
      { type: 'load' },
      { type: 'events', events: 'x' },
      { type: 'select', agents: [1] },
      { type: 'eval', code: '1' },
    ]) {
      assert.equal(isHostMessage(bad), false, JSON.stringify(bad));
    }
  });

  it('recognises view messages and rejects malformed exports', () => {
    assert.ok(isViewMessage({ type: 'ready' }));
    assert.ok(
      isViewMessage({
        type: 'ready',
        state: { round: null, selected: [], filter: { rounds: 'all', kinds: [], search: '' } },
      }),
    );
    assert.ok(isViewMessage({ type: 'selection', agents: ['a'] }));
    assert.ok(isViewMessage({ type: 'export', format: 'csv', fileName: 'ties.csv', data: 'from,to' }));
    assert.ok(isViewMessage({ type: 'error', message: 'x' }));
    assert.equal(isViewMessage({ type: 'export', format: 'exe', fileName: 'x', data: '' }), false);
    assert.equal(isViewMessage({ type: 'export', format: 'png', fileName: 3, data: '' }), false);
    assert.equal(isViewMessage({ type: 'openExternal', url: 'https://example.com' }), false);
  });

  it("takes the Why panel's requests only with a line from 1 and an agent named", () => {
    assert.ok(isViewMessage({ type: 'revealTrace', line: 12 }));
    assert.equal(isViewMessage({ type: 'revealTrace', line: 0 }), false);
    assert.equal(isViewMessage({ type: 'revealTrace', line: '12' }), false);
    assert.ok(isViewMessage({ type: 'inspectMemory', agent: 'maya', memory: 3 }));
    assert.ok(isViewMessage({ type: 'inspectMemory', agent: 'maya' }));
    assert.equal(isViewMessage({ type: 'inspectMemory', agent: 3 }), false);
    assert.equal(isViewMessage({ type: 'inspectMemory', agent: 'maya', memory: 1.5 }), false);
  });

  it('splits events into batches in order', () => {
    const items = Array.from({ length: 12 }, (_, i) => i);
    assert.deepEqual(batches(items, 5), [
      [0, 1, 2, 3, 4],
      [5, 6, 7, 8, 9],
      [10, 11],
    ]);
    assert.deepEqual(batches([], 5), []);
  });

  it('embeds a trace as JSON that cannot close its element or start markup', () => {
    const t = syntheticTrace({ agents: 2, ties: 1 });
    t.header.scenario.name = '</script><script>alert(1)</script> & \u2028 \ufffe\uffff';
    const json = embeddedTraceJson(t);
    // \ufffe and \uffff: XML forbids them, and the report page must stay well-formed XML.
    assert.ok(!/[<>&\u2028\u2029\ufffe\uffff]/.test(json));
    assert.equal(JSON.parse(json).header.scenario.name, t.header.scenario.name);
  });

  it('writes the embedded trace in small pieces that join to exactly the one-piece JSON', () => {
    const t = { ...syntheticTrace({ agents: 30, ties: 40 }), complete: true, note: undefined };
    t.header.scenario.name = 'A <b> & \u2029 club';
    const pieces = [...embeddedTraceJsonChunks(t, 300)];
    assert.ok(pieces.length > 10, `${pieces.length} pieces`);
    assert.ok(
      pieces.every((p) => p.length < 300 + 2000),
      'a piece is about one batch of events',
    );
    const whole = JSON.stringify(t).replace(
      /[<>&\u2028\u2029]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
    assert.equal(pieces.join(''), whole);
    assert.equal(embeddedTraceJson(t), whole);
  });

  it('inlines the bundle with CSP hashes of exactly what the page contains', () => {
    const t = syntheticTrace({ agents: 2, ties: 1 });
    const v = viewEmbed({ script: 'var a = 1 < 2 && 3;', style: 'a > b { color: red }' }, t);
    const inner = /^<script>([\s\S]*)<\/script>$/.exec(v.script)![1];
    assert.equal(v.scriptHash, cspHash(inner));
    assert.throws(() => viewEmbed({ script: 'x = "</script>"', style: '' }, t), /cannot be inlined/);
    assert.throws(() => viewEmbed({ script: 'a[b[c]]>d', style: '' }, t), /cannot be inlined/);
  });
});
