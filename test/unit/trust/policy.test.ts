// The Restricted Mode rules: what stays on, what is refused and how the refusal reads.
import * as assert from 'node:assert/strict';
import {
  allowed,
  includeRefusal,
  MANAGE_TRUST_COMMAND,
  refusalMessage,
  refusedWhenUntrusted,
} from '../../../src/extension/trust/policy';

describe('workspace trust policy', () => {
  it('keeps reading features and refuses execution, model calls and keys when untrusted', () => {
    for (const c of ['validate', 'complete', 'hover', 'viewTrace', 'inspectMemory'] as const) {
      assert.ok(allowed(c, false), c);
    }
    assert.deepEqual(refusedWhenUntrusted().sort(), ['apiKey', 'debug', 'experiment', 'modelCall', 'report', 'run', 'study']);
    for (const c of refusedWhenUntrusted()) {
      assert.equal(allowed(c, false), false, c);
      assert.equal(allowed(c, true), true, c);
    }
  });

  it('says what is off, why, what still works and how to get it back', () => {
    const m = refusalMessage('run');
    assert.match(m, /^Running a simulation is disabled in Restricted Mode/);
    assert.match(m, /this workspace is not trusted/);
    assert.match(m, /Validation and viewing traces still work/);
    assert.match(m, /trust the workspace/);
    assert.match(refusalMessage('debug'), /^Debugging a simulation/);
    assert.match(refusalMessage('apiKey'), /^Using API keys/);
    assert.equal(MANAGE_TRUST_COMMAND, 'workbench.trust.manage');
  });

  it('refuses includes outside every workspace folder only when untrusted', () => {
    const folders = ['/home/u/ws', '/srv/other'];
    assert.equal(includeRefusal('/home/u/ws/p/maya.society', folders, false), undefined);
    assert.equal(includeRefusal('/home/u/ws', folders, false), undefined);
    assert.equal(includeRefusal('/srv/other/x.society', folders, false), undefined);
    assert.equal(includeRefusal('/etc/passwd', folders, true), undefined);
    assert.match(
      includeRefusal('/etc/passwd', folders, false)!,
      /^\/etc\/passwd is outside the workspace folder and the workspace is not trusted/,
    );
    // A sibling whose name starts with the folder's is outside.
    assert.ok(includeRefusal('/home/u/ws2/a.society', folders, false));
    assert.ok(includeRefusal('/home/u/a.society', [], false), 'no folder: nothing is inside');
  });
});
