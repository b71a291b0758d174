// Edits as a person types them on a command line or in an input box, one per option:
//   remember maya=I heard the café is closing      forget maya#12
//   quantity maya.coins=10   quantity world.pot=0  trait maya.openness=0.9
//   persona maya.bio=A retired nurse …             tie maya->sam=0.8   (or maya:sam=0.8)
//   set coaching.enabled=false                     broadcast The market crashed.
// A value after `set` is read as YAML (false, 3, [a, b], "text"). Errors are one sentence each.
import { parse as parseYaml } from 'yaml';
import { TRAIT_NAMES, type TraitName } from '../format';
import { editShapeProblem } from './editShape';
import { PERSONA_TEXT_FIELDS, type PersonaTextField, type WorldEdit, type WorldEditKind } from '../trace/edits';

/** Importance of a memory a branch adds (Generative Agents' scale, 1–10): notable, not dramatic. */
export const REMEMBER_IMPORTANCE = 6;

export class EditSyntaxError extends Error {}

export const EDIT_FORMS: Record<WorldEditKind, string> = {
  remember: 'AGENT=TEXT (or AGENT:IMPORTANCE=TEXT)',
  forget: 'AGENT#MEMORY_ID',
  quantity: 'AGENT.QUANTITY=NUMBER or world.QUANTITY=NUMBER',
  trait: 'AGENT.TRAIT=0..1',
  persona: `AGENT.FIELD=TEXT (${PERSONA_TEXT_FIELDS.join(', ')})`,
  tie: 'FROM->TO=0..1',
  setting: 'PATH=VALUE',
  broadcast: 'TEXT',
};

/** One edit of `kind` from its text (what follows `--remember`, `--set`, …). */
export function parseEdit(kind: WorldEditKind, text: string): WorldEdit {
  const bad = (): never => {
    throw new EditSyntaxError(
      `--${kind === 'setting' ? 'set' : kind} ${JSON.stringify(text)}: expected ${EDIT_FORMS[kind]}`,
    );
  };
  const [left, value] = split(text, kind === 'forget' || kind === 'broadcast' ? undefined : '=');
  switch (kind) {
    case 'remember': {
      const m = /^([^:=]+?)(?::(\d+))?$/.exec(left.trim());
      if (!m || value === undefined) return bad();
      return { edit: 'remember', agent: m[1], text: value, importance: m[2] ? Number(m[2]) : REMEMBER_IMPORTANCE };
    }
    case 'forget': {
      const m = /^(.+?)#(\d+)$/.exec(text.trim());
      return m ? { edit: 'forget', agent: m[1], memory: Number(m[2]) } : bad();
    }
    case 'quantity': {
      const [owner, name] = dotted(left) ?? bad();
      const n = number(value) ?? bad();
      return owner === 'world'
        ? { edit: 'quantity', quantity: name, value: n }
        : { edit: 'quantity', agent: owner, quantity: name, value: n };
    }
    case 'trait': {
      const [agent, trait] = dotted(left) ?? bad();
      const n = number(value) ?? bad();
      if (!TRAIT_NAMES.includes(trait as TraitName)) {
        throw new EditSyntaxError(
          `--trait ${JSON.stringify(text)}: '${trait}' is not a trait (${TRAIT_NAMES.join(', ')})`,
        );
      }
      return { edit: 'trait', agent, trait: trait as TraitName, value: n };
    }
    case 'persona': {
      const [agent, field] = dotted(left) ?? bad();
      if (value === undefined) return bad();
      return { edit: 'persona', agent, field: field as PersonaTextField, value };
    }
    case 'tie': {
      const m = /^(.+?)(?:->|:)(.+)$/.exec(left.trim());
      const n = number(value);
      return m && n !== undefined ? { edit: 'tie', from: m[1].trim(), to: m[2].trim(), strength: n } : bad();
    }
    case 'setting':
      if (value === undefined || !left.trim()) return bad();
      return { edit: 'setting', path: left.trim(), value: yamlValue(value) };
    case 'broadcast':
      return text.trim() ? { edit: 'broadcast', text: text.trim() } : bad();
  }
}

/** `left=right` at the first `sep` (the whole text when there is no separator to find). */
function split(text: string, sep: string | undefined): [string, string | undefined] {
  if (!sep) return [text, undefined];
  const at = text.indexOf(sep);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

function dotted(s: string): [string, string] | undefined {
  const at = s.lastIndexOf('.');
  return at > 0 && at < s.length - 1 ? [s.slice(0, at).trim(), s.slice(at + 1).trim()] : undefined;
}

function number(s: string | undefined): number | undefined {
  const n = s === undefined || s.trim() === '' ? NaN : Number(s);
  return Number.isFinite(n) ? n : undefined;
}

function yamlValue(s: string): unknown {
  try {
    return parseYaml(s) as unknown;
  } catch {
    return s;
  }
}

/** Edits from a JSON file's text: an array of WorldEdit objects (`society fork --edits FILE`). */
export function editsFromJson(text: string): WorldEdit[] {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (err) {
    throw new EditSyntaxError(`not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  if (
    !Array.isArray(v) ||
    !v.every((e) => e && typeof e === 'object' && typeof (e as { edit?: unknown }).edit === 'string')
  ) {
    throw new EditSyntaxError('expected a JSON array of edits, each with its "edit" kind');
  }
  const kinds = Object.keys(EDIT_FORMS);
  const unknown = (v as { edit: string }[]).find((e) => !Object.hasOwn(EDIT_FORMS, e.edit));
  if (unknown) throw new EditSyntaxError(`"${unknown.edit}" is not an edit (${kinds.join(', ')})`);
  for (const [i, e] of (v as { edit: WorldEditKind }[]).entries()) {
    const problem = editShapeProblem(e.edit, e as unknown as Record<string, unknown>);
    if (problem) throw new EditSyntaxError(`edit ${i + 1} (${e.edit}): ${problem}`);
  }
  return v as WorldEdit[];
}
