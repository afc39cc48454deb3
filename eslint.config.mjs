// @ts-check
/**
 * Lint: the architecture's boundaries as rules, so they hold without anyone remembering them.
 * - The core and the CLI never reach Electron, the main process or the renderer.
 * - The renderer takes values only from shared/ (types from anywhere but the main process) and calls window.api.
 * - Raw ipcMain / ipcRenderer only where the typed IPC map is registered (main) and exposed (preload).
 * Syntax-only rules (no type information), so the whole tree lints in seconds; tsc does the type checking.
 */
import eslint from '@eslint/js'
import tseslint from 'typescript-eslint'
import { importX } from 'eslint-plugin-import-x'
import prettier from 'eslint-config-prettier'
import globals from 'globals'

const ELECTRON_PACKAGE = {
  name: 'electron',
  message:
    'Only electron/main, electron/preload and electron/utility (the core process entry) touch Electron; the core and the CLI run under plain Node.',
}

/** Outside the two files that register / expose the typed IPC map, use shared/ipc and window.api. */
const RAW_IPC = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  allowTypeImports: true,
  message:
    'Raw IPC lives only in electron/main/ipc/registerIpc.ts and electron/preload/index.ts (the typed map in shared/ipc.ts).',
}

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      'coverage/',
      'test-results/',
      'bench-results/',
      'tests/bench/node_modules/',
      'tests/bench/out/',
      'tests/fixtures/',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs'],
      'import-x/resolver-next': [
        importX.createNodeResolver({ extensions: ['.ts', '.tsx', '.mts', '.js', '.mjs', '.cjs', '.json', '.d.ts'] }),
      ],
    },
    rules: {
      // `import { a, type B } from 'x'`: one statement per module, types inline.
      'import-x/no-duplicates': ['error', { 'prefer-inline': true }],
    },
  },
  prettier,
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Text normalisation strips control characters on purpose (NUL, C0, C1).
      'no-control-regex': 'off',
    },
  },
  {
    // Fakes and tests reach into loosely typed third-party shapes (Electron, axios) on purpose.
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // electron/main and electron/preload: Electron, but raw IPC only in the two IPC files.
  {
    files: ['electron/main/**', 'electron/preload/**'],
    ignores: ['electron/main/ipc/registerIpc.ts', 'electron/preload/index.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths: [RAW_IPC] }] },
  },
  // The core and the CLI: plain Node.
  {
    files: ['electron/core/**', 'electron/cli/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [ELECTRON_PACKAGE], patterns: [{ group: ['electron/*'], message: ELECTRON_PACKAGE.message }] },
      ],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: ['./electron/core', './electron/cli'],
              from: ['./electron/main', './electron/preload', './electron/utility'],
              message:
                'The core and the CLI never import the Electron main process, preload or the core process entry.',
            },
            {
              target: ['./electron/core', './electron/cli'],
              from: './renderer',
              message: 'The core and the CLI never import the renderer.',
            },
            {
              target: './electron/core',
              from: './electron/cli',
              message: 'The CLI drives the core, not the other way round.',
            },
            {
              target: './electron/core/http',
              from: './electron/core/sources',
              message: 'The HTTP layer is source-agnostic (its own HttpConfig).',
            },
          ],
        },
      ],
    },
  },
  // electron/utility: the core's process entry. Electron (net) and the core, never the main process, preload or renderer.
  {
    files: ['electron/utility/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [RAW_IPC] }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './electron/utility',
              from: ['./electron/main', './electron/preload', './renderer'],
              message: 'The core process talks to the main process only through the core protocol (its parentPort).',
            },
          ],
        },
      ],
    },
  },
  // The renderer: values only from shared/ (and npm packages), types from anywhere but the main process.
  {
    files: ['renderer/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ ...ELECTRON_PACKAGE, message: 'The renderer reaches the main process only through window.api.' }],
          patterns: [
            {
              regex: '^(\\.\\./)+(electron|tests|scripts|build)(/|$)',
              allowTypeImports: true,
              message: 'The renderer takes only types from outside shared/; at run time it calls window.api.',
            },
          ],
        },
      ],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './renderer',
              from: ['./electron/main', './electron/preload'],
              message:
                'The renderer never imports the main process or preload, not even types: the contract is shared/ipc.ts.',
            },
          ],
        },
      ],
      // Registry text is untrusted: it reaches the screen only through React's escaping, never as HTML.
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Registry text must stay text: no dangerouslySetInnerHTML.',
        },
        {
          selector: 'MemberExpression[property.name=/^(innerHTML|outerHTML|insertAdjacentHTML)$/]',
          message: 'Registry text must stay text: no HTML sinks.',
        },
      ],
    },
  },
)
