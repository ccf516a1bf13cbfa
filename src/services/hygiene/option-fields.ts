import { z } from 'zod';
import type { OptionField } from '../../contract/hygiene';
import type { HygieneRule } from '../../hygiene/types';

interface PropertySchema {
  readonly type?: unknown;
  readonly minimum?: unknown;
  readonly maximum?: unknown;
  readonly maxItems?: unknown;
  readonly items?: { readonly type?: unknown };
}

const fieldsCache = new WeakMap<HygieneRule, readonly OptionField[]>();

const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

/**
 * A rule's options as form fields, read from its schema (zod's JSON Schema of it): what a settings page shows
 * instead of a JSON text box, with the bounds the schema enforces. An option of another shape (none today) is
 * left out of the form; the rule's default applies.
 */
export function optionFields(rule: HygieneRule): readonly OptionField[] {
  let fields = fieldsCache.get(rule);
  if (fields === undefined) {
    const schema = z.toJSONSchema(rule.options, { io: 'input' }) as {
      properties?: Record<string, PropertySchema>;
    };
    fields = Object.entries(schema.properties ?? {}).flatMap(([key, property]): OptionField[] => {
      if (property.type === 'integer') {
        const min = num(property.minimum);
        const max = num(property.maximum);
        return [
          { key, kind: 'integer', ...(min !== undefined && { min }), ...(max !== undefined && { max }) },
        ];
      }
      if (property.type === 'boolean') return [{ key, kind: 'boolean' }];
      if (property.type === 'array' && property.items?.type === 'string') {
        const maxItems = num(property.maxItems);
        return [{ key, kind: 'list', ...(maxItems !== undefined && { maxItems }) }];
      }
      return [];
    });
    fieldsCache.set(rule, fields);
  }
  return fields;
}
