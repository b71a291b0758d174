// On a persona id (its definition or any reference), a hover section with what the agent
// remembers in the run shown; VS Code shows it under the persona card of language/hover.ts.
import * as vscode from 'vscode';
import { personaIdAt } from '../../core/format';
import { memoryHover } from '../../core/memory/memoryHover';
import type { SocietyContext } from '../context';
import { toRange } from '../convert';
import { fileKey } from '../files';
import type { MemoryHub } from './memoryHub';
import { memorySourceFor } from './memorySourceFor';

export function memoryHoverProvider(ctx: SocietyContext, hub: MemoryHub): vscode.HoverProvider {
  return {
    async provideHover(document, position) {
      const file = fileKey(document.uri);
      const source = await memorySourceFor(hub, ctx.projects, file);
      if (!source) return undefined;
      const site = await personaIdAt(await ctx.projects.forFile(file), file, document.offsetAt(position));
      if (!site) return undefined;
      const link = `[Show memories](command:society.memory.show?${encodeURIComponent(JSON.stringify([site.id]))} "Open the memory inspector")`;
      const markdown = memoryHover(source, site.id, { link });
      if (!markdown) return undefined;
      const md = new vscode.MarkdownString(markdown);
      md.isTrusted = { enabledCommands: ['society.memory.show'] };
      return new vscode.Hover(md, toRange(site.range));
    },
  };
}
