// A person playing an agent (issue 46, "Play an agent"): the model wrapper, the questions and
// answers, and the record a replay answers from.
export * from './answerBook';
export { responseOf } from './answer';
export { HumanAgentModel, HUMAN_MODEL, PlaySession, type PlayOptions } from './humanModel';
export type { ParticipantPort, PlayNote } from './port';
export * from './question';
