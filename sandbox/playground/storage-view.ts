/**
 * Confluence storage format shown as a reader sees it, for the playground's page view: panels, status lozenges,
 * task lists, mentions by name, tables of contents and child pages. Only a fixed list of tags and attributes is
 * written out and every text is escaped, so a body holding markup never runs in the host page.
 */
import { XMLParser } from 'fast-xml-parser';
import { escapeHtml } from './host-page';

/** A parsed node with `preserveOrder`: `{ tag: children, ':@': attributes }` or `{ '#text': text }`. */
type XmlNode = Record<string, unknown>;

/** What the view needs to know beyond the body: people's names and the page's children. */
export interface StorageViewSources {
  readonly personName: (accountId: string) => string | undefined;
  readonly childPages: readonly { readonly title: string; readonly href: string }[];
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: true,
  htmlEntities: true,
  trimValues: false,
  // Text stays text: "007" or "2026" in a body are not numbers.
  parseTagValue: false,
  cdataPropName: '#cdata',
});

const NAMESPACES =
  'xmlns:ac="http://atlassian.com/content" xmlns:ri="http://atlassian.com/resource/identifier" xmlns:at="http://atlassian.com/template"';

/** HTML kept as it is (without attributes, but for the few below). */
const PLAIN_TAGS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'code',
  'pre',
  'blockquote',
  'span',
  'div',
  'sub',
  'sup',
]);
const VOID_TAGS = new Set(['br', 'hr']);
const PANELS = new Set(['info', 'note', 'tip', 'warning', 'panel']);
const STATUS_COLOURS = new Set(['grey', 'red', 'yellow', 'green', 'blue', 'purple']);

const tagOf = (node: XmlNode): string | undefined => Object.keys(node).find((key) => key !== ':@');
const attributesOf = (node: XmlNode): Record<string, string> =>
  (node[':@'] as Record<string, string> | undefined) ?? {};
const childrenOf = (node: XmlNode): XmlNode[] => {
  const tag = tagOf(node);
  const children = tag ? node[tag] : undefined;
  return Array.isArray(children) ? (children as XmlNode[]) : [];
};

/** The plain text of a node (a parameter's value, a heading's words). */
function textOf(nodes: readonly XmlNode[]): string {
  return nodes
    .map((node) =>
      typeof node['#text'] === 'string' || typeof node['#text'] === 'number'
        ? String(node['#text'])
        : textOf(childrenOf(node)),
    )
    .join('');
}

function parameter(node: XmlNode, name: string): string | undefined {
  const found = childrenOf(node).find(
    (child) => tagOf(child) === 'ac:parameter' && attributesOf(child)['ac:name'] === name,
  );
  return found ? textOf(childrenOf(found)) : undefined;
}

const childNamed = (node: XmlNode, tag: string): XmlNode | undefined =>
  childrenOf(node).find((child) => tagOf(child) === tag);

/** Renders the body's nodes; headings are gathered for the table of contents. */
function renderNodes(nodes: readonly XmlNode[], sources: StorageViewSources, headings: string[]): string {
  return nodes.map((node) => renderNode(node, sources, headings)).join('');
}

function renderMacro(node: XmlNode, sources: StorageViewSources, headings: string[]): string {
  const name = attributesOf(node)['ac:name'] ?? '';
  const body = childNamed(node, 'ac:rich-text-body');
  if (PANELS.has(name)) {
    const title = parameter(node, 'title');
    return `<div class="sv-panel sv-panel-${name}">${title ? `<p class="sv-panel-title">${escapeHtml(title)}</p>` : ''}${body ? renderNodes(childrenOf(body), sources, headings) : ''}</div>`;
  }
  if (name === 'status') {
    const colour = (parameter(node, 'colour') ?? 'grey').toLowerCase();
    return `<span class="sv-status sv-status-${STATUS_COLOURS.has(colour) ? colour : 'grey'}">${escapeHtml(parameter(node, 'title') ?? '')}</span>`;
  }
  // Filled in once the whole body is read: it lists the headings that follow it too.
  if (name === 'toc') return '<!--toc-->';
  if (name === 'children') {
    const items = sources.childPages.map(
      (child) => `<li><a href="${escapeHtml(child.href)}">${escapeHtml(child.title)}</a></li>`,
    );
    return items.length > 0 ? `<ul class="sv-children">${items.join('')}</ul>` : '';
  }
  if (name === 'anchor') return `<a id="${escapeHtml(parameter(node, '') ?? '')}"></a>`;
  if (name === 'code' || name === 'noformat') {
    const plain = childNamed(node, 'ac:plain-text-body');
    return `<pre class="sv-code">${escapeHtml(plain ? textOf(childrenOf(plain)) : '')}</pre>`;
  }
  return body
    ? `<div class="sv-macro">${renderNodes(childrenOf(body), sources, headings)}</div>`
    : `<span class="sv-macro">${escapeHtml(name)}</span>`;
}

function renderNode(node: XmlNode, sources: StorageViewSources, headings: string[]): string {
  if ('#text' in node) return escapeHtml(String(node['#text']));
  if ('#cdata' in node) return escapeHtml(textOf(childrenOf(node)));
  const tag = tagOf(node);
  if (!tag) return '';
  const attributes = attributesOf(node);
  const inner = (): string => renderNodes(childrenOf(node), sources, headings);
  if (tag === 'ac:structured-macro') return renderMacro(node, sources, headings);
  if (tag === 'ac:task-list') return `<ul class="sv-tasks">${inner()}</ul>`;
  if (tag === 'ac:task') {
    const done = textOf(childrenOf(childNamed(node, 'ac:task-status') ?? {})) === 'complete';
    const body = childNamed(node, 'ac:task-body');
    return `<li><input type="checkbox" disabled${done ? ' checked' : ''}> ${body ? renderNodes(childrenOf(body), sources, headings) : ''}</li>`;
  }
  if (tag === 'ac:link') {
    const user = childNamed(node, 'ri:user');
    if (user) {
      const accountId = attributesOf(user)['ri:account-id'] ?? '';
      return `<span class="sv-mention">@${escapeHtml(sources.personName(accountId) ?? 'Former user')}</span>`;
    }
    const target = childNamed(node, 'ri:page');
    return `<span class="sv-link">${escapeHtml(target ? (attributesOf(target)['ri:content-title'] ?? '') : textOf(childrenOf(node)))}</span>`;
  }
  if (tag === 'ac:placeholder') return `<span class="sv-placeholder">${inner()}</span>`;
  if (tag === 'time') return `<time>${escapeHtml(attributes.datetime ?? '')}</time>`;
  if (tag === 'a') {
    const href = attributes.href ?? '';
    const safe = /^(https?:\/\/|\/|#)/.test(href) ? ` href="${escapeHtml(href)}"` : '';
    return `<a${safe}>${inner()}</a>`;
  }
  if (VOID_TAGS.has(tag)) return `<${tag}>`;
  if (/^h[1-6]$/.test(tag)) {
    const id = `sv-heading-${String(headings.length)}`;
    headings.push(textOf(childrenOf(node)));
    return `<${tag} id="${id}">${inner()}</${tag}>`;
  }
  if (PLAIN_TAGS.has(tag)) {
    const span = ['colspan', 'rowspan']
      .filter((name) => /^\d+$/.test(attributes[name] ?? ''))
      .map((name) => ` ${name}="${attributes[name] ?? ''}"`)
      .join('');
    return `<${tag}${span}>${inner()}</${tag}>`;
  }
  // Parameters, task ids, template declarations and unknown elements: their text is not for readers.
  if (tag.startsWith('ac:') || tag.startsWith('ri:') || tag.startsWith('at:')) return '';
  return inner();
}

/** The body as reader-facing HTML; a body that is not well-formed XML is shown as its source, escaped. */
export function storageToHtml(body: string, sources: StorageViewSources): string {
  let nodes: XmlNode[];
  try {
    const parsed = parser.parse(`<root ${NAMESPACES}>${body}</root>`) as XmlNode[];
    nodes = childrenOf(parsed.find((node) => tagOf(node) === 'root') ?? {});
  } catch {
    return `<pre class="sv-code">${escapeHtml(body)}</pre>`;
  }
  const headings: string[] = [];
  const html = renderNodes(nodes, sources, headings);
  const toc =
    headings.length === 0
      ? ''
      : `<nav class="sv-toc"><ul>${headings
          .map(
            (heading, index) => `<li><a href="#sv-heading-${String(index)}">${escapeHtml(heading)}</a></li>`,
          )
          .join('')}</ul></nav>`;
  return html.replaceAll('<!--toc-->', toc);
}

/** The view's styles, on Atlassian's design tokens so light and dark themes both read well. */
export const STORAGE_VIEW_STYLE = `
.sv-body { max-width: 860px; line-height: 1.6; }
main a { color: var(--ds-link, #0C66E4); text-decoration: none; }
main a:hover { text-decoration: underline; }
.sv-body table { border-collapse: collapse; margin: 12px 0; }
.sv-body th, .sv-body td { border: 1px solid var(--ds-border, #091E4224); padding: 6px 10px; text-align: left; vertical-align: top; }
.sv-body th { background: var(--ds-background-neutral, #091E420F); }
.sv-panel { border-radius: 6px; padding: 8px 16px; margin: 12px 0; background: var(--ds-background-information, #E9F2FF); }
.sv-panel-note { background: var(--ds-background-discovery, #F3F0FF); }
.sv-panel-tip { background: var(--ds-background-success, #DCFFF1); }
.sv-panel-warning { background: var(--ds-background-warning, #FFF7D6); }
.sv-panel-title { font-weight: 600; }
.sv-status { display: inline-block; padding: 0 4px; border-radius: 3px; font-size: 11px; font-weight: 700; text-transform: uppercase;
  background: var(--ds-background-neutral, #091E420F); color: var(--ds-text-subtle, #44546F); }
.sv-status-green { background: var(--ds-background-success, #DCFFF1); color: var(--ds-text-success, #216E4E); }
.sv-status-red { background: var(--ds-background-danger, #FFECEB); color: var(--ds-text-danger, #AE2E24); }
.sv-status-yellow { background: var(--ds-background-warning, #FFF7D6); color: var(--ds-text-warning, #A54800); }
.sv-status-blue { background: var(--ds-background-information, #E9F2FF); color: var(--ds-text-information, #0055CC); }
.sv-status-purple { background: var(--ds-background-discovery, #F3F0FF); color: var(--ds-text-discovery, #5E4DB2); }
.sv-tasks { list-style: none; padding-left: 4px; }
.sv-mention { color: var(--ds-link, #0C66E4); background: var(--ds-background-neutral, #091E420F); border-radius: 12px; padding: 0 6px; }
.sv-placeholder { color: var(--ds-text-subtlest, #626F86); font-style: italic; }
.sv-code { background: var(--ds-background-neutral, #091E420F); padding: 8px; border-radius: 3px; white-space: pre-wrap; }
.sv-toc { border-left: 2px solid var(--ds-border, #091E4224); padding-left: 8px; margin: 8px 0; }
.sv-toc ul, .sv-children { margin: 4px 0; }
.sv-meta { color: var(--ds-text-subtle, #44546F); margin: -8px 0 16px; }
.sv-columns { display: flex; gap: 24px; align-items: flex-start; }
.sv-columns > section { flex: 1; min-width: 0; border: 1px solid var(--ds-border, #091E4224); border-radius: 6px; padding: 0 16px; }
`;
