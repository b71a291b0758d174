// Ostrom, Walker & Gardner's (1992) common pool as a scenario for tests: eight appropriators, 25
// tokens each, a market paying 5 a token and a pool whose group return is 23X − 0.25X² for X tokens
// put in by all, shared by what each put in. The group does best at X = 36; each one's own best
// reply leads to X = 64. With `talk`, a conversation (meet, evaluate) comes before every round:
// in pairs drawn at random, or (`'room'`) the eight together.
export function commonPool(seed: number, opts: { talk?: boolean | 'room'; rounds?: number } = {}): string {
  const talk = opts.talk
    ? {
        world:
          opts.talk === 'room'
            ? '\n  encounters: { mode: random, per_round: 0 }\n  rooms: [{ name: table, size: 8 }]\n  conversation: { turns: 2 }'
            : '\n  encounters: { mode: random, per_round: 1 }\n  conversation: { turns: 2 }',
        phases: '  - { phase: meet }\n  - { phase: evaluate }\n',
      }
    : { world: '', phases: '' };
  return `kind: scenario
name: Commons
seed: ${seed}
population:
  - { group: players, count: 8, id_prefix: p }
world:
  rounds: ${opts.rounds ?? 3}${talk.world}
state:
  world:
    invested: { initial: 0, min: 0, valued: false, update: "0.0" }
    last_invested: { initial: 0, min: 0, valued: false, update: "world.invested" }
    last_return: { initial: 0, valued: false, update: "23.0 * world.invested - 0.25 * world.invested * world.invested" }
  agents:
    earnings:
      initial: 0
      update: "me.earnings + 5.0 * (25.0 - me.in_pool) + (world.last_invested > 0.0 ? me.in_pool / world.last_invested * world.last_return : 0.0)"
    in_pool: { initial: 0, min: 0, valued: false, update: "0.0" }
actions:
  appropriate:
    description: Put tokens in the pool.
    args: { tokens: { type: number, min: 0, max: 25 } }
    effects:
      me.in_pool: "args.tokens"
      world.invested: "world.invested + args.tokens"
round:
${talk.phases}  - phase: invest
    actions: [appropriate]
`;
}
