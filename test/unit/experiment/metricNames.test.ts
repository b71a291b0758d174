// The schema's list of experiment metrics is the analysis's: a name the editor accepts is one the
// experiment compares, and every metric it can compare can be asked for.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { OUTCOME_METRICS } from '../../../src/core/experiment/outcome';

describe('experiment metric names', () => {
  it('the schema enumerates exactly the outcome metrics', () => {
    const schema = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../schemas/society.schema.json'), 'utf8'));
    const find = (node: unknown): string[] | undefined => {
      if (!node || typeof node !== 'object') return undefined;
      const o = node as Record<string, unknown>;
      const metrics = (o.properties as Record<string, { items?: { enum?: string[] } }> | undefined)?.metrics;
      if (o.properties && (o.properties as Record<string, unknown>).conditions && metrics?.items?.enum) {
        return metrics.items.enum;
      }
      for (const v of Object.values(o)) {
        const hit = find(v);
        if (hit) return hit;
      }
      return undefined;
    };
    assert.deepEqual(find(schema), [...OUTCOME_METRICS]);
  });
});
