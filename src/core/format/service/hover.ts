// Hover: a key's documentation from the schema; for a persona id, a card of who it is; for an
// include, the files it brings in; for a model name, how the model is configured.
import * as path from 'node:path';
import type { SocietyProject } from '../project/project';
import { tokenAt } from './tokenAt';
import { valueRole } from '../schema/roles';
import { definitionsOf } from './references';
import { includeTargets } from './definition';
import { schemasAt } from './completion';
import { deref, type DocumentKind } from '../schema/schema';
import { schemaMarkdown, show } from './schemaText';
import { personaCard, summarizePersona } from './personaCard';
import { generatedAgent, generatedAgentCard } from '../assemble/generatedIds';
import { populationGroupsVisibleFrom } from './completionSources';
import { expressionHover } from './expressionHover';
import { roundHover } from './roundHover';
import { startStateHover } from './startStateHover';
import { metricHover } from './metricCompletion';
import type { Hover } from './types';
import { censusAgentLines, censusHover } from './censusHover';

export async function hoverAt(project: SocietyProject, file: string, offset: number): Promise<Hover | undefined> {
  const analysis = await project.workspace.analyze(file);
  const token = analysis && tokenAt(analysis.parsed, offset);
  if (!token) return undefined;
  const expression = expressionHover(token, analysis.parsed.lines, offset, analysis.locators[token.doc.index]);
  if (expression) return expression;
  const named =
    roundHover(token, analysis.locators[token.doc.index]) ??
    startStateHover(token, analysis.locators[token.doc.index]) ??
    metricHover(token);
  if (named) return named;
  const census = await censusHover(
    token,
    analysis.locators[token.doc.index],
    project.workspace.fs,
    project.workspace.root,
  );
  if (census) return census;
  const kind = token.doc.kind as DocumentKind | undefined;
  const range = token.range;
  const key = token.path[token.path.length - 1];
  if (token.role === 'value' && typeof token.value === 'string') {
    const role = valueRole(kind, token.path);
    if (role === 'persona-ref' || role === 'persona-id') {
      const defs = await definitionsOf(project, file, token.value);
      if (!defs.length) {
        // A population agent's id is good in references (rooms, remove events, relationships).
        const generated = generatedAgent(
          await populationGroupsVisibleFrom(project, file, token.doc.index),
          token.value,
        );
        if (generated) {
          const at = analysis.locators[token.doc.index];
          const group = generated.group.path[1];
          const origin = await censusAgentLines(
            token,
            at,
            project.workspace,
            typeof group === 'number' ? group : undefined,
            generated.index,
          );
          return { markdown: [generatedAgentCard(generated.group, generated.index), ...origin].join('\n'), range };
        }
        return { markdown: `Unknown persona id \`${token.value}\``, range };
      }
      const d = defs[0];
      return { markdown: personaCard(summarizePersona(d.id, d.value, path.relative(project.root, d.file))), range };
    }
    if (role === 'include') {
      const files = await includeTargets(project, file, token.value);
      const list = files.slice(0, 12).map((f) => `- ${path.relative(path.dirname(file), f)}`);
      if (files.length > 12) list.push(`- … and ${files.length - 12} more`);
      return {
        markdown: [`**include** · ${files.length} file${files.length === 1 ? '' : 's'}`, ...list].join('\n'),
        range,
      };
    }
    if (role === 'model-ref') {
      const model = await modelConfig(project, file, token.doc.index, token.value);
      return {
        markdown: `**model \`${token.value}\`**${
          model
            ? `\n\n${Object.entries(model)
                .map(([k, v]) => `${k}: ${show(v)}`)
                .join(' · ')}`
            : token.value === 'default'
              ? '\n\nThe scenario default (offline unless `models.default` says otherwise).'
              : ''
        }`,
        range,
      };
    }
  }
  if (key === undefined || typeof key === 'number') return undefined;
  if (kind === undefined && !(token.path.length === 1 && key === 'kind')) return undefined;
  const node = schemasAt(kind, token.path, token.doc.value)[0];
  if (!node) return undefined;
  const parent = deref(schemasAt(kind, token.path.slice(0, -1), token.doc.value)[0]);
  return { markdown: schemaMarkdown(key, node, parent?.required?.includes(key) ?? false), range };
}

async function modelConfig(
  project: SocietyProject,
  file: string,
  docIndex: number,
  name: string,
): Promise<Record<string, unknown> | undefined> {
  const own = (await project.workspace.analyze(file))?.parsed.documents[docIndex];
  const docs =
    own?.kind === 'scenario'
      ? [own.value]
      : await Promise.all(
          project
            .resolutionsInvolving(file)
            .map(async (r) => (await project.workspace.analyze(r.file))?.parsed.documents[r.docIndex]?.value),
        );
  for (const v of docs) {
    const m = (v as { models?: Record<string, unknown> } | undefined)?.models?.[name];
    if (m && typeof m === 'object') return m as Record<string, unknown>;
  }
  return undefined;
}
