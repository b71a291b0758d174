// A scenario's declared mechanics with every expression compiled once, in the scope it is
// evaluated in (format/expressions/expressions.ts). Validation has checked them; an expression that
// still fails to compile stops the run before it starts, naming where it was written.
import {
  compileExpression,
  expressionEnvironment,
  type Evaluate,
  type Action,
  type Mechanics,
  type Quantity,
  StepsExceeded,
} from '../../format';
import { nameRecord } from '../../text/nameRecord';

/** Where an expression is written (`state.world.fish.update`) and its text, for the run's error events. */
export interface ExpressionSource {
  where: string;
  expression: string;
}

export interface CompiledUpdate extends ExpressionSource {
  quantity: Quantity;
  evaluate: Evaluate;
}

/** An effect's target: a world quantity, the actor's own, or the agent an argument names. */
export type EffectOwner = { kind: 'world' } | { kind: 'me' } | { kind: 'partner' } | { kind: 'arg'; arg: string };

export interface CompiledEffect extends ExpressionSource {
  target: string;
  owner: EffectOwner;
  quantity: string;
  evaluate: Evaluate;
}

export interface CompiledAction {
  spec: Action;
  when?: Evaluate;
  /** The `where` of its agent and post arguments, by argument name (none when no argument has one). */
  wheres?: Record<string, Evaluate>;
  /** Number arguments' bounds written as expressions (`max: "me.received"`), by argument name. */
  bounds?: Record<string, { min?: Evaluate; max?: Evaluate }>;
  effects: CompiledEffect[];
}

export interface CompiledMechanics {
  mechanics: Mechanics;
  worldUpdates: CompiledUpdate[];
  agentUpdates: CompiledUpdate[];
  actions: CompiledAction[];
}

/** An expression that failed while the run evaluated it (an integer division by zero, say). */
export class ExpressionFailure extends Error {
  /** It passed its budget of steps: it would for every agent again, so the run stops. */
  readonly fatal: boolean;
  constructor(
    readonly where: string,
    cause: unknown,
  ) {
    super(`${where}: ${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)}`, { cause });
    this.fatal = cause instanceof StepsExceeded;
  }
}

function compile(env: ReturnType<typeof expressionEnvironment>, text: string, where: string): Evaluate {
  let evaluate: Evaluate;
  try {
    evaluate = compileExpression(env, text);
  } catch (err) {
    throw new Error(`${where}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`, { cause: err });
  }
  return (context) => {
    try {
      return evaluate(context);
    } catch (err) {
      throw new ExpressionFailure(where, err);
    }
  };
}

/** A compiled `when` of a phase or action: true or false, an ExpressionFailure if it fails. */
export type Condition = Evaluate;

export function compileCondition(
  env: ReturnType<typeof expressionEnvironment>,
  text: string,
  where: string,
): Condition {
  return compile(env, text, where);
}

function ownerOf(target: string, action: Action): EffectOwner {
  const owner = target.slice(0, target.indexOf('.'));
  if (owner === 'world') return { kind: 'world' };
  if (owner === 'me') return { kind: 'me' };
  if (owner === 'partner') return { kind: 'partner' };
  if (action.args.some((a) => a.name === owner && a.type === 'agent')) return { kind: 'arg', arg: owner };
  throw new Error(`action '${action.name}': effect on '${target}': '${owner}' is not world, me or an agent argument`);
}

/** Each agent or post argument's `where`, compiled in the candidate's scope; undefined when none has one. */
function argConditions(m: Mechanics, a: Action): Record<string, Evaluate> | undefined {
  const out: Record<string, Evaluate> = nameRecord();
  for (const arg of a.args) {
    if (arg.where === undefined || arg.type === 'number') continue;
    const env = expressionEnvironment(m, { kind: 'candidate', action: a, arg });
    out[arg.name] = compile(env, arg.where, `actions.${a.name}.args.${arg.name}.where`);
  }
  return Object.keys(out).length ? out : undefined;
}

/** Each number argument's bounds written as expressions, compiled in the agent's scope; undefined when none is. */
function argBounds(m: Mechanics, a: Action, env: ReturnType<typeof expressionEnvironment>): CompiledAction['bounds'] {
  const out: NonNullable<CompiledAction['bounds']> = nameRecord();
  for (const arg of a.args) {
    if (arg.type !== 'number' || (arg.minExpression === undefined && arg.maxExpression === undefined)) continue;
    const at = `actions.${a.name}.args.${arg.name}`;
    out[arg.name] = {
      ...(arg.minExpression !== undefined ? { min: compile(env, arg.minExpression, `${at}.min`) } : {}),
      ...(arg.maxExpression !== undefined ? { max: compile(env, arg.maxExpression, `${at}.max`) } : {}),
    };
  }
  return Object.keys(out).length ? out : undefined;
}

export function compileMechanics(m: Mechanics): CompiledMechanics {
  const worldEnv = expressionEnvironment(m, { kind: 'world' });
  const agentEnv = expressionEnvironment(m, { kind: 'agent' });
  const updates = (qs: readonly Quantity[], env: typeof worldEnv, side: string): CompiledUpdate[] =>
    qs
      .filter((q) => q.update !== undefined)
      .map((q) => {
        const where = `state.${side}.${q.name}.update`;
        return { quantity: q, where, expression: q.update!, evaluate: compile(env, q.update!, where) };
      });
  return {
    mechanics: m,
    worldUpdates: updates(m.world, worldEnv, 'world'),
    agentUpdates: updates(m.agents, agentEnv, 'agents'),
    actions: m.actions.map((a) => {
      const env = expressionEnvironment(m, { kind: 'action', action: a });
      const wheres = argConditions(m, a);
      const bounds = argBounds(m, a, agentEnv);
      return {
        spec: a,
        ...(bounds ? { bounds } : {}),
        ...(a.when !== undefined ? { when: compile(agentEnv, a.when, `actions.${a.name}.when`) } : {}),
        ...(wheres ? { wheres } : {}),
        effects: a.effects.map((e) => {
          const where = `actions.${a.name}.effects.${e.target}`;
          return {
            target: e.target,
            owner: ownerOf(e.target, a),
            quantity: e.target.slice(e.target.indexOf('.') + 1),
            where,
            expression: e.expression,
            evaluate: compile(env, e.expression, where),
          };
        }),
      };
    }),
  };
}
