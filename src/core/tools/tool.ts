// One assistant tool: its name, what it does, a small typed input (zod, as the MCP SDK takes it)
// and what it does with it. The MCP server (`society mcp`) and the editor's language-model tools
// are built from the one table of them (tools.ts); neither adds tools of its own.
import type { z } from 'zod';
import type { ToolProgress } from './progressLines';

/** What an assistant's session may spend: the user's limit, what its tools spent (assistantBudget.ts). */
export interface AssistantBudget {
  /** The user's limit for the session in dollars. */
  readonly limitUsd: number;
  /** What the session's tools spent so far (as their commands reported it). */
  spentUsd: number;
  /** How the user raises it, ending a sentence "Ask the user to …". */
  readonly howToRaise: string;
}

/** What a host gives the tools: how to run the `society` command, its limits and keys. */
export interface ToolHost {
  /** The folder relative paths resolve against, and every path argument is confined to (invokeTool.ts). */
  cwd: string;
  /** False in an untrusted workspace (the editor's Restricted Mode): every tool is refused. */
  trusted?: boolean;
  /** Cost limit of one run or experiment in US dollars, as estimated; 0: none (the user lifted it). */
  costLimitUsd: number;
  /** The session's spending, held to the user's limit across tools (assistantBudget.ts); overrides costLimitUsd. */
  budget?: AssistantBudget;
  /** Whether a key is set for this environment variable name (the editor also has its secret storage). */
  hasKey(env: string): boolean;
  /**
   * `VAR@HOST[:PORT]` pairings the user allowed here (the editor's confirmations), besides the
   * environment's SOCIETY_ALLOW_KEYS; the host passes them to the `society` it runs.
   */
  allowKeys?: readonly string[];
  /** Runs `society <args>` (the same CLI), giving its exit code and output; `onProgress` hears its runs end. */
  society(
    args: string[],
    signal?: AbortSignal,
    onProgress?: (p: ToolProgress) => void,
  ): Promise<{ code: number; stdout: string; stderr: string }>;
}

export interface SocietyTool<S extends z.ZodRawShape = z.ZodRawShape> {
  name: string;
  title: string;
  description: string;
  /** Its arguments; a path is a `pathArg` (pathArg.ts), which the caller confines before `invoke`. */
  input: S;
  /** 'read': answers from files; 'run': spends time and maybe money (asks first, needs trust). */
  kind: 'read' | 'run';
  /** Called through invokeTool.ts only: its path arguments are then real paths inside `host.cwd`. */
  invoke(input: z.infer<z.ZodObject<S>>, host: ToolHost, signal?: AbortSignal): Promise<unknown>;
}

/** A tool defined with its input's type inferred (the table holds them unparameterised). */
export function tool<S extends z.ZodRawShape>(t: SocietyTool<S>): SocietyTool {
  return t as unknown as SocietyTool;
}

/** An answer the tool gives instead of a result: the reason it did not do it. */
export class ToolRefusal extends Error {}
