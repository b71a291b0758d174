// A branch's edit as a person reads it (`coaching.enabled = false`); an object that is not one of
// ours (an older or hand-written branch.json) as its JSON.
import { describeEdit, type WorldEdit } from '../../trace/edits';

const KINDS = new Set(['remember', 'forget', 'quantity', 'trait', 'persona', 'tie', 'setting', 'broadcast']);

export function editText(x: unknown): string {
  const kind = (x as { edit?: unknown } | null)?.edit;
  return typeof kind === 'string' && KINDS.has(kind) ? describeEdit(x as WorldEdit) : JSON.stringify(x);
}
