// Which tool arguments are paths, marked where the tool declares its input: `pathArg('read', …)`
// instead of `z.string()`. invokeTool.ts confines every one so marked before the tool sees it, and
// the hostile test gives each one its set of bad paths: no tool confines (or forgets to) on its own.
import { z } from 'zod';

/** 'read': an existing file or folder the tool reads; 'write': a folder it writes (made if absent). */
export type PathMode = 'read' | 'write';

/** A registry of its own: the marks stay out of the JSON schema the editor and MCP clients get. */
const PATHS = z.registry<{ mode: PathMode }>();

/** A string argument that is a path inside the working folder. */
export function pathArg(mode: PathMode, description: string): z.ZodString {
  const schema = z.string().min(1).describe(description);
  PATHS.add(schema, { mode });
  return schema;
}

/** One path argument of a tool: its key, its mode, and whether it is a list of paths. */
export interface PathArgument {
  key: string;
  mode: PathMode;
  list: boolean;
}

/** The schema inside optional / default / array wrappers, and whether an array held it. */
function inner(schema: z.ZodType): { schema: z.ZodType; list: boolean } {
  let s = schema;
  let list = false;
  for (;;) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodDefault) s = s.unwrap() as z.ZodType;
    else if (s instanceof z.ZodArray) {
      s = s.element as z.ZodType;
      list = true;
    } else return { schema: s, list };
  }
}

/** The path arguments of an input shape, in its order. */
export function pathArguments(input: z.ZodRawShape): PathArgument[] {
  return Object.entries(input).flatMap(([key, schema]) => {
    const { schema: s, list } = inner(schema as z.ZodType);
    const mark = PATHS.get(s);
    return mark ? [{ key, mode: mark.mode, list }] : [];
  });
}
