// Document symbols (outline, breadcrumbs, Go to Symbol) and folding (core/format/service/symbols.ts).
import * as vscode from 'vscode';
import { documentSymbols, foldingRanges, type DocumentSymbol, type SymbolKind } from '../../core/format';
import { SELECTOR, type SocietyContext } from '../context';
import { toRange } from '../convert';
import { fileKey } from '../files';

const KIND: Record<SymbolKind, vscode.SymbolKind> = {
  scenario: vscode.SymbolKind.Namespace,
  persona: vscode.SymbolKind.Class,
  include: vscode.SymbolKind.File,
  event: vscode.SymbolKind.Event,
  object: vscode.SymbolKind.Object,
  array: vscode.SymbolKind.Array,
  property: vscode.SymbolKind.Property,
};

export function registerOutline(ctx: SocietyContext): vscode.Disposable[] {
  const parsed = async (document: vscode.TextDocument) => {
    const file = fileKey(document.uri);
    return (await ctx.projects.forFile(file)).workspace.analyzeText(file, document.getText()).parsed;
  };
  return [
    vscode.languages.registerDocumentSymbolProvider(
      SELECTOR,
      {
        async provideDocumentSymbols(document) {
          return documentSymbols(await parsed(document)).map(toSymbol);
        },
      },
      { label: 'Society' },
    ),
    vscode.languages.registerFoldingRangeProvider(SELECTOR, {
      async provideFoldingRanges(document) {
        return foldingRanges(await parsed(document)).map(
          (f) =>
            new vscode.FoldingRange(
              f.startLine,
              f.endLine,
              f.kind === 'comment'
                ? vscode.FoldingRangeKind.Comment
                : f.kind === 'region'
                  ? vscode.FoldingRangeKind.Region
                  : undefined,
            ),
        );
      },
    }),
  ];
}

function toSymbol(s: DocumentSymbol): vscode.DocumentSymbol {
  const out = new vscode.DocumentSymbol(
    s.name || ' ',
    s.detail ?? '',
    KIND[s.kind],
    toRange(s.range),
    toRange(s.selectionRange),
  );
  out.children = s.children.map(toSymbol);
  return out;
}
