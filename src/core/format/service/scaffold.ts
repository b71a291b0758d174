// `Society: New Society`: the files of a small, ready-to-run society — a scenario that includes a
// folder of personas, with settings spelled out so a newcomer sees what can be changed.
import { DRIVERS } from '../model/model';
import { slug } from '../model/slug';

export interface ScaffoldFile {
  path: string;
  text: string;
}

interface Seed {
  id: string;
  name: string;
  age: number;
  occupation: string;
  bio: string;
  interests: string[];
  traits: number[];
  motivations: number[];
  memory: string;
  friend?: string;
}

const PEOPLE: Seed[] = [
  {
    id: 'maya',
    name: 'Maya Chen',
    age: 27,
    occupation: 'data journalist',
    bio: 'Moved to the city last month for a job on a data desk; knows nobody yet.',
    interests: ['bouldering', 'open data', 'photography'],
    traits: [0.8, 0.6, 0.4, 0.7, 0.3],
    motivations: [0.4, 0.9, 0.2, 0.4, 0.5],
    memory: 'I want to find people to climb with on weeknights.',
  },
  {
    id: 'leo',
    name: 'Leo Martin',
    age: 31,
    occupation: 'primary school teacher',
    bio: 'Runs the school chess club and a weekend bouldering group that keeps shrinking.',
    interests: ['bouldering', 'chess', 'cooking'],
    traits: [0.6, 0.7, 0.7, 0.8, 0.3],
    motivations: [0.8, 0.4, 0.3, 0.7, 0.6],
    memory: 'Two regulars left the climbing group this month.',
    friend: 'sam',
  },
  {
    id: 'sam',
    name: 'Sam Okafor',
    age: 24,
    occupation: 'nursing student',
    bio: 'Works night shifts and studies by day; would love a board-game night that fits her roster.',
    interests: ['board games', 'cooking', 'running'],
    traits: [0.5, 0.8, 0.5, 0.9, 0.5],
    motivations: [0.6, 0.5, 0.2, 0.5, 0.9],
    memory: 'I missed the last games night because of a double shift.',
    friend: 'leo',
  },
  {
    id: 'ines',
    name: 'Inês Duarte',
    age: 35,
    occupation: 'urban planner',
    bio: 'Maps bike lanes for the council and wants to hear what people actually need.',
    interests: ['cycling', 'open data', 'board games'],
    traits: [0.9, 0.6, 0.3, 0.6, 0.4],
    motivations: [0.3, 0.8, 0.5, 0.6, 0.3],
    memory: 'Nobody came to my open-data meetup last week.',
  },
];

const fmt = (xs: number[], names: readonly string[]): string =>
  `{ ${names.map((n, i) => `${n}: ${xs[i]}`).join(', ')} }`;

/** Files relative to the new society's folder; `name` is the scenario's display name. */
export function scaffoldSociety(name = 'My society'): ScaffoldFile[] {
  const file = `${slug(name, 'society')}.society`;
  const files: ScaffoldFile[] = [{ path: file, text: scenario(name, file) }];
  for (const p of PEOPLE) files.push({ path: `personas/${p.id}.society`, text: persona(p) });
  return files;
}

function scenario(name: string, file: string): string {
  return `# ${name}: four people meet in a conversation room, talk, rate each other, and form ties.
# Run it with \`society run ${file}\`.
kind: scenario
name: ${JSON.stringify(name)}
seed: 42
personas:
  - include: personas/*.society
world:
  setting: An online conversation room for people who want to meet new friends in the city.
  rounds: 10
  encounters: { mode: recommend, per_round: 1, exploration: 0.2 }
  conversation: { turns: 4 }
# The five behavioral drivers: ${DRIVERS.join(', ')}.
rewards: { ${DRIVERS.map((d) => `${d}: 1`).join(', ')} }
coaching: { enabled: true, every: 1 }
ties: { threshold: 0.6, decay: 0.05 }
memory: { recency: 1, importance: 1, relevance: 1, top_k: 8, reflect_at: 100 }
models:
  # The offline rule-based model runs with no key and no network. For an LLM, use e.g.
  # { provider: openai, model: gpt-4o-mini, api_key_env: OPENAI_API_KEY } or { provider: vscode }.
  default: { provider: offline }
`;
}

function persona(p: Seed): string {
  const lines = [
    'kind: persona',
    `id: ${p.id}`,
    `name: ${p.name}`,
    `age: ${p.age}`,
    `occupation: ${p.occupation}`,
    `bio: ${p.bio}`,
    `traits: ${fmt(p.traits, ['openness', 'conscientiousness', 'extraversion', 'agreeableness', 'neuroticism'])}`,
    `interests: [${p.interests.join(', ')}]`,
    `motivations: ${fmt(p.motivations, DRIVERS)}`,
    'memories:',
    `  - { text: ${JSON.stringify(p.memory)}, importance: 6 }`,
  ];
  if (p.friend) lines.push('relationships:', `  - { with: ${p.friend}, tie: 0.7, note: old friends }`);
  return lines.join('\n') + '\n';
}
