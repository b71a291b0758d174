// Go to definition and find all references (core/format/service/definition.ts, references.ts).
import * as vscode from 'vscode';
import { definitionAt, referencesAt } from '../../core/format';
import { SELECTOR, type SocietyContext } from '../context';
import { toLocation } from '../convert';
import { fileKey } from '../files';

export function registerNavigation(ctx: SocietyContext): vscode.Disposable[] {
  return [
    vscode.languages.registerDefinitionProvider(SELECTOR, {
      async provideDefinition(document, position) {
        const file = fileKey(document.uri);
        return (await definitionAt(await ctx.projects.forFile(file), file, document.offsetAt(position))).map(
          toLocation,
        );
      },
    }),
    vscode.languages.registerReferenceProvider(SELECTOR, {
      async provideReferences(document, position, context) {
        const file = fileKey(document.uri);
        return (
          await referencesAt(
            await ctx.projects.forFile(file),
            file,
            document.offsetAt(position),
            context.includeDeclaration,
          )
        ).map(toLocation);
      },
    }),
  ];
}
