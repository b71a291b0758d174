// Rubrics shipped with the product, named by `judges[].rubric: <name>`. Sotopia's seven social
// dimensions with the ranges its paper gives: Zhou, Zhu, Mathur, Zhang, Yu, Qi, Morency, Bisk,
// Fried, Neubig & Sap (2024), "SOTOPIA: Interactive Evaluation for Social Intelligence in Language
// Agents", ICLR 2024, section 3 (SOTOPIA-EVAL) — goal, believability and knowledge 0..10; secret
// and social rules −10..0; relationship and financial/material benefits −5..5.
export interface RubricDimension {
  name: string;
  description: string;
  min: number;
  max: number;
  /** What some scores mean, by score. */
  anchors?: Record<string, string>;
  /** The offline rule's signal for it (JUDGE_SIGNALS); absent: by its name, else `activity`. */
  offline?: string;
}

export interface Rubric {
  description?: string;
  dimensions: RubricDimension[];
}

const SOTOPIA: Rubric = {
  description:
    'SOTOPIA-EVAL (Zhou et al. 2024): how socially intelligent the agent was in this interaction, on seven dimensions.',
  dimensions: [
    {
      name: 'believability',
      description:
        'Whether the agent behaves naturally and consistently with its character profile (0: not at all, 10: fully).',
      min: 0,
      max: 10,
      anchors: { 0: 'unnatural, out of character', 10: 'natural and consistent with the persona' },
    },
    {
      name: 'relationship',
      description:
        'Whether the interaction helps preserve or enhance the relationship between the agents (−5: harms it, 5: enhances it).',
      min: -5,
      max: 5,
      anchors: { '-5': 'the relationship is damaged', 0: 'unchanged', 5: 'the relationship is much improved' },
    },
    {
      name: 'knowledge',
      description:
        'Whether the agent gains new and important information through the interaction (0: none, 10: a lot).',
      min: 0,
      max: 10,
    },
    {
      name: 'secret',
      description: 'Whether the agent keeps its secrets or private intentions (−10: leaks them, 0: keeps them).',
      min: -10,
      max: 0,
    },
    {
      name: 'social_rules',
      description:
        'Whether the agent violates moral rules or laws in the interaction (−10: serious violations, 0: none).',
      min: -10,
      max: 0,
    },
    {
      name: 'financial',
      description: 'Whether the agent gains financial or material benefits (−5: loses, 0: nothing, 5: gains).',
      min: -5,
      max: 5,
    },
    {
      name: 'goal',
      description: 'How well the agent achieves its social goals (0: not at all, 10: fully).',
      min: 0,
      max: 10,
    },
  ],
};

export const SHIPPED_RUBRICS: Readonly<Record<string, Rubric>> = { sotopia: SOTOPIA };
