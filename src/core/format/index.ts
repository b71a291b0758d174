// The format layer's public surface.
export * from './model';
export * from './diagnostics';
export { parseSociety, nodeAtPath, type ParsedFile, type ParsedDocument, type PathSegment } from './parse';
export { LineIndex } from './lines';
export { SocietyWorkspace, type ScenarioResolution, type PersonaEntry, type FileAnalysis, SOCIETY_EXTENSION } from './workspace';
export { NodeFileSystem, OverlayFileSystem, type SocietyFileSystem } from './fileSystem';
export { loadScenarioFile, defaultRoot } from './load';
export { PROMPT_VARIABLES, templateVariables, renderTemplate } from './templates';
export { societySchema, schemaAtPath, documentSchema, type SchemaNode } from './schema';
// Editor features (completion, hover, navigation, rename, outline, quick fixes, scaffolding).
export { SocietyProject } from './project';
export { cursorContext, type CursorContext } from './cursor';
export { completionsAt, type CompletionItem, type CompletionSources } from './completion';
export { complete } from './completionSources';
export { snippetsAt, DOCUMENT_SNIPPETS, type DocumentSnippet } from './documentSnippets';
export { hoverAt, type Hover } from './hover';
export { definitionAt } from './definition';
export { referencesAt, prepareRename, renamePersona, personaSites, type PersonaSite, type TextEdit, type WorkspaceEdit } from './references';
export { documentSymbols, foldingRanges, type DocumentSymbol, type SymbolKind, type FoldingRange } from './symbols';
export { codeActions, type CodeAction } from './codeActions';
export { scaffoldSociety, type ScaffoldFile } from './scaffold';
export { personaCard, type PersonaSummary } from './personaCard';
