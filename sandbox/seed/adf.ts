/** Small builders of Atlassian Document Format (ADF) for the demo seed's descriptions. */

export type AdfNode = Record<string, unknown>;

const text = (value: string): AdfNode => ({ type: 'text', text: value });

export const paragraph = (value: string): AdfNode => ({
  type: 'paragraph',
  content: value ? [text(value)] : [],
});

export const heading = (level: number, value: string): AdfNode => ({
  type: 'heading',
  attrs: { level },
  content: [text(value)],
});

export const bulletList = (items: readonly string[]): AdfNode => ({
  type: 'bulletList',
  content: items.map((item) => ({ type: 'listItem', content: [paragraph(item)] })),
});

export const orderedList = (items: readonly string[]): AdfNode => ({
  type: 'orderedList',
  attrs: { order: 1 },
  content: items.map((item) => ({ type: 'listItem', content: [paragraph(item)] })),
});

/** A checklist (ADF `taskList`); ids must be unique within the document. */
export const taskList = (prefix: string, items: readonly string[]): AdfNode => ({
  type: 'taskList',
  attrs: { localId: `${prefix}-list` },
  content: items.map((item, index) => ({
    type: 'taskItem',
    attrs: { localId: `${prefix}-${index}`, state: 'TODO' },
    content: [text(item)],
  })),
});

export const doc = (...content: AdfNode[]): AdfNode => ({ version: 1, type: 'doc', content });
