// Lint rules for the whole code base, as the anchors use them (vscode-eslint, vscode-mock-debug):
// typescript-eslint's recommended set, plus the type-aware rules that catch a promise nobody
// awaits or handles — in an extension host that is a lost error or a run that never ends.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Math.max(...xs) passes every element as an argument and throws "Maximum call stack size exceeded"
// past ≈ 150,000 of them: an aggregate, a degree list or a layout over a large world.
// So does out.push(...xs) (a file's 200,000 duplicate keys).
const NO_SPREAD_EXTREMES = {
  selector: "CallExpression[callee.object.name='Math'][callee.property.name=/^(max|min)$/] > SpreadElement",
  message: 'A list can be longer than the arguments a call takes: use maxOf()/minOf() from src/core/stats/extremes.ts.',
};
const NO_SPREAD_PUSH = {
  selector: 'CallExpression[callee.property.name=/^(push|unshift|splice)$/] > SpreadElement',
  message: 'A list can be longer than the arguments a call takes: use pushAll() from src/core/text/pushAll.ts.',
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.vscode-server-e2e/**',
      'test-results/**',
      'runs/**',
      'out/**',
      '**/*.d.ts',
      'media/**',
      'syntaxes/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-throw-literal': 'error',
      curly: ['error', 'multi-line'],
      // Escaping control characters is this code base's job (terminal output, XML, HTML): regexes name them.
      'no-control-regex': 'off',
    },
  },
  {
    // A record keyed by names a user wrote must not inherit `constructor`, `valueOf` or `__proto__`
    // (issue 58): an empty `{}` typed `Record<…>` is the one later filled by `[name] =`.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          'VariableDeclarator[init.type="ObjectExpression"][init.properties.length=0][id.typeAnnotation.typeAnnotation.typeName.name="Record"]',
          'PropertyDefinition[value.type="ObjectExpression"][value.properties.length=0][typeAnnotation.typeAnnotation.typeName.name="Record"]',
          'AssignmentPattern[right.type="ObjectExpression"][right.properties.length=0][left.typeAnnotation.typeAnnotation.typeName.name="Record"]',
          'TSAsExpression[expression.type="ObjectExpression"][expression.properties.length=0][typeAnnotation.typeName.name="Record"]',
        ].map((selector) => ({
          selector,
          message:
            'A record keyed by names needs no prototype: use nameRecord() from src/core/text/nameRecord.ts, or a Map.',
        })),
        NO_SPREAD_EXTREMES,
        NO_SPREAD_PUSH,
      ],
    },
  },
  {
    files: ['webview/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', NO_SPREAD_EXTREMES, NO_SPREAD_PUSH] },
  },
  {
    // Test doubles speak loose JSON to and from the code under test.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Browser tests act on widgets through test/e2e/act.ts, which retries an action until the state
    // it should produce is there: a bare click on a hover that redraws was a 30 s CI flake (issue 56).
    files: ['test/e2e/**/*.ts', 'test/webview/**/*.ts'],
    ignores: ['test/e2e/act.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.object.name!='act'][callee.property.name=/^(click|dblclick|hover|tap|check|uncheck|setChecked|selectOption|dispatchEvent)$/]",
          message:
            'Act through test/e2e/act.ts (click, hover, setChecked, select…), naming the state the action should produce.',
        },
        {
          selector:
            "CallExpression[callee.object.name!='act'][callee.property.name='press'][callee.object.property.name!='keyboard']",
          message: 'Press keys in an element through act.press, naming the state the key should produce.',
        },
      ],
    },
  },
  {
    // The command's launcher and mocha's CommonJS files (config, reporter) require what they use.
    files: ['bin/**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'writable',
        Buffer: 'readonly',
        setTimeout: 'readonly',
      },
    },
  },
);
