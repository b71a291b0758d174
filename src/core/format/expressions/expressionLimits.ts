// The size limits cel-js enforces as it parses an expression (format/expressions/expressions.ts), and
// the cost estimate (expressionCost.ts) reads: the longest list an expression may write out is
// also what it assumes of a list whose length it cannot know.
export const EXPRESSION_LIMITS = {
  maxAstNodes: 400,
  maxDepth: 32,
  maxListElements: 100,
  maxMapEntries: 100,
  maxCallArguments: 8,
} as const;
