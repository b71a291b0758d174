// The tools as package.json's `contributes.languageModelTools` entries: VS Code reads the input
// schema from there, so it is generated from the same zod shapes (a test keeps the two equal).
import { z } from 'zod';
import { TOOLS } from './tools';
import { DATA_NOTE } from './untrustedData';

export interface LanguageModelToolContribution {
  name: string;
  toolReferenceName: string;
  displayName: string;
  modelDescription: string;
  canBeReferencedInPrompt: boolean;
  tags: string[];
  inputSchema: unknown;
}

export function languageModelToolContributions(): LanguageModelToolContribution[] {
  return TOOLS.map((t) => {
    const { $schema: _drop, ...inputSchema } = z.toJSONSchema(z.object(t.input), { io: 'input' }) as Record<
      string,
      unknown
    >;
    return {
      name: t.name,
      toolReferenceName: t.name.replace(/^society_/, 'society-'),
      displayName: t.title,
      modelDescription: `${t.description} ${DATA_NOTE}`,
      canBeReferencedInPrompt: true,
      tags: ['society', t.kind === 'run' ? 'society-run' : 'society-read'],
      inputSchema,
    };
  });
}
