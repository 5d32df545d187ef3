// ESLint flat config: typescript-eslint (strict), React hooks in the renderer, and the layer rules of
// DESIGN.md: only six files may import 'electron'; the renderer imports neither Electron nor Node.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

/** The only files that may import Electron (DESIGN.md, "Layout"). */
const ELECTRON_FILES = [
  'main/index.ts',
  'main/window.ts',
  'main/ipc/register.ts',
  'main/thumbs/protocol.ts',
  'main/secrets/cipher.ts',
  'preload/index.ts',
];

const noElectron = {
  name: 'electron',
  message: 'Only the six edge files of DESIGN.md import electron; inject what you need instead.',
};
const electronPatterns = { group: ['electron/*'], message: noElectron.message };
const noNode = builtinModules
  .filter((m) => !m.startsWith('_'))
  .map((name) => ({ name, message: 'No Node here; ask main through window.lightbox.' }));
const noNodePattern = { group: ['node:*'], message: 'No Node here; ask main through window.lightbox.' };
const preloadPatterns = [noNodePattern, { group: ['**/main/**'], message: 'The bridge imports only the contract.' }];

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'test-results/**', 'test/.artifacts/**', '.lightbox-dev/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Note: `{} extends T` is how the contract tells an optional request apart; `void` responses are typed generics.
      '@typescript-eslint/no-empty-object-type': ['error', { allowObjectTypes: 'always' }],
      '@typescript-eslint/no-invalid-void-type': 'off',
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: [electronPatterns] }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ELECTRON_FILES,
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...noNode],
          patterns: [
            electronPatterns,
            noNodePattern,
            { group: ['**/main/**'], message: 'The renderer talks to main only through window.lightbox.' },
          ],
        },
      ],
    },
  },
  {
    // Note: the bridge runs in the sandboxed preload or the page: no Node, no main-process code.
    files: ['preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noElectron, ...noNode], patterns: [electronPatterns, ...preloadPatterns] },
      ],
    },
  },
  {
    files: ['preload/index.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: noNode, patterns: preloadPatterns }] },
  },
  {
    files: ['test/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Note: the stand-in for Electron and its runner are plain ESM for Node's module hooks.
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
);
