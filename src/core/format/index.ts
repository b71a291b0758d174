// The format layer's public surface.
export * from './pure';
export * from './model/diagnostics';
export { diagnosticDocLines } from './model/diagnosticDocs';
export { MAX_AGENTS, MAX_AGENT_ROUNDS, runTooLarge, scenarioAgents } from './model/runBounds';
export { argWithoutValue, noValueLeft } from './model/argRange';
export { parseSociety, type ParsedFile, type ParsedDocument, type PathSegment } from './syntax/parse';
export { nodeAtPath } from './syntax/nodePath';
export { LineIndex } from './syntax/lines';
export { type PersonaEntry } from './project/workspace';
export { type ScenarioResolution, type FileAnalysis, SOCIETY_EXTENSION } from './project/resolution';
export { SocietyWorkspace } from './project/societyWorkspace';
export {
  NodeFileSystem,
  OverlayFileSystem,
  TooManyEntries,
  type NotAFile,
  type SocietyFileSystem,
} from './io/fileSystem';
export { loadScenarioFile, loadStudyFile, defaultRoot } from './project/load';
export {
  type Study,
  type StudyHypothesis,
  type StudyEffect,
  type SeedPlan,
  type StudyAnchor,
  effectWeights,
  effectConditions,
} from './model/study';
export { PROMPT_VARIABLES, templateVariables, renderTemplate } from './model/templates';
export { societySchema, schemaAtPath, documentSchema, type SchemaNode } from './schema/schema';
// Editor features (completion, hover, navigation, rename, outline, quick fixes, scaffolding).
export { SocietyProject } from './project/project';
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
export {
  exampleCopy,
  renamedScenario,
  shippedExamples,
  type ExampleCopyFile,
  type ShippedExample,
} from './service/exampleCatalog';
export { personaCard, type PersonaSummary } from './service/personaCard';
// Reached by hosts and other floors (they import nothing past this index).
export { readDataFileSync, type FileRole } from './io/fileLimits';
export { NO_SCENARIO_TO_RUN } from './project/resolution';
export { readObserved, type ObservedData } from './assemble/observedData';
export { coverageLine, scenarioCoverage, coverageRows } from './assemble/census/coverageText';
export { slug } from './model/slug';
export { didYouMean } from './model/suggest';
export { personaIdAt } from './service/references';
export { VERB_KEYS, type VerbKey, type VerbFields } from './model/verbs';
export { messageCount, settingsFromScenario, roomWithDefaults, flattenSet, type RunSettings } from './schema/settings';
export {
  phaseActionsFor,
  phaseActionFields,
  type Quantity,
  type Mechanics,
  type RoundPhase,
  type BuiltinPhase,
  BUILTIN_PHASES,
  type ActionArg,
  type ShownArg,
  type ActPhase,
  type Action,
  type KnowledgeItem,
  type Feed,
} from './model/mechanics';
export { readsMatch, type Matching } from './model/matching';
export { lazyAgents, agentRow, type AgentRow } from './expressions/aggregates';
export {
  compileExpression,
  expressionEnvironment,
  checkExpression,
  type Evaluate,
  type ExpressionContext,
  type Scope,
  type Wanted,
} from './expressions/expressions';
export { plannedPlace, timeLabel, timeOfRound, lastRoundOfDay } from './model/places';
export { judgesAt, isOfflineJudge, type Judging, type RubricDimension } from './model/judges';
export { administeredAt, type Survey, type SurveyAnswer, type BigFiveTrait, type ResponseScale } from './model/surveys';
export { StepsExceeded } from './expressions/expressionSteps';
export { type CensusData } from './model/censusTypes';
export { synthesise, type CensusMember } from './assemble/census/synthesise';
export { endpointKey, partOf, sharedLimits, type LimitSettings } from './assemble/endpointLimits';
export { valueErrors, applyDefaults, validatorFor, type DocumentKind } from './schema/schema';
export { listNames, structurePaths, isStructurePath, type StructurePath } from './schema/structurePaths';
export { parseTimeOutcome, wantedTimeOutcomes, describeTimeOutcome, type TimeOutcome } from './model/timeOutcomeNames';
export { conditionFileStem, stemClashes } from './checks/conditionFiles';
export {
  isWorldOverride,
  parseWorldPath,
  unknownWorldName,
  type WorldNames,
  type WorldPath,
} from './schema/worldPaths';
export { STATE_METRIC, writtenWorldQuantities } from './model/stateOutcomeNames';
export { personaScope } from './schema/roles';
export { tokenAt } from './service/tokenAt';
