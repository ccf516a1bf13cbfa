/**
 * Small builders for the storage-format pieces our bundles use (panels, status lozenges, task lists, tables,
 * table of contents). Inputs are our own phrases, which may hold inline markup, so they are not escaped;
 * the test that parses every shipped body as XML keeps them honest.
 */

export type PanelKind = 'info' | 'note' | 'tip' | 'warning';
export type StatusColour = 'Grey' | 'Red' | 'Yellow' | 'Green' | 'Blue' | 'Purple';

export const p = (text: string): string => `<p>${text}</p>`;
export const h2 = (text: string): string => `<h2>${text}</h2>`;
export const h3 = (text: string): string => `<h3>${text}</h3>`;
export const ul = (items: readonly string[]): string =>
  `<ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>`;

export const toc = (): string =>
  '<ac:structured-macro ac:name="toc" ac:schema-version="1"><ac:parameter ac:name="maxLevel">3</ac:parameter></ac:structured-macro>';

export const children = (): string =>
  '<ac:structured-macro ac:name="children" ac:schema-version="2"><ac:parameter ac:name="all">true</ac:parameter></ac:structured-macro>';

export const panel = (kind: PanelKind, title: string, body: string): string =>
  `<ac:structured-macro ac:name="${kind}" ac:schema-version="1"><ac:parameter ac:name="title">${title}</ac:parameter><ac:rich-text-body>${body}</ac:rich-text-body></ac:structured-macro>`;

export const status = (title: string, colour: StatusColour): string =>
  `<ac:structured-macro ac:name="status" ac:schema-version="1"><ac:parameter ac:name="colour">${colour}</ac:parameter><ac:parameter ac:name="title">${title}</ac:parameter></ac:structured-macro>`;

/** A table: first row as headers. */
export const table = (headers: readonly string[], rows: readonly (readonly string[])[]): string =>
  `<table data-layout="default"><tbody><tr>${headers.map((header) => `<th>${header}</th>`).join('')}</tr>${rows
    .map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;

/** A task list; ids are unique within the page, as Confluence requires. */
export const tasks = (items: readonly string[], firstId = 1): string =>
  `<ac:task-list>${items
    .map(
      (item, index) =>
        `<ac:task><ac:task-id>${firstId + index}</ac:task-id><ac:task-status>incomplete</ac:task-status><ac:task-body>${item}</ac:task-body></ac:task>`,
    )
    .join('')}</ac:task-list>`;

/** An anchor other tools can link to with `#name` (the hygiene capability points at rule anchors). */
export const anchor = (name: string): string =>
  `<ac:structured-macro ac:name="anchor" ac:schema-version="1"><ac:parameter ac:name="">${name}</ac:parameter></ac:structured-macro>`;

/** A code block: its text is CDATA, where variables are escaped differently. */
export const code = (language: string, text: string): string =>
  `<ac:structured-macro ac:name="code" ac:schema-version="1"><ac:parameter ac:name="language">${language}</ac:parameter><ac:plain-text-body><![CDATA[${text}]]></ac:plain-text-body></ac:structured-macro>`;
