// Generates syntaxes/society.tmLanguage.json, the TextMate grammar for .society files.
//
// The regular expressions are assembled here from named pieces because the grammar needs the
// same rules twice (block context and flow context `{ }` / `[ ]`) and because the list of known
// keys and enum values comes from schemas/society.schema.json, the single source of keys.
//
//   node syntaxes/build-grammar.mjs          write the grammar
//   node syntaxes/build-grammar.mjs --check  exit 1 if the committed grammar is out of date
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outFile = join(root, 'syntaxes', 'society.tmLanguage.json');
const schemaFile = join(root, 'schemas', 'society.schema.json');

// ---------------------------------------------------------------------------------------------
// Vocabulary: known keys and enum values, from the schema when it exists.

const FALLBACK_KEYS = `kind id name age gender occupation location bio style group traits interests
  motivations memories relationships model openness conscientiousness extraversion agreeableness
  neuroticism social information presentation coordination support text importance with tie note
  description seed personas include population world rewards coaching ties memory models prompts
  events experiment setting rounds encounters conversation rooms mode per_round exploration turns
  topic members size enabled every threshold decay learning_rate weights reciprocity novelty affect
  recency relevance top_k reflect_at provider base_url api_key_env temperature max_tokens headers
  azure deployment api_version concurrency rpm tpm timeout_ms retries on_error price input output
  embeddings system choose_partner speak evaluate advise reflect interview at broadcast add remove
  set count id_prefix names surnames occupations pool per_agent normal mean sd min max uniform beta alpha
  seeds conditions metrics`.split(/\s+/);
const FALLBACK_ENUMS = {
  kind: ['persona', 'scenario'],
  provider: ['offline', 'openai', 'vscode'],
  mode: ['random', 'network', 'recommend'],
  on_error: ['skip', 'offline'],
};

const FALLBACK_EXPRESSIONS = { keys: ['update', 'when'], parents: ['effects'], patterns: [] };

function vocabulary() {
  if (!existsSync(schemaFile)) {
    return { keys: FALLBACK_KEYS, enums: FALLBACK_ENUMS, expressions: FALLBACK_EXPRESSIONS, from: 'fallback list' };
  }
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
  const keys = new Set(['kind', 'include']);
  const enums = {};
  const walk = (node) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    if (node.properties && typeof node.properties === 'object' && !Array.isArray(node.properties)) {
      for (const [key, sub] of Object.entries(node.properties)) {
        keys.add(key);
        const values = sub && Array.isArray(sub.enum) ? sub.enum : [];
        for (const v of values) if (typeof v === 'string') (enums[key] ??= new Set()).add(v);
      }
    }
    for (const v of Object.values(node)) walk(v);
  };
  walk(schema);
  const enumLists = Object.fromEntries(Object.entries(enums).map(([k, v]) => [k, [...v].sort()]));
  enumLists.kind ??= FALLBACK_ENUMS.kind;
  return { keys: [...keys].sort(), enums: enumLists, expressions: expressionKeys(schema), from: 'schemas/society.schema.json' };
}

/**
 * Where CEL is written, as the schema marks it (`x-expression` on a string the engine reads as an
 * expression, `x-expression-keys` on a mapping whose keys of that pattern hold one): the keys whose
 * value is an expression (`when`, `update`), the keys whose every entry's value is one (`effects`),
 * and key patterns (a condition's `state.world.<q>.update`). The language model reads the same
 * sites (mechanicsSource.ts siteKind); test/unit/format/celGrammar.test.ts keeps the two agreeing.
 */
function expressionKeys(schema) {
  const keys = new Set();
  const parents = new Set();
  const patterns = new Set();
  const walk = (node) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    for (const [key, sub] of Object.entries(node.properties ?? {})) {
      // A key that also holds plain numbers (an argument's `min`/`max`, and so every `min`/`max`
      // of the file, since the grammar goes by key) is left uncoloured rather than colour numbers as CEL.
      const numeric = [sub?.type].flat().includes('number');
      if (sub?.['x-expression'] && !numeric) keys.add(key);
      if (sub?.additionalProperties?.['x-expression']) parents.add(key);
      if (sub?.['x-expression-keys']) patterns.add(sub['x-expression-keys'].replace(/^\^|\$$/g, ''));
    }
    for (const v of Object.values(node)) walk(v);
  };
  walk(schema);
  return { keys: [...keys].sort(), parents: [...parents].sort(), patterns: [...patterns].sort() };
}

const vocab = vocabulary();
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\\-]/g, '\\$&');
/** Alternation of literal words, longest first so `id_prefix` is tried before `id`. */
const words = (list) => [...list].sort((a, b) => b.length - a.length || a.localeCompare(b)).map(escapeRe).join('|');

// ---------------------------------------------------------------------------------------------
// Regex pieces. `ctx` is 'block' or 'flow'.

const R = String.raw;
const pieces = {
  block: {
    // A key starts a line (after indentation), follows `- ` / `? `, or follows whitespace.
    keyStart: R`(?<![^ \t])`,
    colon: R`[ \t]*(:)(?=[ \t]|$)`,
    // End of a scalar: end of line or a comment.
    end: R`(?=[ \t]*$|[ \t]+#)`,
    plainKey: R`(?:[^\s\-?:,\[\]{}#&*!|>'"%@${'`'}]|[?:\-](?=\S))(?:[^\s:]|:(?=\S)|[ \t]+(?=[^\s#:]))*`,
    plain: R`(?:[^\s\-?:,\[\]{}#&*!|>'"%@${'`'}]|[?:\-](?=\S))(?:[^\s:]|:(?=\S)|[ \t]+(?=[^\s#]))*`,
  },
  flow: {
    keyStart: R`(?<![^ \t\[{,])`,
    colon: R`[ \t]*(:)(?=[ \t]|$|[,\[\]{}])`,
    end: R`(?=[ \t]*(?:[,\]}]|$)|[ \t]+#)`,
    plainKey: R`(?:[^\s\-?:,\[\]{}#&*!|>'"%@${'`'}]|[?:\-](?=[^\s,\[\]{}]))(?:[^\s:,\[\]{}]|:(?=[^\s,\[\]{}])|[ \t]+(?=[^\s#:,\[\]{}]))*`,
    plain: R`(?:[^\s\-?:,\[\]{}#&*!|>'"%@${'`'}]|[?:\-](?=[^\s,\[\]{}]))(?:[^\s:,\[\]{}]|:(?=[^\s,\[\]{}])|[ \t]+(?=[^\s#,\[\]{}]))*`,
  },
};
/** A valid persona id (schema pattern). Invalid ids are left as plain strings on purpose. */
const PERSONA_ID = R`[a-z][a-z0-9_-]*`;
const KNOWN = words(vocab.keys);
const NUMBER_INT = R`[-+]?(?:[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)`;
const NUMBER_FLOAT = R`[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)(?:[eE][-+]?[0-9]+)?|[-+]?[0-9]+[eE][-+]?[0-9]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)`;
const BLOCK_HEADER = R`([|>])([1-9][-+]?|[-+][1-9]?)?[ \t]*(?:((#).*))?$`;

const S = (name) => `${name}.society`;

// Capture helpers.
const keyCaptures = (keyGroup, colonGroup) => ({
  [keyGroup]: { patterns: [{ include: '#key-name' }] },
  [colonGroup]: { name: S('punctuation.separator.key-value.mapping') },
});
const quotedCaptures = (openGroup, textGroup, closeGroup, textName, quote) => ({
  [openGroup]: { name: `${S(`string.quoted.${quote}`)} ${S('punctuation.definition.string.begin')}` },
  [textGroup]: { name: textName },
  [closeGroup]: { name: `${S(`string.quoted.${quote}`)} ${S('punctuation.definition.string.end')}` },
});
/** `KEY: <id>` where the value is a persona id, plain or quoted. Groups: 1 key, 2 colon, 3 plain, 4-6 "..", 7-9 '..'. */
function idPair(ctx, keys, idName) {
  const p = pieces[ctx];
  return {
    match: `${p.keyStart}(${words(keys)})${p.colon}[ \\t]+(?:(${PERSONA_ID})|(")(${PERSONA_ID})(")|(')(${PERSONA_ID})('))${p.end}`,
    captures: {
      ...keyCaptures(1, 2),
      3: { name: idName },
      ...quotedCaptures(4, 5, 6, idName, 'double'),
      ...quotedCaptures(7, 8, 9, idName, 'single'),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// CEL inside expression strings (issue 42): the keys the schema marks (vocab.expressions) hold an
// expression, coloured as one — names, members, functions, numbers, operators, its own strings —
// not as a plain string. The quotes stay strings; what is between them is `meta.embedded`.

const EXPR = vocab.expressions;
/** A key whose value is an expression: a marked key, or a key of a marked pattern. */
const EXPR_KEY = [words(EXPR.keys), ...EXPR.patterns.map((p) => p.replace(/\((?!\?)/g, '(?:'))]
  .filter(Boolean)
  .join('|');
/** A key whose entries' values are expressions (`effects`). */
const EXPR_PARENT = words(EXPR.parents);
/**
 * The names an expression reads on its own (core/format/checks/mechanicsMessages.ts scopeNames,
 * but for an action's own arguments, which are the author's names).
 */
const CEL_NAMES = ['world', 'me', 'traits', 'args', 'n', 'round', 'agents'];

const celCore = [
  { match: R`\b(?:true|false|null)\b`, name: S('constant.language.cel') },
  { match: R`(?<![\w.])(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?[uU]?(?![\w.])`, name: S('constant.numeric.cel') },
  { match: R`\bin\b`, name: S('keyword.operator.word.cel') },
  { match: R`\b([A-Za-z_]\w*)(?=[ \t]*\()`, captures: { 1: { name: S('support.function.cel') } } },
  { match: `\\b(?:${words(CEL_NAMES)})\\b`, name: S('variable.language.cel') },
  {
    match: R`(\.)[ \t]*([A-Za-z_]\w*)`,
    captures: { 1: { name: S('punctuation.accessor.cel') }, 2: { name: S('variable.other.property.cel') } },
  },
  { match: R`[A-Za-z_]\w*`, name: S('variable.other.cel') },
  { match: R`&&|\|\||!(?!=)`, name: S('keyword.operator.logical.cel') },
  { match: R`==|!=|<=|>=|<|>`, name: S('keyword.operator.comparison.cel') },
  { match: R`[-+*/%]`, name: S('keyword.operator.arithmetic.cel') },
  { match: R`[?:]`, name: S('keyword.operator.ternary.cel') },
  { match: R`[()\[\]{}]`, name: S('punctuation.section.brackets.cel') },
  { match: ',', name: S('punctuation.separator.comma.cel') },
];
/** CEL's own string literals, as each YAML scalar style lets them be written. */
const celStrings = {
  double: [
    { match: R`'(?:[^'\\]|\\.)*'`, name: S('string.quoted.single.cel') },
    { match: R`\\"(?:[^"\\]|\\[^"])*\\"`, name: S('string.quoted.double.cel') },
    { match: R`\\.`, name: S('constant.character.escape') },
  ],
  single: [
    { match: R`"(?:[^"\\]|\\.)*"`, name: S('string.quoted.double.cel') },
    { match: "''(?:[^']|'(?!'))*''", name: S('string.quoted.single.cel') },
  ],
  plain: [
    { match: R`'(?:[^'\\]|\\.)*'`, name: S('string.quoted.single.cel') },
    { match: R`"(?:[^"\\]|\\.)*"`, name: S('string.quoted.double.cel') },
  ],
};
const EMBEDDED = S('meta.embedded.expression.cel');

/** Captures of a quoted expression: open quote, the expression, close quote. */
const celQuoted = (first, quote) => ({
  [first]: { name: `${S(`string.quoted.${quote}`)} ${S('punctuation.definition.string.begin')}` },
  [first + 1]: { name: EMBEDDED, patterns: [{ include: `#cel-in-${quote}` }] },
  [first + 2]: { name: `${S(`string.quoted.${quote}`)} ${S('punctuation.definition.string.end')}` },
});

/** `KEY: <expression>`, quoted or plain, for the keys `keyRe` matches. */
function expressionPair(ctx, keyRe) {
  const p = pieces[ctx];
  const dq = R`(")((?:[^"\\]|\\.)*)(")`;
  const sq = R`(')((?:[^']|'')*)(')`;
  return {
    match: `${p.keyStart}(${keyRe})${p.colon}[ \\t]+(?:${dq}|${sq}|(${p.plain}))${p.end}`,
    captures: {
      ...keyCaptures(1, 2),
      ...celQuoted(3, 'double'),
      ...celQuoted(6, 'single'),
      9: { name: EMBEDDED, patterns: [{ include: '#cel-plain' }] },
    },
  };
}

/** `effects: { target: "<expression>", … }`: a flow mapping whose values are expressions. */
function expressionFlowMapping(ctx) {
  const p = pieces[ctx];
  return {
    begin: `${p.keyStart}(${EXPR_PARENT})${p.colon}[ \\t]*(\\{)`,
    beginCaptures: { ...keyCaptures(1, 2), 3: { name: S('punctuation.definition.mapping.begin') } },
    end: R`\}`,
    endCaptures: { 0: { name: S('punctuation.definition.mapping.end') } },
    name: S('meta.flow-mapping.expressions'),
    patterns: [
      { include: '#comment' },
      { match: ',', name: S('punctuation.separator.mapping') },
      expressionPair('flow', pieces.flow.plainKey),
      { include: '#flow-node' },
    ],
  };
}

/** `KEY: |` holding an expression, with or without a `- ` before the key (as blockScalars). */
const expressionBlockScalars = (keyRe) => [
  {
    begin: `^([ \\t]*)(-)([ \\t]+)(${keyRe})${pieces.block.colon}[ \\t]+${BLOCK_HEADER}`,
    beginCaptures: {
      2: { name: S('punctuation.definition.block.sequence.item') },
      ...keyCaptures(4, 5),
      ...headerCaptures(6),
    },
    end: R`^(?!\1 \3[ \t]|[ \t]*$)`,
    contentName: EMBEDDED,
    patterns: [{ include: '#cel-plain' }],
  },
  {
    begin: `^([ \\t]*)(${keyRe})${pieces.block.colon}[ \\t]+${BLOCK_HEADER}`,
    beginCaptures: { ...keyCaptures(2, 3), ...headerCaptures(4) },
    end: R`^(?!\1[ \t]|[ \t]*$)`,
    contentName: EMBEDDED,
    patterns: [{ include: '#cel-plain' }],
  },
];

/** `effects:` and the lines indented under it: every entry's value is an expression. */
const blockExpressionMappings = () => [
  {
    begin: `^([ \\t]*)(${EXPR_PARENT})${pieces.block.colon}${pieces.block.end}`,
    beginCaptures: keyCaptures(2, 3),
    end: R`^(?!\1[ \t]|[ \t]*$)`,
    name: S('meta.block-mapping.expressions'),
    patterns: [
      { include: '#comment' },
      ...expressionBlockScalars(pieces.block.plainKey),
      expressionPair('block', pieces.block.plainKey),
      { include: '#block-node' },
    ],
  },
];

function pairs(ctx) {
  const p = pieces[ctx];
  const rules = [];
  // when: "<CEL>", update: "<CEL>" (and a condition's state.<side>.<q>.update); effects: { … }.
  rules.push(expressionPair(ctx, EXPR_KEY), expressionFlowMapping(ctx));
  // kind: persona | scenario
  rules.push({
    match: `${p.keyStart}(kind)${p.colon}[ \\t]+(${words(vocab.enums.kind)})${p.end}`,
    captures: { ...keyCaptures(1, 2), 3: { name: S('keyword.other.kind') } },
  });
  // id: <definition of a persona id>
  rules.push(idPair(ctx, ['id'], S('entity.name.type.persona')));
  // with: <reference to a persona id>
  rules.push(idPair(ctx, ['with'], S('variable.other.persona')));
  // remove: [a, b] / members: [a, b]   (flow sequence of persona references)
  rules.push({
    begin: `${p.keyStart}(remove|members)${p.colon}[ \\t]*(\\[)`,
    beginCaptures: { ...keyCaptures(1, 2), 3: { name: S('punctuation.definition.sequence.begin') } },
    end: R`\]`,
    endCaptures: { 0: { name: S('punctuation.definition.sequence.end') } },
    name: S('meta.flow-sequence.persona-references'),
    patterns: [
      { include: '#comment' },
      { include: '#persona-reference-flow' },
      { match: ',', name: S('punctuation.separator.sequence') },
      { include: '#flow-node' },
    ],
  });
  // include: <path or glob>
  rules.push({
    match: `${p.keyStart}(include)${p.colon}[ \\t]+(?:(${p.plain})|(")([^"\\\\]*)(")|(')([^']*)('))${p.end}`,
    captures: {
      ...keyCaptures(1, 2),
      3: { name: S('string.unquoted.path.include'), patterns: [{ include: '#glob' }] },
      ...quotedCaptures(4, 5, 6, S('string.quoted.double.path.include'), 'double'),
      ...quotedCaptures(7, 8, 9, S('string.quoted.single.path.include'), 'single'),
    },
  });
  rules[rules.length - 1].captures[5].patterns = [{ include: '#glob' }];
  rules[rules.length - 1].captures[8].patterns = [{ include: '#glob' }];
  // Enumerated values from the schema (provider: openai, mode: recommend, ...).
  for (const [key, values] of Object.entries(vocab.enums).sort()) {
    if (key === 'kind') continue;
    rules.push({
      match: `${p.keyStart}(${escapeRe(key)})${p.colon}[ \\t]+(${words(values)})${p.end}`,
      captures: { ...keyCaptures(1, 2), 3: { name: S(`support.constant.enum.${key.replace(/_/g, '-')}`) } },
    });
  }
  return rules;
}

/** A quoted key: groups 1 whole string, 2 open quote, 3 text, 4 close quote, 5 colon. */
const quotedKey = (match, quote) => ({
  match,
  captures: {
    1: { name: S(`string.quoted.${quote}.key`) },
    2: { name: S('punctuation.definition.string.begin') },
    3: { patterns: [{ include: '#key-name' }] },
    4: { name: S('punctuation.definition.string.end') },
    5: { name: S('punctuation.separator.key-value.mapping') },
  },
});

function keys(ctx) {
  const p = pieces[ctx];
  const quotedColon = ctx === 'block' ? p.colon : R`[ \t]*(:)`;
  return [
    quotedKey(`${p.keyStart}((")((?:[^"\\\\]|\\\\.)*)("))${quotedColon}`, 'double'),
    quotedKey(`${p.keyStart}((')((?:[^']|'')*)('))${quotedColon}`, 'single'),
    { match: `${p.keyStart}(${p.plainKey})${p.colon}`, captures: keyCaptures(1, 2) },
  ];
}

function scalars(ctx) {
  const p = pieces[ctx];
  return [
    { match: `(?:true|True|TRUE|false|False|FALSE)${p.end}`, name: S('constant.language.boolean') },
    { match: `(?:null|Null|NULL|~)${p.end}`, name: S('constant.language.null') },
    { match: `(?:${NUMBER_FLOAT})${p.end}`, name: S('constant.numeric.float') },
    { match: `(?:${NUMBER_INT})${p.end}`, name: S('constant.numeric.integer') },
    { include: '#double-quoted' },
    { include: '#single-quoted' },
    { match: p.plain, name: S('string.unquoted.plain'), captures: { 0: { patterns: [{ include: '#template-variable' }] } } },
  ];
}

// Block scalars (`|`, `>`) end at the first non-blank line that is not indented deeper than the
// node that owns them. The end pattern rebuilds that indentation from the captured prefix: a
// `- ` before the key counts as two columns (one space plus the spaces after the dash).
const blockScalarContent = [{ include: '#template-variable' }];
const headerCaptures = (first) => ({
  [first]: { name: S('keyword.control.flow.block-scalar') },
  [first + 1]: { name: S('storage.modifier.block-scalar-indicator') },
  [first + 2]: { name: S('comment.line.number-sign') },
  [first + 3]: { name: S('punctuation.definition.comment') },
});
const blockScalars = [
  {
    // - key: |
    begin: `^([ \\t]*)(-)([ \\t]+)(${pieces.block.plainKey})${pieces.block.colon}[ \\t]+${BLOCK_HEADER}`,
    beginCaptures: {
      2: { name: S('punctuation.definition.block.sequence.item') },
      ...keyCaptures(4, 5),
      ...headerCaptures(6),
    },
    end: R`^(?!\1 \3[ \t]|[ \t]*$)`,
    contentName: S('string.unquoted.block'),
    patterns: blockScalarContent,
  },
  {
    // key: |
    begin: `^([ \\t]*)(${pieces.block.plainKey})${pieces.block.colon}[ \\t]+${BLOCK_HEADER}`,
    beginCaptures: { ...keyCaptures(2, 3), ...headerCaptures(4) },
    end: R`^(?!\1[ \t]|[ \t]*$)`,
    contentName: S('string.unquoted.block'),
    patterns: blockScalarContent,
  },
  {
    // - |
    begin: `^([ \\t]*)(-)[ \\t]+${BLOCK_HEADER}`,
    beginCaptures: { 2: { name: S('punctuation.definition.block.sequence.item') }, ...headerCaptures(3) },
    end: R`^(?!\1[ \t]|[ \t]*$)`,
    contentName: S('string.unquoted.block'),
    patterns: blockScalarContent,
  },
];

// `remove:` / `members:` followed by a block sequence of persona ids on the next lines.
const referenceListContent = [
  { include: '#comment' },
  { match: R`(?<![^ \t])(-)(?=[ \t]|$)`, captures: { 1: { name: S('punctuation.definition.block.sequence.item') } } },
  { include: '#persona-reference-block' },
  { include: '#block-node' },
];
const blockReferenceLists = [
  {
    begin: `^([ \\t]*)(-)([ \\t]+)(remove|members)${pieces.block.colon}${pieces.block.end}`,
    beginCaptures: { 2: { name: S('punctuation.definition.block.sequence.item') }, ...keyCaptures(4, 5) },
    end: R`^(?!\1 \3[ \t]*-(?:[ \t]|$)|[ \t]*(?:#|$))`,
    name: S('meta.block-sequence.persona-references'),
    patterns: referenceListContent,
  },
  {
    begin: `^([ \\t]*)(remove|members)${pieces.block.colon}${pieces.block.end}`,
    beginCaptures: keyCaptures(2, 3),
    end: R`^(?!\1[ \t]*-(?:[ \t]|$)|[ \t]*(?:#|$))`,
    name: S('meta.block-sequence.persona-references'),
    patterns: referenceListContent,
  },
];

const personaReference = (ctx) => ({
  patterns: [
    { match: `${pieces[ctx].keyStart}(${PERSONA_ID})${pieces[ctx].end}`, captures: { 1: { name: S('variable.other.persona') } } },
    {
      match: `${pieces[ctx].keyStart}(")(${PERSONA_ID})(")${pieces[ctx].end}`,
      captures: quotedCaptures(1, 2, 3, S('variable.other.persona'), 'double'),
    },
    {
      match: `${pieces[ctx].keyStart}(')(${PERSONA_ID})(')${pieces[ctx].end}`,
      captures: quotedCaptures(1, 2, 3, S('variable.other.persona'), 'single'),
    },
  ],
});

const properties = [
  { match: R`(?<![^ \t\[{,])(&)([^\s,\[\]{}]+)`, captures: { 1: { name: S('punctuation.definition.anchor') }, 2: { name: S('entity.name.type.anchor') } } },
  { match: R`(?<![^ \t\[{,])(\*)([^\s,\[\]{}]+)`, captures: { 1: { name: S('punctuation.definition.alias') }, 2: { name: S('variable.other.alias') } } },
  { match: R`(?<![^ \t\[{,])!(?:<[^>]*>|[\w\-]*!)?[^\s,\[\]{}]*`, name: S('storage.type.tag') },
];

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'Society',
  scopeName: 'source.society',
  fileTypes: ['society'],
  comment: `GENERATED by syntaxes/build-grammar.mjs from ${vocab.from}; do not edit by hand.`,
  patterns: [
    { include: '#comment' },
    { include: '#directive' },
    { include: '#document' },
    { include: '#expression-block-scalar' },
    { include: '#block-scalar' },
    { include: '#block-persona-references' },
    { include: '#block-expression-mappings' },
    { include: '#block-node' },
  ],
  repository: {
    comment: {
      match: R`(?:^|(?<=[ \t]))(#).*$`,
      name: S('comment.line.number-sign'),
      captures: { 1: { name: S('punctuation.definition.comment') } },
    },
    directive: {
      match: R`^(%)[^\s#]+.*?(?=[ \t]+#|$)`,
      name: S('meta.directive'),
      captures: { 1: { name: S('punctuation.definition.directive') } },
    },
    document: {
      patterns: [
        { match: R`^---(?=[ \t]|$)`, name: S('entity.other.document.begin') },
        { match: R`^\.\.\.(?=[ \t]|$)`, name: S('entity.other.document.end') },
      ],
    },
    'expression-block-scalar': { patterns: expressionBlockScalars(EXPR_KEY) },
    'block-scalar': { patterns: blockScalars },
    'block-expression-mappings': { patterns: blockExpressionMappings() },
    'cel-in-double': { patterns: [...celStrings.double, ...celCore] },
    'cel-in-single': { patterns: [...celStrings.single, ...celCore] },
    'cel-plain': { patterns: [...celStrings.plain, ...celCore] },
    'block-persona-references': { patterns: blockReferenceLists },
    'block-node': {
      patterns: [
        { include: '#comment' },
        { match: R`(?<![^ \t])(-)(?=[ \t]|$)`, captures: { 1: { name: S('punctuation.definition.block.sequence.item') } } },
        { match: R`(?<![^ \t])(\?)(?=[ \t]|$)`, captures: { 1: { name: S('punctuation.definition.key-value.begin') } } },
        { match: R`(?<![^ \t])(:)(?=[ \t]|$)`, captures: { 1: { name: S('punctuation.separator.key-value.mapping') } } },
        ...pairs('block'),
        ...keys('block'),
        { include: '#flow-mapping' },
        { include: '#flow-sequence' },
        { include: '#properties' },
        ...scalars('block'),
      ],
    },
    'flow-mapping': {
      begin: R`\{`,
      beginCaptures: { 0: { name: S('punctuation.definition.mapping.begin') } },
      end: R`\}`,
      endCaptures: { 0: { name: S('punctuation.definition.mapping.end') } },
      name: S('meta.flow-mapping'),
      patterns: [{ match: ',', name: S('punctuation.separator.mapping') }, { include: '#flow-node' }],
    },
    'flow-sequence': {
      begin: R`\[`,
      beginCaptures: { 0: { name: S('punctuation.definition.sequence.begin') } },
      end: R`\]`,
      endCaptures: { 0: { name: S('punctuation.definition.sequence.end') } },
      name: S('meta.flow-sequence'),
      patterns: [{ match: ',', name: S('punctuation.separator.sequence') }, { include: '#flow-node' }],
    },
    'flow-node': {
      patterns: [
        { include: '#comment' },
        ...pairs('flow'),
        ...keys('flow'),
        { include: '#flow-mapping' },
        { include: '#flow-sequence' },
        { include: '#properties' },
        ...scalars('flow'),
        { match: ':', name: S('punctuation.separator.key-value.mapping') },
      ],
    },
    'key-name': {
      // Applied to the text of a key only; `$` is the end of the key.
      patterns: [
        { match: `(?<![^ \\t\\[{,"'])(?:${KNOWN})$`, name: S('support.type.property-name') },
        { match: `(?<![^ \\t\\[{,"'])(?:${KNOWN})(?:\\.[\\w-]+)+$`, name: S('support.type.property-name.path') },
        { match: R`[^ \t].*$`, name: S('entity.name.tag') },
      ],
    },
    'persona-reference-block': personaReference('block'),
    'persona-reference-flow': personaReference('flow'),
    properties: { patterns: properties },
    glob: { match: R`\*\*|\*|\?`, name: S('keyword.operator.glob') },
    'template-variable': {
      match: R`(\{\{)[ \t]*([A-Za-z_][\w.\-]*)[ \t]*(\}\})`,
      name: S('variable.parameter.template'),
      captures: {
        1: { name: S('punctuation.definition.template-variable.begin') },
        3: { name: S('punctuation.definition.template-variable.end') },
      },
    },
    'double-quoted': {
      begin: '"',
      beginCaptures: { 0: { name: S('punctuation.definition.string.begin') } },
      end: '"',
      endCaptures: { 0: { name: S('punctuation.definition.string.end') } },
      name: S('string.quoted.double'),
      patterns: [
        { match: R`\\(?:[0abtnvfre "/\\N_LP\t]|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})`, name: S('constant.character.escape') },
        { match: R`\\.`, name: S('invalid.illegal.escape') },
        { include: '#template-variable' },
      ],
    },
    'single-quoted': {
      begin: "'",
      beginCaptures: { 0: { name: S('punctuation.definition.string.begin') } },
      end: "'(?!')",
      endCaptures: { 0: { name: S('punctuation.definition.string.end') } },
      name: S('string.quoted.single'),
      patterns: [{ match: "''", name: S('constant.character.escape') }, { include: '#template-variable' }],
    },
  },
};

const text = JSON.stringify(grammar, null, 2) + '\n';
if (process.argv.includes('--check')) {
  const current = existsSync(outFile) ? readFileSync(outFile, 'utf8') : '';
  if (current !== text) {
    console.error('syntaxes/society.tmLanguage.json is out of date: run `npm run build:grammar`.');
    process.exit(1);
  }
  console.log(`syntaxes/society.tmLanguage.json is up to date (${vocab.keys.length} known keys from ${vocab.from}).`);
} else {
  writeFileSync(outFile, text);
  console.log(`wrote syntaxes/society.tmLanguage.json (${vocab.keys.length} known keys from ${vocab.from})`);
}
