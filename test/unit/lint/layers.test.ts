import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { layers } from '../../../eslint/layers.js';

const root = path.resolve(import.meta.dirname, '../../..');

// The layer blocks alone, parsed without type information: they read import paths only, and building the
// project's programs for the type-aware rules would take many seconds per case.
const layerLint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [
    { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser } },
    ...layers,
  ],
});

interface Case {
  readonly name: string;
  /** Where the snippet is linted as if it lived there. */
  readonly file: string;
  readonly code: string;
}

/** Each crossing with a phrase of the message that refuses it. */
const crossings: readonly (Case & { readonly refusal: string })[] = [
  {
    name: 'a hygiene rule importing the contract',
    file: 'src/hygiene/rules/planted.ts',
    code: "import type { OptionField } from '../../contract/hygiene';",
    refusal: 'The core (hygiene, templates, dependencies) is pure',
  },
  {
    name: 'the dependency core importing the Jira client',
    file: 'src/dependencies/planted.ts',
    code: "import { and } from '../atlassian/jql';",
    refusal: 'The core (hygiene, templates, dependencies) is pure',
  },
  {
    name: 'the templates core importing a service',
    file: 'src/templates/planted.ts',
    code: "export { templatesError } from '../services/templates/errors';",
    refusal: 'The core (hygiene, templates, dependencies) is pure',
  },
  {
    name: 'the core loading the platform on demand',
    file: 'src/dependencies/planted.ts',
    code: "export const load = () => import('../platform/local/file-store');",
    refusal: 'The core (hygiene, templates, dependencies) is pure',
  },
  {
    name: 'the core importing @forge/api',
    file: 'src/hygiene/planted.ts',
    code: "import api from '@forge/api';",
    refusal: 'Only src/platform/ may import @forge/*',
  },
  {
    name: 'the shared kernel importing the core',
    file: 'src/shared/planted.ts',
    code: "import type { Severity } from '../hygiene/types';",
    refusal: 'src/shared is what the core and the contract both speak',
  },
  {
    name: 'hygiene/view.ts importing types.ts, which imports it',
    file: 'src/hygiene/view.ts',
    code: "import type { Severity } from './types';",
    refusal: 'must not import types.ts',
  },
  {
    name: 'the contract naming a type of the core',
    file: 'src/contract/planted.ts',
    code: "import type { HygieneSummary } from '../hygiene/report';",
    refusal: 'src/contract imports nothing of the app but src/shared',
  },
  {
    name: 'the contract re-exporting a service',
    file: 'src/contract/planted.ts',
    code: "export * from '../services/errors';",
    refusal: 'src/contract imports nothing of the app but src/shared',
  },
  {
    name: 'a screen importing the dependency core by a relative path',
    file: 'static/src/dependencies/planted.tsx',
    code: "import type { Dependency } from '../../../src/dependencies/model';",
    refusal: "static/ reaches the back end only through the contract: import from '@contract/…'",
  },
  {
    name: 'a screen importing the contract by a relative path instead of its alias',
    file: 'static/src/main.tsx',
    code: "import type { Defs } from '../../src/contract';",
    refusal: "static/ reaches the back end only through the contract: import from '@contract/…'",
  },
  {
    name: 'a screen loading the sandbox on demand',
    file: 'static/src/templates/planted.tsx',
    code: "export const load = () => import('../../../sandbox/server');",
    refusal: "static/ reaches the back end only through the contract: import from '@contract/…'",
  },
  {
    name: "the shell importing a capability's messages",
    file: 'static/src/shell/catalogue.ts',
    code: "import { messages } from '../hygiene/messages';",
    refusal: 'The shell imports no capability',
  },
  {
    name: "the shell loading a capability's screen on demand",
    file: 'static/src/shell/planted.tsx',
    code: "export const load = () => import('../dependencies/GlobalPage');",
    refusal: 'The shell imports no capability',
  },
  {
    name: 'the shell reaching the core by a relative path',
    file: 'static/src/shell/planted.ts',
    code: "import { formatMessage } from '../../../src/shared/format';",
    refusal: "static/ reaches the back end only through the contract: import from '@contract/…'",
  },
  {
    name: 'the CLI loading the sandbox server on demand',
    file: 'src/cli/sandbox.ts',
    code: "export const load = () => import('../../sandbox/server');",
    refusal: 'The CLI does not import the sandbox',
  },
  {
    name: 'a CLI command importing the sandbox launcher',
    file: 'src/cli/commands/planted.ts',
    code: "import { launchSandbox } from '../../../sandbox/launcher';",
    refusal: 'The CLI does not import the sandbox',
  },
];

const allowed: readonly Case[] = [
  {
    name: 'the CLI using the services, the clients and the contract',
    file: 'src/cli/commands/planted.ts',
    code: "import { toCsv } from '../../contract/dependency-csv';\nimport { JiraClient } from '../../atlassian/jira';",
  },
  {
    name: "the sandbox naming the CLI's launcher type",
    file: 'sandbox/launcher.ts',
    code: "import type { LaunchSandbox } from '../src/cli/sandbox';",
  },
  {
    name: "the app root composing the capabilities' messages",
    file: 'static/src/catalogue.ts',
    code: "import { messages } from './hygiene/messages';\nimport { installCatalogues } from './shell/catalogue';",
  },
  {
    name: 'the shell reading its own files and the contract',
    file: 'static/src/shell/planted.ts',
    code: "import { formatMessage } from '@contract/format';\nimport { shellMessages } from './messages';",
  },
  {
    name: 'a screen importing the contract by its alias',
    file: 'static/src/dependencies/planted.tsx',
    code: "import type { Dependency } from '@contract/dependency-report';",
  },
  {
    name: 'a screen importing the shell and the Forge bridge',
    file: 'static/src/hygiene/planted.tsx',
    code: "import { invoke } from '@forge/bridge';\nimport { useT } from '../shell/i18n';",
  },
  {
    name: 'the contract re-exporting the shared formatter',
    file: 'src/contract/planted.ts',
    code: "export { formatMessage } from '../shared/format';",
  },
  {
    name: 'the contract reading its own files and zod',
    file: 'src/contract/planted.ts',
    code: "import { z } from 'zod';\nimport type { Result } from './result';",
  },
  {
    name: 'the core reading the shared message catalogue',
    file: 'src/hygiene/rules/planted.ts',
    code: "import { FINDING_MESSAGES_EN } from '../../shared/finding-messages';",
  },
  {
    name: 'one capability of the core reading another',
    file: 'src/dependencies/planted.ts',
    code: "import type { Severity } from '../hygiene/types';",
  },
  {
    name: 'the core using a library',
    file: 'src/templates/planted.ts',
    code: "import { z } from 'zod';",
  },
  {
    name: 'hygiene/view.ts reading the field map from fields.ts',
    file: 'src/hygiene/view.ts',
    code: "import type { FieldMap } from './fields';",
  },
];

const lint = async (linter: ESLint, { file, code }: Case): Promise<string[]> => {
  const [result] = await linter.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((message) => message.message);
};

describe('the layer map', () => {
  it.each(crossings)('refuses $name', async (crossing) => {
    const messages = await lint(layerLint, crossing);
    expect(messages).toEqual([expect.stringContaining(crossing.refusal)]);
  });

  it.each(allowed)('lets through $name', async (allowedCase) => {
    expect(await lint(layerLint, allowedCase)).toEqual([]);
  });
});

describe('eslint.config.js', () => {
  const projectLint = new ESLint({ cwd: root });

  // A later block of the project's config (an `off` for static/ or test/, say) would silently undo a layer.
  it.each(crossings)('keeps the layer rules for $file ($name)', async ({ file }) => {
    const filePath = path.join(root, file);
    const [project, layer] = await Promise.all([
      projectLint.calculateConfigForFile(filePath) as Promise<{ rules: Record<string, unknown> }>,
      layerLint.calculateConfigForFile(filePath) as Promise<{ rules: Record<string, unknown> }>,
    ]);
    for (const rule of ['no-restricted-imports', 'no-restricted-syntax']) {
      expect(project.rules[rule]).toEqual(layer.rules[rule]);
    }
  });
});
