// The edits of a branch, picked in a quick pick: add an edit of a kind (an input box that takes the
// same words as `society fork`, checked as they are typed), remove one by picking it, then branch.
import * as vscode from 'vscode';
import { EDIT_FORMS, EditSyntaxError, parseEdit } from '../../core/branch/editSyntax';
import { branchPoint } from '../../core/branch/branchName';
import { describeEdit, type WorldEdit, type WorldEditKind } from '../../core/trace/edits';

/** Each kind as the picker offers it, with an example of what to type. */
export const EDIT_CHOICES: { kind: WorldEditKind; label: string; example: string }[] = [
  { kind: 'setting', label: 'Change a setting…', example: 'coaching.enabled=false' },
  { kind: 'tie', label: 'Set a tie…', example: 'maya->sam=0.8' },
  { kind: 'remember', label: 'Give an agent a memory…', example: 'maya=Sam is moving away next month' },
  { kind: 'forget', label: 'Take a memory away…', example: 'maya#3' },
  { kind: 'quantity', label: 'Set a quantity…', example: 'maya.coins=10  or  world.pot=0' },
  { kind: 'trait', label: 'Set a trait…', example: 'maya.extraversion=0.2' },
  { kind: 'persona', label: "Rewrite an agent's persona text…", example: 'maya.bio=A retired nurse who…' },
  { kind: 'broadcast', label: 'News for everyone…', example: 'The library closes for a month.' },
];

type Item = vscode.QuickPickItem & { run?: true; add?: WorldEditKind; index?: number };

/** The edits, or undefined when the person cancels. */
export async function pickEdits(round: number, parentName: string): Promise<WorldEdit[] | undefined> {
  const edits: WorldEdit[] = [];
  for (;;) {
    const items: Item[] = [
      {
        label: edits.length
          ? `$(run) Branch with ${edits.length === 1 ? 'this edit' : `these ${edits.length} edits`}`
          : '$(run) Branch with no edit',
        detail: edits.length ? undefined : `the parent again from round ${round}: the same trace, byte for byte`,
        run: true,
      },
      ...edits.map((e, index): Item => ({ label: `$(edit) ${describeEdit(e)}`, description: 'remove', index })),
      ...EDIT_CHOICES.map((c): Item => ({ label: `$(add) ${c.label}`, description: EDIT_FORMS[c.kind], add: c.kind })),
    ];
    const picked = await vscode.window.showQuickPick(items, {
      title: `Branch ${parentName} ${branchPoint(round)}`,
      placeHolder: `Add edits that apply at the start of round ${round}, then branch`,
      ignoreFocusOut: true,
    });
    if (!picked) return undefined;
    if (picked.run) return edits;
    if (picked.index !== undefined) edits.splice(picked.index, 1);
    else if (picked.add) {
      const edit = await askEdit(picked.add);
      if (edit) edits.push(edit);
    }
  }
}

async function askEdit(kind: WorldEditKind): Promise<WorldEdit | undefined> {
  const choice = EDIT_CHOICES.find((c) => c.kind === kind)!;
  const parse = (text: string): WorldEdit | string => {
    try {
      return parseEdit(kind, text);
    } catch (err) {
      return err instanceof EditSyntaxError ? err.message.replace(/^--\S+ /, '') : String(err);
    }
  };
  const text = await vscode.window.showInputBox({
    title: choice.label.replace('…', ''),
    prompt: `${EDIT_FORMS[kind]} — e.g. ${choice.example}`,
    placeHolder: choice.example,
    ignoreFocusOut: true,
    validateInput: (t) =>
      t.trim() === '' ? undefined : typeof parse(t) === 'string' ? (parse(t) as string) : undefined,
  });
  if (!text?.trim()) return undefined;
  const edit = parse(text);
  return typeof edit === 'string' ? undefined : edit;
}
