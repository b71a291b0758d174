// The smallest scenario on a local model, for tests of the model's file, context and cache: two
// people, one round, `model:` as given (and `local:` settings when given).
export function localScenarioText(model: string, o: { local?: string; rounds?: number } = {}): string {
  return (
    [
      'kind: scenario',
      'name: Local',
      'personas:',
      '  - { id: maya, name: Maya, interests: [x] }',
      '  - { id: tom, name: Tom, interests: [x] }',
      `world: { rounds: ${o.rounds ?? 1} }`,
      `models: { default: { provider: local, model: ${model}${o.local ? `, local: ${o.local}` : ''} } }`,
    ].join('\n') + '\n'
  );
}
