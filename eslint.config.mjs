// Lint rules for the whole code base, as the anchors use them (vscode-eslint, vscode-mock-debug):
// typescript-eslint's recommended set, plus the type-aware rules that catch a promise nobody
// awaits or handles — in an extension host that is a lost error or a run that never ends.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
    // Test doubles speak loose JSON to and from the code under test.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
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
