// Issue 70 (the schema-driven hostile test, extended to the tools): the assistant tools took paths as given. society_sql read a secret .jsonl outside the
// working folder (an absolute path, `..`, a link inside it), society_check ["/"] walked the disk
// and society_run wrote into ../outside. Every tool's every path argument (found from the tool
// table's own marks, never listed here) gets the hostile set through the official MCP client, and
// each must be refused, promptly, with nothing read or written outside.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { cliHost } from '../../../src/cli/mcp/cliHost';
import { invokeTool } from '../../../src/core/tools/invokeTool';
import { pathArguments, type PathMode } from '../../../src/core/tools/pathArg';
import { TOOLS } from '../../../src/core/tools/tools';
import { scratchDir } from '../../support/scratch';
import { withMcpClient } from '../../support/mcpSession';

const SECRET = 'the-secret-outside';

interface JsonSchema {
  type?: string;
  enum?: unknown[];
  minimum?: number;
  minItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
}

/** A value the schema takes (the argument under test is hostile; the others only need to pass). */
function sample(s: JsonSchema): unknown {
  if (s.enum) return s.enum[0];
  if (s.type === 'array') return Array.from({ length: s.minItems ?? 1 }, () => sample(s.items ?? {}));
  if (s.type === 'integer' || s.type === 'number') return s.minimum ?? 1;
  if (s.type === 'boolean') return false;
  return 'x';
}

/** Arguments the tool takes (its paths: the workspace itself, or a folder not there yet to write). */
function validArgs(t: (typeof TOOLS)[number]): Record<string, unknown> {
  const schema = z.toJSONSchema(z.object(t.input), { io: 'input' }) as JsonSchema;
  const valid: Record<string, unknown> = {};
  for (const key of schema.required ?? []) valid[key] = sample(schema.properties![key]);
  for (const a of pathArguments(t.input)) valid[a.key] = a.mode === 'read' ? (a.list ? ['.'] : '.') : 'fresh-out';
  return valid;
}

/** The folders: a workspace, and beside it one it must not reach (with a secret trace and a user's files). */
function folders(): { ws: string; outside: string } {
  const top = scratchDir('society-hostile-tools-');
  const ws = path.join(top, 'ws');
  const outside = path.join(top, 'outside');
  fs.mkdirSync(path.join(ws, 'runs', 'r'), { recursive: true });
  fs.mkdirSync(path.join(outside, 'userdir'), { recursive: true });
  fs.writeFileSync(path.join(ws, 'runs', 'r', 'trace.jsonl'), `${JSON.stringify({ type: 'header', round: 0 })}\n`);
  fs.writeFileSync(path.join(outside, 'trace.jsonl'), `${JSON.stringify({ type: 'header', secret: SECRET })}\n`);
  fs.copyFileSync(
    path.resolve(__dirname, '../../../examples/friends/friends.society'),
    path.join(outside, 'x.society'),
  );
  fs.writeFileSync(path.join(outside, 'userdir', 'checkpoint.json'), '{"mine": true}');
  fs.symlinkSync(outside, path.join(ws, 'link'));
  fs.symlinkSync(path.join(outside, 'not-yet'), path.join(ws, 'dangling'));
  execFileSync('mkfifo', [path.join(ws, 'pipe.fifo')]);
  return { ws, outside };
}

/** The hostile values of a path argument, by what it is for. */
function hostile(mode: PathMode, outside: string): string[] {
  const name = path.basename(outside);
  const inOutside = mode === 'read' ? 'trace.jsonl' : 'userdir';
  return [
    path.join(outside, inOutside),
    `../${name}/${inOutside}`,
    `runs/../../${name}/${inOutside}`,
    `link/${inOutside}`,
    'link',
    ...(mode === 'write' ? ['dangling', 'dangling/deeper'] : ['x.society/../link/x.society']),
    'pipe.fifo',
    ...(mode === 'read' ? ['/', '/dev/zero'] : []),
  ];
}

const REFUSED =
  /is outside the working folder|named pipe \(FIFO\)|not a folder|not a regular file or folder|no such file or folder/;

/** Every file under `dir` with its size, to see that nothing there changed. */
function snapshot(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((e) => path.join(e.parentPath, e.name))
    .map((f) => `${path.relative(dir, f)}:${fs.lstatSync(f).size}`)
    .sort();
}

describe('every path argument of every tool is confined (issue 70)', function () {
  it('the tool table marks its paths: every file or folder argument is one', () => {
    const marked = TOOLS.flatMap((t) => pathArguments(t.input).map((a) => `${t.name}.${a.key}`));
    assert.deepEqual(marked.sort(), [
      'society_calibrate.out',
      'society_calibrate.scenario',
      'society_check.paths',
      'society_compare.a',
      'society_compare.b',
      'society_estimate.scenario',
      'society_estimate.study',
      'society_experiment.out',
      'society_experiment.scenario',
      'society_explain.run',
      'society_files.folder',
      'society_run.out',
      'society_run.scenario',
      'society_sql.run',
      'society_study.out',
      'society_study.study',
      'society_validate.models',
      'society_validate.out',
    ]);
    // An argument described as a file or folder and not marked would be taken as given.
    for (const t of TOOLS) {
      const props = (z.toJSONSchema(z.object(t.input)) as JsonSchema).properties ?? {};
      const paths = new Set(pathArguments(t.input).map((a) => a.key));
      for (const [key, s] of Object.entries(props)) {
        const text = JSON.stringify(s);
        const stringy = s.type === 'string' || s.items?.type === 'string';
        if (stringy && /\b(file|folder|trace)\b/.test(text)) {
          assert.ok(paths.has(key), `${t.name}.${key} reads like a path`);
        }
      }
    }
  });

  it('refuses the hostile set for each, through the MCP client, with nothing outside touched', async () => {
    const { ws, outside } = folders();
    const before = snapshot(outside);
    let tried = 0;
    await withMcpClient(ws, async (client) => {
      for (const t of TOOLS) {
        const args = pathArguments(t.input);
        const valid = validArgs(t);
        for (const a of args) {
          for (const bad of hostile(a.mode, outside)) {
            const r = await client.callTool({ name: t.name, arguments: { ...valid, [a.key]: a.list ? [bad] : bad } });
            const text = (r.content as { text: string }[])[0].text;
            assert.equal(r.isError, true, `${t.name} ${a.key}=${bad} was not refused: ${text}`);
            assert.match(text, REFUSED, `${t.name} ${a.key}=${bad}`);
            assert.doesNotMatch(text, new RegExp(SECRET));
            tried++;
          }
        }
      }
    });
    assert.ok(tried >= 60, `${tried} hostile calls`);
    assert.deepEqual(snapshot(outside), before, 'nothing outside changed');
    assert.ok(!fs.existsSync(path.join(ws, 'fresh-out')), 'nothing ran');
  });

  it('refuses a number past what its argument takes, for every numeric argument', async () => {
    const { ws } = folders();
    let tried = 0;
    for (const t of TOOLS) {
      const schema = z.toJSONSchema(z.object(t.input), { io: 'input' }) as JsonSchema;
      for (const [key, s] of Object.entries(schema.properties ?? {})) {
        if (s.type !== 'integer' && s.type !== 'number') continue;
        for (const huge of [1e300, -1e300, 2 ** 60]) {
          const answer = await invokeTool(t, { ...validArgs(t), [key]: huge }, cliHost(ws, 0));
          assert.ok('refusal' in answer, `${t.name}.${key}=${huge}`);
          // Refused for that argument alone (the others are valid): every issue is at it.
          assert.match(
            answer.refusal,
            new RegExp(`^bad arguments: (✖ [^\\n]*\\n  → at ${key}\\n?)+$`),
            `${t.name}.${key}`,
          );
          tried++;
        }
      }
    }
    assert.ok(tried >= 12, `${tried} calls`);
  });

  it('a FIFO where a run folder holds its trace is never opened for reading', async () => {
    const { ws } = folders();
    fs.mkdirSync(path.join(ws, 'piped'));
    execFileSync('mkfifo', [path.join(ws, 'piped', 'trace.jsonl')]);
    await withMcpClient(ws, async (client) => {
      const explained = await client.callTool({
        name: 'society_explain',
        arguments: { run: 'piped', what: ['a', 'b'] },
      });
      assert.equal(explained.isError, true);
      assert.match(
        (explained.content as { text: string }[])[0].text,
        /not a regular file \(a named pipe or a device\)/,
      );
      const asked = await client.callTool({ name: 'society_sql', arguments: { run: 'piped', query: 'SELECT 1' } });
      assert.equal(asked.isError, true);
      assert.match((asked.content as { text: string }[])[0].text, /no trace or experiment table under/);
    });
  });

  it('society_check ["/"] is refused at once, and a workspace path is checked as before', async () => {
    const { ws } = folders();
    fs.cpSync(path.resolve(__dirname, '../../../examples/friends'), path.join(ws, 'friends'), { recursive: true });
    await withMcpClient(cliHost(ws, 0), async (client) => {
      const root = await client.callTool({ name: 'society_check', arguments: { paths: ['/'] } });
      assert.equal(root.isError, true);
      assert.match((root.content as { text: string }[])[0].text, /^\/ is outside the working folder/);
      const ok = await client.callTool({ name: 'society_check', arguments: { paths: ['friends'] } });
      assert.ok(!ok.isError, JSON.stringify(ok.content));
      assert.equal((ok.structuredContent as { untrusted_data: { errors: number } }).untrusted_data.errors, 0);
    });
  });
});
