/**
 * OpenAPI → JSON Schema glue for contract tests: validates a response body against the response schema an
 * Atlassian OpenAPI document declares for (method, path template, status), with the document's own
 * components resolving `$ref`s. Shared by the Jira and Confluence contract tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

/** `../shared` beside the repository (tests read shared material in place). */
export const SHARED = path.resolve(import.meta.dirname, '../../../..', 'shared');

export const SPECS = {
  jira: path.join(SHARED, 'specs', 'jira-platform-rest-v3.openapi.2025-12-25.json'),
  jiraSoftware: path.join(SHARED, 'specs', 'jira-software-agile-rest.openapi.2024-03-28.json'),
  confluenceV2: path.join(SHARED, 'specs', 'confluence-cloud-rest-v2.openapi.2025-02-04.json'),
  confluenceV1: path.join(SHARED, 'specs', 'confluence-cloud-rest-v1.openapi.2021-11-23.json'),
} as const;

export interface ValidationResult {
  readonly valid: boolean;
  /** Human-readable problems (`/issues/0/fields: must be object`), empty when valid. */
  readonly errors: readonly string[];
}

interface LoadedSpec {
  readonly ajv: Ajv;
  readonly document: { paths: Record<string, Record<string, unknown>> };
  readonly validators: Map<string, ValidateFunction>;
}

const loaded = new Map<string, LoadedSpec>();
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function load(specPath: string): LoadedSpec {
  const cached = loaded.get(specPath);
  if (cached) return cached;
  if (!existsSync(specPath)) {
    throw new Error(
      `The OpenAPI spec ${specPath} is missing: contract tests need ../shared/specs beside the repo.`,
    );
  }
  const document = JSON.parse(readFileSync(specPath, 'utf8')) as LoadedSpec['document'];
  // OpenAPI 3.0 schemas carry keywords JSON Schema does not know (xml, example, discriminator...): not strict.
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, discriminator: false });
  addFormats(ajv);
  for (const format of ['int32', 'int64', 'float', 'double', 'binary', 'byte', 'password']) {
    ajv.addFormat(format, true);
  }
  ajv.addSchema(document, 'spec');
  const spec: LoadedSpec = { ajv, document, validators: new Map() };
  loaded.set(specPath, spec);
  return spec;
}

function pointer(...segments: string[]): string {
  return segments.map((segment) => segment.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

/**
 * Validates `body` against the schema of the spec's response for `method pathTemplate` with `status`
 * (falling back to `2XX`/`default` as OpenAPI does). Throws when the spec declares no such response.
 */
export function validateResponse(
  specPath: string,
  method: string,
  pathTemplate: string,
  status: number,
  body: unknown,
): ValidationResult {
  const spec = load(specPath);
  const operation = spec.document.paths[pathTemplate]?.[method.toLowerCase()] as
    { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> } | undefined;
  if (!operation) throw new Error(`The spec has no operation ${method.toUpperCase()} ${pathTemplate}.`);
  const responses = operation.responses ?? {};
  const statusKey = [String(status), `${String(status)[0] ?? ''}XX`, 'default'].find(
    (key) => key in responses,
  );
  if (!statusKey)
    throw new Error(`The spec declares no ${status} response for ${method.toUpperCase()} ${pathTemplate}.`);
  const content = responses[statusKey]?.content ?? {};
  const mediaType = Object.keys(content).find((type) => content[type]?.schema !== undefined);
  if (!mediaType) return { valid: true, errors: [] };
  const ref = `spec#/${pointer('paths', pathTemplate, method.toLowerCase(), 'responses', statusKey, 'content', mediaType, 'schema')}`;
  let validate = spec.validators.get(ref);
  if (!validate) {
    validate = spec.ajv.compile({ $ref: ref });
    spec.validators.set(ref, validate);
  }
  const valid = validate(body);
  const errors = (validate.errors ?? []).map(
    (error) => `${error.instancePath || '/'}: ${error.message ?? 'invalid'} ${JSON.stringify(error.params)}`,
  );
  return { valid, errors: valid ? [] : errors };
}

/** Validates a value against one of the spec's component schemas (e.g. `UserDetails`, `StatusDetails`). */
export function validateComponent(specPath: string, componentName: string, value: unknown): ValidationResult {
  const spec = load(specPath);
  const ref = `spec#/${pointer('components', 'schemas', componentName)}`;
  let validate = spec.validators.get(ref);
  if (!validate) {
    validate = spec.ajv.compile({ $ref: ref });
    spec.validators.set(ref, validate);
  }
  const valid = validate(value);
  const errors = (validate.errors ?? []).map(
    (error) =>
      `${componentName}${error.instancePath}: ${error.message ?? 'invalid'} ${JSON.stringify(error.params)}`,
  );
  return { valid, errors: valid ? [] : errors };
}
