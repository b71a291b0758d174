// The format layer's public surface.
export * from './pure';
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
// Reached by hosts and other floors (they import nothing past this index).
export { readDataFileSync, type FileRole } from './language/fileLimits';
export { NO_SCENARIO_TO_RUN } from './language/workspace';
export { readObserved, type ObservedData } from './language/observedData';
export { coverageLine, scenarioCoverage, coverageRows } from './language/census/coverageText';
export { slug } from './language/slug';
export { didYouMean } from './language/suggest';
export { personaIdAt } from './service/references';
export { VERB_KEYS, type VerbKey, type VerbFields } from './language/verbs';
export {
  messageCount,
  settingsFromScenario,
  roomWithDefaults,
  flattenSet,
  type RunSettings,
} from './language/settings';
export {
  phaseActionsFor,
  phaseActionFields,
  type Quantity,
  type Mechanics,
  type RoundPhase,
  type BuiltinPhase,
  type ActionArg,
  type ActPhase,
  type Action,
  type KnowledgeItem,
  type Feed,
} from './language/mechanics';
export { readsMatch, type Matching } from './language/matching';
export { lazyAgents, agentRow, type AgentRow } from './language/aggregates';
export {
  compileExpression,
  expressionEnvironment,
  checkExpression,
  type Evaluate,
  type ExpressionContext,
  type Scope,
  type Wanted,
} from './language/expressions';
export { plannedPlace, timeLabel, timeOfRound, lastRoundOfDay } from './language/places';
export { judgesAt, isOfflineJudge, type Judging, type RubricDimension } from './language/judges';
export {
  administeredAt,
  type Survey,
  type SurveyAnswer,
  type BigFiveTrait,
  type ResponseScale,
} from './language/surveys';
export { StepsExceeded } from './language/expressionSteps';
export { type CensusData } from './language/census/censusTypes';
export { synthesise, type CensusMember } from './language/census/synthesise';
export { endpointKey, partOf, sharedLimits, type LimitSettings } from './language/endpointLimits';
export { valueErrors, applyDefaults, validatorFor, type DocumentKind } from './language/schema';
export { listNames, structurePaths, isStructurePath, type StructurePath } from './language/structurePaths';
export {
  parseTimeOutcome,
  wantedTimeOutcomes,
  describeTimeOutcome,
  type TimeOutcome,
} from './language/timeOutcomeNames';
export { conditionFileStem, stemClashes } from './language/conditionFiles';
export {
  isWorldOverride,
  parseWorldPath,
  unknownWorldName,
  type WorldNames,
  type WorldPath,
} from './language/worldPaths';
export { STATE_METRIC, writtenWorldQuantities } from './language/stateOutcomeNames';
export { personaScope } from './language/roles';
export { tokenAt } from './service/tokenAt';
