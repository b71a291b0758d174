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
