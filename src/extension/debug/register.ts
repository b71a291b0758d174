// The `society` debugger in the editor: configurations (F5 on a .society file), the debug adapter
// running inline in the extension host (the same session the stdio adapter runs), the scenario
// with the Society Studio settings applied, its models with the keys from SecretStorage, and the
// society view following the debugged run in a panel of its own (a run started meanwhile gets the
// run panel) — its events stream into the view and every stop highlights the acting agent in its
// round, in the panel showing that session only. The status bar says a session is debugging, and
// its trace counts as being written until the session ends (the Society tree then says stopped).
import * as vscode from 'vscode';
import type { SocietyContext } from '../context';
import { registryModels } from '../../debug/registryModels';
import { societyDesign, stateDeclarations, type HostMessage } from '../../core/protocol/viewMessages';
import { SocietyDebugSession, HIGHLIGHT_EVENT, INTERVENTION_EVENT, RESUMED_EVENT } from '../../debug/session';
import type { DebugRun } from '../../debug/debugRun';
import { loadKeys } from '../run/apiKeys';
import { confirmKeyRoutes } from '../run/keyRoutes';
import { currentRunSettings } from '../run/costLimit';
import { applyRunSettings } from '../run/runSettings';
import { languageModelClient } from '../run/languageModelClient';
import type { SocietyPanels } from '../views/societyPanel';
import { TraceFeed } from '../views/traceFeed';
import { pausedAt } from './pausedAt';
import type { ActivityStatus } from '../run/activityStatus';
import { liveTraces } from '../run/liveTraces';
import { TraceMemorySource } from '../../core/memory/traceMemorySource';
import { DEBUG_TYPE, SocietyDebugConfigurations } from './configurations';
import { debugPlay } from '../play/debugPlay';

export function registerDebugger(
  ctx: SocietyContext,
  panels: SocietyPanels,
  log: vscode.LogOutputChannel,
  status?: ActivityStatus,
): vscode.Disposable[] {
  const configurations = new SocietyDebugConfigurations(ctx);
  const feeds = new Map<string, TraceFeed>();
  /** Per session: ends its trace's "being written". */
  const unlive = new Map<string, () => void>();
  /** Per session: the memories the editor shows while it is paused (lens, hover, tree, inspector). */
  const memories = new Map<string, TraceMemorySource>();
  const follow = (session: vscode.DebugSession, run: DebugRun): void => {
    feeds.get(session.id)?.setStatus('stopped', 'restarted');
    const feed = new TraceFeed({ kind: 'run', label: `${run.scenario.name} (debug)` }, true);
    feed.setHeader(run.sim.header, stateDeclarations(run.scenario.mechanics), societyDesign(run.scenario));
    run.sim.on((e) => feed.push(e));
    // The session's model calls, heard as they are made: the view's Prompt & answer.
    feed.prompts = run.prompts;
    feeds.set(session.id, feed);
    // The session's own events, not its trace file (which the engine writes a round at a time):
    // paused mid-round, the lens and hover show that point, as the society view does.
    const before = memories.get(session.id);
    if (before) ctx.memory.release(before);
    const memory = new TraceMemorySource(
      'debug',
      `${run.scenario.name} (debug)`,
      typeof session.configuration.trace === 'string' ? session.configuration.trace : undefined,
    );
    memory.setHeader(run.sim.header);
    run.sim.on((e) => memory.add(e));
    memories.set(session.id, memory);
    ctx.memory.use(memory);
    panels.show(feed, `${run.scenario.name} (debug)`, 'debug');
    const trace = session.configuration.trace;
    if (typeof trace === 'string' && !unlive.has(session.id)) unlive.set(session.id, liveTraces.add(trace));
    status?.set(
      session,
      `$(debug) Society: debugging ${run.scenario.name}`,
      `${run.scenario.name} (debug session)${typeof trace === 'string' ? `\n${trace}` : ''}`,
    );
  };
  return [
    vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, configurations),
    vscode.debug.registerDebugConfigurationProvider(
      DEBUG_TYPE,
      { provideDebugConfigurations: () => configurations.provideDebugConfigurations() },
      vscode.DebugConfigurationProviderTriggerKind.Dynamic,
    ),
    vscode.debug.registerDebugAdapterDescriptorFactory(DEBUG_TYPE, {
      createDebugAdapterDescriptor: (session) =>
        new vscode.DebugAdapterInlineImplementation(
          new SocietyDebugSession({
            // The settings apply as they do to Run Simulation (read again at each start and restart).
            models: async (loaded, run) => {
              const scenario = applyRunSettings(loaded, currentRunSettings());
              const keys = await loadKeys(ctx.extension.secrets, scenario);
              const allowKeys = await confirmKeyRoutes(scenario);
              const { play, trace } = session.configuration;
              const wrap =
                typeof play === 'string'
                  ? debugPlay(ctx.extension.extensionUri, scenario, play, trace, run.rounds)
                  : undefined;
              return registryModels(scenario, run, {
                secrets: (name) => keys.get(name),
                allowKeys,
                chatClientFactory: (cfg) => languageModelClient(cfg),
                ...(wrap ? { wrap } : {}),
              });
            },
            onRun: (run) => follow(session, run),
          }),
        ),
    }),
    vscode.debug.onDidReceiveDebugSessionCustomEvent(customEventHandler(feeds, memories, panels, log)),
    vscode.debug.onDidTerminateDebugSession((s) => {
      pausedAt.delete(s.id);
      unlive.get(s.id)?.();
      unlive.delete(s.id);
      const memory = memories.get(s.id);
      if (memory) {
        ctx.memory.release(memory);
        memories.delete(s.id);
      }
      status?.clear(s);
      const feed = feeds.get(s.id);
      if (!feed) return;
      feeds.delete(s.id);
      if (feed.going) feed.setStatus(feed.ended ? 'completed' : 'stopped');
    }),
  ];
}

/** The debug session's own events: a stop (highlight the actor, catch the memory views up), a resume, an intervention. */
function customEventHandler(
  feeds: Map<string, TraceFeed>,
  memories: Map<string, TraceMemorySource>,
  panels: SocietyPanels,
  log: vscode.LogOutputChannel,
): (e: vscode.DebugSessionCustomEvent) => void {
  return (e) => {
    if (e.session.type !== DEBUG_TYPE) return;
    if (e.event === HIGHLIGHT_EVENT) {
      const round = (e.body as { round?: unknown }).round;
      if (typeof round === 'number') pausedAt.set(e.session.id, round);
      // Every stop: the memory views catch up with the paused point.
      memories.get(e.session.id)?.flush();
      const feed = feeds.get(e.session.id);
      if (!feed) return;
      feed.flush();
      const { paused, ...highlight } = e.body as Omit<Extract<HostMessage, { type: 'highlight' }>, 'type'> & {
        paused?: string;
      };
      // The badge says paused (and why) until the run goes on.
      if (feed.going) feed.setStatus('paused', paused || undefined);
      panels.post(feed, { type: 'highlight', ...highlight });
    } else if (e.event === RESUMED_EVENT) {
      const feed = feeds.get(e.session.id);
      if (feed?.status === 'paused') feed.setStatus('running');
    } else if (e.event === INTERVENTION_EVENT) {
      const b = e.body as { agent: string; question: string; answer: string; round: number };
      log.info(`intervention (round ${b.round}): asked ${b.agent} "${b.question}" → ${b.answer}`);
    }
  };
}
