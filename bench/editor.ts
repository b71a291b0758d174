// Editor benchmarks, measured in core (what the extension calls on each request):
// completion at the deepest path of a 2,000-persona scenario, and keystroke-to-diagnostics
// (the text changes, the project re-checks the file and every scenario that includes it).
import * as path from 'node:path';
import { OverlayFileSystem, NodeFileSystem, SocietyProject, LineIndex, complete } from '../src/core/format';
import { scenarioWithInlinePersonas } from './generate';
import { report, measure } from './measure';

export async function run(): Promise<void> {
  const count = 2000;
  const text = scenarioWithInlinePersonas(count);
  const file = path.resolve('/bench-virtual/editor/big.society');
  const overlay = new OverlayFileSystem(new NodeFileSystem());
  overlay.set(file, text);
  const project = new SocietyProject(overlay, path.dirname(file));
  await project.update([file], { created: [file] });

  // The deepest path: personas[1999].relationships[0].with, cursor after `with: `.
  const anchor = `  - { with: p0, tie: 0.5 }`;
  const lineText = (t: string): number => t.slice(0, t.lastIndexOf(anchor)).split('\n').length - 1;
  const position = { line: lineText(text), character: '      - { with: '.length };
  // Every persona id but the enclosing persona's own (a relationship with oneself is SOC022).
  const check = (labels: string[]): void => {
    if (labels.length !== count - 1) throw new Error(`expected ${count - 1} persona ids, got ${labels.length}`);
  };

  const cached = await measure(20, async () => check((await complete(project, file, position)).map((i) => i.label)));
  report(
    'editor: completion of persona ids at personas[1999].relationships[0].with (text unchanged)',
    cached,
    50,
    `${count} personas, ${new LineIndex(text).lineCount} lines`,
  );

  let n = 0;
  const typed = await measure(20, async () => {
    n++;
    overlay.set(file, text.replace('    name: Person 1999\n', `    name: Person 1999 ${n}\n`));
    check((await complete(project, file, position)).map((i) => i.label));
  });
  report('editor: completion right after a keystroke in the same file (re-parse + ids + items)', typed, 50);

  let k = 0;
  const keystroke = await measure(20, async () => {
    k++;
    overlay.set(file, text.replace('    name: Person 1000\n', `    name: Person 1000 ${k}\n`));
    const out = await project.update([file]);
    if ((out.get(file) ?? []).length) throw new Error('edit introduced diagnostics');
  });
  report('editor: keystroke-to-diagnostics in the 2,000-persona file (re-check + scenario)', keystroke, 100);

  // Cross-file: one persona of the friends example edited; its scenario re-resolves 16 files.
  const root = path.resolve(__dirname, '../examples/friends');
  const friends = new SocietyProject(new OverlayFileSystem(new NodeFileSystem()), root);
  await friends.load();
  const maya = path.join(root, 'personas/maya_chen.society');
  const original = (await friends.workspace.fs.readFile(maya))!;
  let j = 0;
  const crossFile = await measure(20, async () => {
    j++;
    (friends.workspace.fs as OverlayFileSystem).set(maya, original.replace('age: 27', `age: ${27 + (j % 5)}`));
    const out = await friends.update([maya]);
    if (out.size < 17) throw new Error('the scenario and its personas should be republished');
  });
  report(
    'editor: keystroke-to-diagnostics in a persona included by a 16-persona scenario (cross-file)',
    crossFile,
    100,
  );
}
