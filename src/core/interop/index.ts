// Interoperability with other agent simulators: persona imports from TinyTroupe and OASIS.
export {
  importPersonas,
  detectImportSource,
  IMPORT_SOURCES,
  type ImportSource,
  type ImportResult,
  type ImportedFile,
  type ImportOptions,
} from './importPersonas';
export { formatImportWarning } from './warningBook';
export type { ImportWarning, PersonaDraft } from './foreignAgent';
export type { SourceText } from './sourceText';
