// Completion of the keys of a `set:` (an experiment condition's or a timed event's): the dotted
// paths it may name, from the list SOC054 quotes (language/parameterPaths.ts), so what is offered
// is exactly what the check accepts: a condition's declared quantities and population groups
// first, then the run settings; an event's run settings only.
import type { Mechanics } from '../model/mechanics';
import { settablePaths, setSiteOf, type SettablePath } from '../schema/parameterPaths';
import { worldNamesOf, type QuantityField } from '../schema/worldPaths';
import type { CursorContext } from './cursor';
import { keyInsertText } from './keyInsertText';
import type { CompletionItem, CompletionSources } from './types';
import { quantityCard } from './mechanicsText';
import { schemaMarkdown, typeSummary } from './schemaText';
import { shortDetail } from './shortDetail';

const FIELD_MEANING: Record<QuantityField, string> = {
  initial: 'its value when the run starts',
  min: 'its lower bound',
  max: 'its upper bound',
  update: 'its CEL expression for next round, from this round',
  worth_usd: 'what one unit is worth in US dollars (the stake on a money scale)',
};

/** A declared quantity's field, in words: the quantity's card and what the field is. */
function quantityPathDoc(p: SettablePath, m: Mechanics | undefined): { detail: string; doc: string } {
  const [, side, name, field] = p.path.split('.');
  const q = (side === 'world' ? m?.world : m?.agents)?.find((x) => x.name === name);
  const what = `**${p.path}** · ${field} of ${side === 'world' ? 'world' : 'agent'} quantity \`${name}\`: ${FIELD_MEANING[field as QuantityField]}, in this condition.`;
  return {
    detail: shortDetail([field === 'update' ? 'expression' : 'number', side === 'world' ? 'world' : 'agents']),
    doc: q ? `${what}\n\n${quantityCard(q, side === 'world' ? 'world' : 'agent')}` : what,
  };
}

/** The completions at a key of a `set:`, else undefined (other completions apply). */
export function parameterPathCompletions(ctx: CursorContext, sources: CompletionSources): CompletionItem[] | undefined {
  const site = ctx.kind === 'scenario' && ctx.role === 'key' ? setSiteOf(ctx.path) : undefined;
  if (!site) return undefined;
  const m = sources.mechanics?.();
  const names = worldNamesOf(sources.scenarioValue?.());
  return settablePaths(site, names, sources.scenarioValue?.())
    .filter((p) => !ctx.existingKeys.includes(p.path))
    .map((p, i) => {
      const { detail, doc } =
        p.kind === 'quantity'
          ? quantityPathDoc(p, m)
          : { detail: shortDetail([typeSummary(p.node)]), doc: schemaMarkdown(p.path, p.node) };
      const insert =
        p.kind === 'quantity'
          ? { text: p.path.endsWith('.update') ? `${p.path}: "$1"` : `${p.path}: $1` }
          : keyInsertText(p.path, p.node ?? {}, ctx.flow);
      return {
        label: p.path,
        kind: 'property' as const,
        detail,
        documentation: doc,
        insertText: insert.text,
        snippet: true,
        range: ctx.replace,
        sortText: String(i).padStart(4, '0'),
      };
    });
}
