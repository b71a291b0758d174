// The format layer's public surface.
export * from './language/model';
export * from './language/diagnostics';
export { parseSociety, nodeAtPath, type ParsedFile, type ParsedDocument, type PathSegment } from './language/parse';
export { LineIndex } from './language/lines';
export { type ScenarioResolution, type PersonaEntry, type FileAnalysis, SOCIETY_EXTENSION } from './language/workspace';
export { SocietyWorkspace } from './language/societyWorkspace';
export { NodeFileSystem, OverlayFileSystem, type NotAFile, type SocietyFileSystem } from './language/fileSystem';
export { loadScenarioFile, defaultRoot } from './language/load';
export { PROMPT_VARIABLES, templateVariables, renderTemplate } from './language/templates';
export { societySchema, schemaAtPath, documentSchema, type SchemaNode } from './language/schema';
// Editor features (completion, hover, navigation, rename, outline, quick fixes, scaffolding).
export { SocietyProject } from './language/project';
export { cursorContext, type CursorContext } from './service/cursor';
export { completionsAt } from './service/completion';
export type { CompletionItem, CompletionSources, Hover } from './service/types';
export { complete } from './service/completionSources';
export { snippetsAt, DOCUMENT_SNIPPETS, type DocumentSnippet } from './service/documentSnippets';
export { hoverAt } from './service/hover';
export { definitionAt } from './service/definition';
export {
  referencesAt,
  prepareRename,
  renamePersona,
  personaSites,
  type PersonaSite,
  type TextEdit,
  type WorkspaceEdit,
} from './service/references';
export {
  documentSymbols,
  foldingRanges,
  type DocumentSymbol,
  type SymbolKind,
  type FoldingRange,
} from './service/symbols';
export { codeActions, type CodeAction } from './service/codeActions';
export { documentHighlights, highlightsAt, type Highlight } from './service/highlights';
export { scaffoldSociety, type ScaffoldFile } from './service/scaffold';
export { personaCard, type PersonaSummary } from './service/personaCard';
