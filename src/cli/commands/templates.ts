import { readFile } from 'node:fs/promises';
import { Command, InvalidArgumentError, Option } from 'commander';
import { AppError } from '../../contract/result';
import { createLocalPlatform } from '../../platform/local';
import { catalogue, exportPageTree } from '../../services/templates/catalogue';
import { planConflicts, type InstallConflict } from '../../services/templates/conflicts';
import { installBundle } from '../../services/templates/install';
import { prepareInstall, wireAction, type InstallRequest } from '../../services/templates/prepare';
import { uninstallBundle } from '../../services/templates/uninstall';
import { matchPeople, type Person } from '../../services/templates/people';
import { findBundle, saveCustomBundle } from '../../services/templates/records';
import { templatesContext, type TemplatesContext } from '../../services/templates/space';
import { parseBundleFile } from '../../templates/codec';
import { summarisePlan } from '../../templates/plan';
import { UsageError, type CliIo } from '../io';
import { addSiteOptions, connect, siteOptions, storeDirOf } from '../options';
import { printReport } from '../output';
import { createProgress } from '../progress';
import type { Resolution } from '../../services/templates/resolutions';
import { collectResolution, printChoices } from './templates-choices';

/** A service's refusal (AppError: not admin, bad variable...) is the user's to fix: one line, exit code 2. */
function userFacing(action: () => Promise<void>): () => Promise<void> {
  return async () => {
    try {
      await action();
    } catch (error) {
      if (error instanceof AppError) throw new UsageError(error.message);
      throw error;
    }
  };
}

/** Conflicts with their compare links made absolute on the site, ready to open from a terminal. */
function onSite(conflicts: readonly InstallConflict[], site: string): InstallConflict[] {
  return conflicts.map((conflict) => ({
    ...conflict,
    compareUrl: conflict.compareUrl ? `${site}${conflict.compareUrl}` : null,
  }));
}

/** `--var name=value`, repeatable: collected into one record. */
function collectVariable(value: string, previous: Record<string, string>): Record<string, string> {
  const match = /^([A-Za-z][A-Za-z0-9_]*)=(.*)$/s.exec(value);
  if (!match) throw new InvalidArgumentError(`expected name=value, got "${value}"`);
  return { ...previous, [match[1] ?? '']: match[2] ?? '' };
}

function parseLanguage(value: string): 'en' | 'fr' {
  if (value !== 'en' && value !== 'fr') throw new InvalidArgumentError('expected en or fr');
  return value;
}

interface TargetOptions {
  space: string;
  bundle?: string;
  bundleFile?: string;
  var: Record<string, string>;
  resolve: Resolution[];
  parent?: string;
  language: 'en' | 'fr';
}

function addTargetOptions(command: Command): Command {
  return command
    .requiredOption('--space <key>', 'the space to install into, e.g. OPS')
    .option('--bundle <id>', 'a bundle id (see `vertebra templates list`)')
    .option('--bundle-file <path>', 'a custom bundle file (JSON or YAML) instead of --bundle')
    .option(
      '--var <name=value>',
      'a bundle variable, repeatable; a person (type user) by account id, email address or full display name',
      collectVariable,
      {},
    )
    .option(
      '--resolve <page:block=choice>',
      'settles a conflicting block of an edited page: PAGE_KEY:BLOCK=theirs|ours|both (block 1 is the first conflict `plan` lists for the page), repeatable',
      collectResolution,
      [],
    )
    .option('--parent <pageId>', 'parent page of the bundle (default: the space home page)')
    .addOption(new Option('--language <lang>', 'bundle language').default('en').argParser(parseLanguage));
}

/** An account id as Atlassian issues them (`557058:…`, or 24 hex digits for older accounts), never a name. */
const ACCOUNT_ID = /^(?:[\w-]+:[\w:-]+|[0-9a-f]{24})$/i;

/** People for a one-line message: at most five, with their account ids where two share a name. */
function namesOf(people: readonly Person[]): string {
  const nameOf = (person: Person): string => person.displayName ?? person.accountId;
  const labels = people.map((person) =>
    people.filter((other) => nameOf(other) === nameOf(person)).length > 1
      ? `${nameOf(person)} (${person.accountId})`
      : nameOf(person),
  );
  return labels.length > 5 ? `${labels.slice(0, 5).join(', ')} and others` : labels.join(', ');
}

/**
 * The variables with each person (type `user`) given as an email address or a display name replaced by the
 * account it designates, found as the user picker finds people. A person matching no one, or several, is
 * the user's to fix: refused before the install reads the space or writes anything.
 */
async function withAccountIds(
  context: TemplatesContext,
  bundleId: string,
  language: 'en' | 'fr',
  given: Readonly<Record<string, string>>,
): Promise<Record<string, string>> {
  // A Map: the names come from the bundle (anyone may import one), and `constructor` is a name like any other.
  const variables = new Map(Object.entries(given));
  const bundle = await findBundle(context.store, bundleId, language);
  for (const variable of bundle.variables) {
    const value = variables.get(variable.name)?.trim() ?? '';
    if (variable.type !== 'user' || value === '' || ACCOUNT_ID.test(value)) continue;
    const { matches, found } = await matchPeople(context, value);
    const [person, another] = matches;
    if (person && !another) {
      variables.set(variable.name, person.accountId);
      continue;
    }
    if (person) {
      throw new UsageError(
        `--var ${variable.name}: "${value}" could be several people: ${namesOf(matches)}; give an account id`,
      );
    }
    const nobody = value.includes('@') ? 'no one on the site shows the email address' : 'no one matches';
    const guess = found.length > 0 ? `; did you mean ${namesOf(found)}?` : '';
    throw new UsageError(
      `--var ${variable.name}: ${nobody} "${value}" (a person is an account id, an email address or a full display name)${guess}`,
    );
  }
  return Object.fromEntries(variables);
}

/**
 * The install request, loading a custom bundle file into the run's store when one is given, with people
 * named by email address or display name turned into their account ids.
 */
async function requestFor(options: TargetOptions, context: TemplatesContext): Promise<InstallRequest> {
  let bundleId = options.bundle;
  if (options.bundleFile) {
    const parsed = parseBundleFile(
      await readFile(options.bundleFile, 'utf8'),
      options.bundleFile.endsWith('.json') ? 'json' : 'yaml',
    );
    if (!parsed.ok)
      throw new UsageError(
        `${options.bundleFile}: ${parsed.problems.map((problem) => `${problem.path}: ${problem.message}`).join('; ')}`,
      );
    await saveCustomBundle(context.store, parsed.bundle);
    bundleId = parsed.bundle.id;
  }
  if (!bundleId) throw new UsageError('name a bundle with --bundle ID or --bundle-file PATH');
  if (options.parent !== undefined && !/^\d+$/.test(options.parent))
    throw new UsageError(`--parent must be a page id (digits), got "${options.parent}"`);
  return {
    spaceKey: options.space,
    bundleId,
    language: options.language,
    variables: await withAccountIds(context, bundleId, options.language, options.var),
    parentId: options.parent,
    resolutions: options.resolve,
  };
}

/**
 * `vertebra templates list|plan|install|uninstall|export`: the same services as the Confluence screens,
 * against any site (a sandbox or a real Confluence Cloud), acting as `--as` or the API token's account.
 */
export function registerTemplatesCommand(program: Command, io: CliIo): void {
  const templates = new Command('templates').description(
    'documentation bundles for Confluence spaces: list, plan, install, uninstall, export',
  );

  const list = new Command('list')
    .description('the bundles available, and where this run knows them installed')
    .addOption(new Option('--language <lang>', 'language').default('en').argParser(parseLanguage));
  addSiteOptions(list, ['table', 'json']).action(
    userFacing(async () => {
      const options = siteOptions(list);
      const { language } = list.opts<{ language: 'en' | 'fr' }>();
      // The bundles ship with the app: listing them needs only the local record of installs, not the site.
      const platform = createLocalPlatform({
        siteUrl: options.site,
        now: options.now,
        storeDir: storeDirOf(options, io.env),
      });
      const entries = await catalogue(platform.store, language);
      printReport(io, options.format, entries, [
        { header: 'Bundle', value: (entry) => entry.id },
        { header: 'Version', value: (entry) => entry.version },
        { header: 'Languages', value: (entry) => entry.languages.join(', ') },
        { header: 'Pages', value: (entry) => entry.pageCount, align: 'right' },
        { header: 'Templates', value: (entry) => entry.templateCount, align: 'right' },
        {
          // Spaces installed with an older version: upgrade them with `templates plan` then `install`.
          header: 'Behind',
          value: (entry) =>
            entry.installations
              .filter((installation) => installation.upgradeAvailable)
              .map((installation) => `${installation.spaceKey} (${installation.version})`)
              .join(', '),
        },
        {
          header: 'Variables',
          value: (entry) =>
            entry.variables
              .map((variable) => `${variable.name}:${variable.type}${variable.required ? '' : '?'}`)
              .join(' '),
        },
        { header: 'Title', value: (entry) => entry.title },
      ]);
    }),
  );

  const plan = addTargetOptions(
    new Command('plan').description('what an install would do, page by page; writes nothing'),
  );
  addSiteOptions(plan, ['table', 'json']).action(
    userFacing(async () => {
      const options = siteOptions(plan);
      const connection = await connect(options, io);
      const context = templatesContext(connection.platform, connection.principal);
      const prepared = await prepareInstall(context, await requestFor(plan.opts<TargetOptions>(), context));
      const summary = summarisePlan(prepared.plan);
      const steps = [
        ...prepared.plan.pages.map((step) => ({
          kind: 'page',
          key: step.key,
          name: step.title,
          action: wireAction(step),
          reason: step.reason,
          id: step.pageId ?? null,
        })),
        ...prepared.plan.templates.map((step) => ({
          kind: 'template',
          key: step.key,
          name: step.name,
          action: step.action,
          reason: step.reason,
          id: step.templateId ?? null,
        })),
      ];
      printReport(
        io,
        options.format,
        steps,
        [
          { header: 'Action', value: (step) => step.action },
          { header: 'Kind', value: (step) => step.kind },
          { header: 'Key', value: (step) => step.key },
          { header: 'Title', value: (step) => step.name },
          { header: 'Why', value: (step) => step.reason },
          { header: 'Id', value: (step) => step.id },
        ],
        {
          bundleId: prepared.plan.bundleId,
          version: prepared.plan.version,
          spaceKey: prepared.space.key,
          parentId: prepared.parentId,
          // The same counts as `install --format json` prints, as what the install would do.
          created: summary.create,
          updated: summary.update + summary.merge,
          merged: summary.merge,
          skipped: summary.skip,
          conflicts: onSite(planConflicts(prepared), options.site),
          summary,
          steps,
        },
      );
      if (options.format === 'table') printChoices(io, planConflicts(prepared), prepared.plan.version);
    }),
  );

  const install = addTargetOptions(
    new Command('install').description(
      'installs or upgrades a bundle; safe to run again, resumes after an error',
    ),
  );
  addSiteOptions(install, ['table', 'json']).action(
    userFacing(async () => {
      const options = siteOptions(install);
      const connection = await connect(options, io);
      const context = templatesContext(connection.platform, connection.principal);
      const request = await requestFor(install.opts<TargetOptions>(), context);
      const progress = createProgress(io.stderr, 'Installing');
      let outcome;
      try {
        outcome = await installBundle(context, request, {
          onProgress: (done, total) => {
            progress.update({ done, total });
          },
        });
      } finally {
        progress.stop();
      }
      if (options.format === 'json') {
        io.stdout.write(
          `${JSON.stringify({ ...outcome, conflicts: onSite(outcome.conflicts, options.site) }, null, 2)}\n`,
        );
        return;
      }
      io.stdout.write(
        `${outcome.bundleId} ${outcome.version} in ${outcome.spaceKey}: ${outcome.created} created, ${outcome.updated} updated, ${outcome.skipped} unchanged, ${outcome.conflicts.length} conflict(s)\n`,
      );
      if (outcome.conflicts.length > 0) {
        printReport(io, 'table', onSite(outcome.conflicts, options.site), [
          { header: 'Conflict', value: (conflict) => conflict.page },
          { header: 'Id', value: (conflict) => conflict.id },
          { header: 'Why', value: (conflict) => conflict.reason },
          { header: 'Compare', value: (conflict) => conflict.compareUrl ?? '', maxWidth: 200 },
        ]);
      }
    }),
  );

  const uninstall = new Command('uninstall')
    .description('archives the untouched pages of a bundle; edited pages stay and are listed')
    .requiredOption('--space <key>', 'the space')
    .requiredOption('--bundle <id>', 'the bundle id');
  addSiteOptions(uninstall, ['table', 'json']).action(
    userFacing(async () => {
      const options = siteOptions(uninstall);
      const { space, bundle } = uninstall.opts<{ space: string; bundle: string }>();
      const connection = await connect(options, io);
      const outcome = await uninstallBundle(templatesContext(connection.platform, connection.principal), {
        spaceKey: space,
        bundleId: bundle,
      });
      const rows = [
        ...outcome.archived.map((page) => ({ ...page, result: 'archived' })),
        ...outcome.kept.map((page) => ({ ...page, result: 'kept (edited)' })),
      ];
      printReport(
        io,
        options.format,
        rows,
        [
          { header: 'Result', value: (row) => row.result },
          { header: 'Page', value: (row) => row.title },
          { header: 'Id', value: (row) => row.id },
        ],
        outcome,
      );
    }),
  );

  const exporter = new Command('export')
    .description('writes a page tree as a bundle file to edit and import')
    .requiredOption('--space <key>', 'the space')
    .requiredOption('--root <pageId>', 'the top page of the tree')
    .requiredOption('--id <bundleId>', 'id of the new bundle (lower case, dashes)')
    .option('--title <title>', 'title of the new bundle', 'Exported bundle')
    .addOption(new Option('--language <lang>', 'language').default('en').argParser(parseLanguage));
  addSiteOptions(exporter, ['yaml', 'json']).action(
    userFacing(async () => {
      const options = siteOptions(exporter);
      const opts = exporter.opts<{
        space: string;
        root: string;
        id: string;
        title: string;
        language: 'en' | 'fr';
      }>();
      const connection = await connect(options, io);
      io.stdout.write(
        await exportPageTree(templatesContext(connection.platform, connection.principal), {
          spaceKey: opts.space,
          rootPageId: opts.root,
          id: opts.id,
          version: '1.0.0',
          language: opts.language,
          title: opts.title,
          format: options.format === 'json' ? 'json' : 'yaml',
        }),
      );
    }),
  );

  templates.addCommand(list).addCommand(plan).addCommand(install).addCommand(uninstall).addCommand(exporter);
  program.addCommand(templates);
}
