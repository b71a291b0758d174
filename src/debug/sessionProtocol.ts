// What this adapter declares to and adds to DAP: its capabilities, and the custom events and
// request the extension listens for and sends (register.ts, memoryCommands.ts).
import type { DebugProtocol } from '@vscode/debugprotocol';
import { EVENT_FILTERS } from '../core/debug/eventFilters';

/** Sent with every stop, so the society view can highlight the encounter. */
export const HIGHLIGHT_EVENT = 'society.highlight';
/** Sent when a paused run goes on (continue, a step, restart): the society view says it is running again. */
export const RESUMED_EVENT = 'society.resumed';
/** A custom request: the agent the paused run stands at (its turn, or the event it stopped after), for Show Memories. */
export const PAUSED_AGENT_REQUEST = 'society.pausedAgent';
/** Sent when the console interviews an agent: an intervention the extension records. */
export const INTERVENTION_EVENT = 'society.intervention';

/** What the session supports, answered to `initialize`. */
export function capabilities(): DebugProtocol.Capabilities {
  return {
    supportsConfigurationDoneRequest: true,
    supportsConditionalBreakpoints: true,
    supportsHitConditionalBreakpoints: true,
    supportsLogPoints: true,
    supportsFunctionBreakpoints: true,
    supportsEvaluateForHovers: false,
    supportsRestartRequest: true,
    supportsTerminateRequest: true,
    // Break on what happened (a failed model call, a tie formed…): checkboxes in the Breakpoints view.
    exceptionBreakpointFilters: EVENT_FILTERS.map((f) => ({
      filter: f.id,
      label: f.label,
      description: f.description,
      default: f.default,
    })),
    supportsExceptionInfoRequest: true,
  };
}
