// The language at a path, in the schema's own words: what `world.encounters.mode` means and takes.
import { z } from 'zod';
import { schemaAtPath, type SchemaNode } from '../format';
import { ToolRefusal, tool } from './tool';

/** A path as its segments: `relationships.0.with` → ['relationships', 0, 'with']. */
function segments(text: string): (string | number)[] {
  return text
    .split('.')
    .filter(Boolean)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function summary(node: SchemaNode) {
  return {
    description: node.description ?? node.title,
    type: node.type,
    enum: node.enum,
    default: node.default,
    minimum: node.minimum,
    maximum: node.maximum,
    keys: node.properties ? Object.keys(node.properties) : undefined,
    required: node.required,
  };
}

export const describeTool = tool({
  name: 'society_describe',
  title: 'Describe the language',
  description:
    "What a key of a .society file means and takes, from the language's schema: its description, type, allowed values, default and sub-keys. The path is dotted from the document's top (`world.encounters.mode`, `personas.0.traits`); empty: the top level.",
  input: {
    path: z.string().max(200).describe('dotted path, e.g. world.encounters.mode; empty for the top'),
    kind: z.enum(['scenario', 'persona']).default('scenario').describe('the document kind'),
  },
  kind: 'read',
  async invoke({ path, kind }) {
    const node = schemaAtPath(kind, segments(path));
    if (!node) throw new ToolRefusal(`the ${kind} language has no key at '${path}'`);
    return { path, kind, ...summary(node) };
  },
});
