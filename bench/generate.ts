// Generated .society texts for benchmarks: large, realistic, deterministic.
const INTERESTS = [
  'climbing',
  'open data',
  'jazz',
  'cooking',
  'chess',
  'gardening',
  'film',
  'cycling',
  'poetry',
  'startups',
  'birding',
  'board games',
];

export function scenarioWithInlinePersonas(count: number): string {
  const out = ['kind: scenario', 'name: Generated', 'seed: 1', 'world:', '  rounds: 10', 'personas:'];
  for (let i = 0; i < count; i++) {
    const a = INTERESTS[i % INTERESTS.length],
      b = INTERESTS[(i * 7 + 3) % INTERESTS.length];
    out.push(
      `  - id: p${i}`,
      `    name: Person ${i}`,
      `    age: ${20 + (i % 45)}`,
      `    occupation: occupation ${i % 37}`,
      `    bio: Lives in district ${i % 19} and likes ${a}.`,
      `    traits: { openness: 0.${(i * 7) % 10}, conscientiousness: 0.5, extraversion: 0.${(i * 3) % 10}, agreeableness: 0.6, neuroticism: 0.3 }`,
      `    interests: [${a}, ${b}]`,
      `    motivations: { social: 0.4, information: 0.${(i * 5) % 10}, presentation: 0.2, coordination: 0.5, support: 0.6 }`,
      `    relationships:`,
      `      - { with: p${(i + 1) % count}, tie: 0.5 }`,
    );
  }
  return out.join('\n') + '\n';
}
