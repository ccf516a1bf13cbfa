import { readFile } from 'node:fs/promises';
import { InvalidArgumentError } from 'commander';
import { parse as parseYaml } from 'yaml';
import { checkOrgConfig, type OrgConfig } from '../../hygiene/config';
import { UsageError } from '../io';

/** A Jira project key, upper-cased as Jira and the project page store it (`pay` finds PAY's overrides). */
export function parseProjectKey(value: string): string {
  const key = value.trim().toUpperCase();
  if (!/^[A-Z][A-Z0-9_]{0,49}$/.test(key)) {
    throw new InvalidArgumentError(`expected a project key such as PAY, got "${value}"`);
  }
  return key;
}

/** Reads an organisation config (JSON or YAML); any problem names the rule and option and stops the run. */
export async function readConfig(file: string): Promise<OrgConfig> {
  let raw: unknown;
  try {
    raw = parseYaml(await readFile(file, 'utf8'));
  } catch (error) {
    throw new UsageError(
      `cannot read --config ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const checked = checkOrgConfig(raw ?? {});
  if (!checked.ok)
    throw new UsageError(`invalid --config ${file}: ${checked.problems.map((p) => p.message).join('; ')}`);
  return checked.config;
}
