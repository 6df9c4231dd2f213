/**
 * Plain-text rendering without `marked`: paragraphs from blank lines, HTML reduced
 * to text, character references, and a heading of any level. Every string ends up
 * in a text binding; nothing here creates markup from a string.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { trustedHTML } from '../data/trusted.js';

/** A paragraph: its lines (a single newline inside a paragraph is a line break). */
export type TextParagraph = string[];

/** Named character references worth knowing in news text; others stay as written. */
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  shy: '\u00ad',
  copy: '©',
  reg: '®',
  trade: '™',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  laquo: '«',
  raquo: '»',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  bull: '•',
  middot: '·',
  deg: '°',
  times: '×',
  euro: '€',
  zwj: '\u200d',
  zwnj: '\u200c',
  lrm: '\u200e',
  rlm: '\u200f',
};

const REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));/g;

/** Decodes numeric and common named character references (`&amp;`, `&#1575;`, `&#x627;`). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (match, decimal?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED[name] ?? match;
    const code = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex!, 16);
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
    return String.fromCodePoint(code);
  });
}

/** Removes the common indentation of a text written inside an HTML element, and blank edges. */
export function dedent(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length && !lines[0].trim()) lines.shift();
  while (lines.length && !lines[lines.length - 1].trim()) lines.pop();
  const indents = lines.filter((line) => line.trim()).map((line) => /^[ \t]*/.exec(line)![0].length);
  const common = indents.length ? Math.min(...indents) : 0;
  return lines.map((line) => line.slice(common)).join('\n');
}

/** Paragraphs of a plain text: blank lines separate them, single newlines break lines. */
export function textParagraphs(text: string): TextParagraph[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((block) =>
      block
        .split('\n')
        .map((line) => line.replace(/[ \t]+/g, ' ').trim())
        .filter(Boolean),
    )
    .filter((lines) => lines.length > 0);
}

/** Elements that end a paragraph. */
const BLOCK_ELEMENTS = new Set(
  (
    'address article aside blockquote dd details dialog div dl dt fieldset figcaption figure footer form ' +
    'h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul'
  ).split(' '),
);
/** Elements whose content is not text a reader should see. */
const HIDDEN_ELEMENTS = new Set(
  'script style template noscript iframe object embed svg math head title textarea select button'.split(' '),
);

/**
 * The text of an HTML fragment as paragraphs: block elements end paragraphs, `<br>`
 * breaks lines, script, style and the like are dropped. The fragment is parsed into
 * an inert DOMParser document (no script runs, nothing loads) and only its text is
 * returned, so it can never become markup. The parse goes through the `akhbar`
 * Trusted Types policy, as DOMParser is a sink on strict pages.
 */
export function htmlToTextParagraphs(source: string): TextParagraph[] {
  const parsed = new DOMParser().parseFromString(trustedHTML(source), 'text/html');
  const paragraphs: TextParagraph[] = [];
  let lines: string[] = [];
  let line = '';
  const endLine = () => {
    const text = line.replace(/[ \t\n\r\f]+/g, ' ').trim();
    if (text) lines.push(text);
    line = '';
  };
  const endParagraph = () => {
    endLine();
    if (lines.length) paragraphs.push(lines);
    lines = [];
  };
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        line += (child as Text).data;
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const name = (child as Element).localName;
        if (HIDDEN_ELEMENTS.has(name)) continue;
        if (name === 'br') {
          endLine();
          continue;
        }
        const block = BLOCK_ELEMENTS.has(name);
        if (block) endParagraph();
        walk(child);
        if (block) endParagraph();
      }
    }
  };
  walk(parsed.body);
  endParagraph();
  return paragraphs;
}

/**
 * A plain preview of markdown for the moment before the markdown renderer has
 * loaded: the paragraphs without the commonest markers (`**`, `#`, `[text](url)`).
 */
export function markdownPreview(source: string): TextParagraph[] {
  return textParagraphs(source)
    .map((lines) =>
      lines
        .map((line) =>
          line
            .replace(/^(?:#{1,6}\s+|>\s?|[-*+]\s+(?=\S))/, '')
            .replace(/!\[([^\]]*)\]\([^)]*\)/g, '')
            .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
            .replace(/(\*\*|__|~~|`)(?=\S)([\s\S]*?\S)\1/g, '$2')
            .replace(/(^|[^*\w])[*_](?=\S)([^*_]*?\S)[*_](?![*\w])/g, '$1$2')
            .trim(),
        )
        .filter(Boolean),
    )
    .filter((lines) => lines.length > 0);
}

/** Paragraphs as `<p>` elements with `<br>` between lines; every line a text binding. */
export function paragraphsTemplate(paragraphs: readonly TextParagraph[]): TemplateResult {
  return html`${paragraphs.map(
    (lines) => html`<p>${lines.map((line, index) => (index ? html`<br />${line}` : line))}</p>`,
  )}`;
}

/** A real `<h1>`…`<h6>` (levels outside 1–6 are clamped), with an optional part and class name. */
export function headingTemplate(level: number, content: unknown, name?: string, id?: string): TemplateResult {
  const part = name ?? nothing;
  const className = name ?? nothing;
  const anchor = id ?? nothing;
  switch (clampLevel(level)) {
    case 1:
      return html`<h1 part=${part} class=${className} id=${anchor}>${content}</h1>`;
    case 2:
      return html`<h2 part=${part} class=${className} id=${anchor}>${content}</h2>`;
    case 3:
      return html`<h3 part=${part} class=${className} id=${anchor}>${content}</h3>`;
    case 4:
      return html`<h4 part=${part} class=${className} id=${anchor}>${content}</h4>`;
    case 5:
      return html`<h5 part=${part} class=${className} id=${anchor}>${content}</h5>`;
    default:
      return html`<h6 part=${part} class=${className} id=${anchor}>${content}</h6>`;
  }
}

/**
 * The `rel` of a link: external http(s) links (another origin than the page's)
 * get `noopener noreferrer`; relative, same-origin and mailto links get none.
 */
export function linkRel(href: string): string | undefined {
  try {
    const url = new URL(href, document.baseURI);
    const web = url.protocol === 'http:' || url.protocol === 'https:';
    return web && url.origin !== location.origin ? 'noopener noreferrer' : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The level a body's heading takes under a section heading at `level`: the body's top heading
 * (`top`, its smallest level) sits one level below, the others keep their distance to it, and
 * none goes past h6. So a body written with `##` or `<h2>` subheadings fits the page's outline.
 */
export function bodyHeadingLevel(depth: number, top: number, level: number): number {
  return clampLevel(level + 1 + depth - top);
}

/** A heading level within 1–6 (anything else, NaN included, becomes the fallback). */
export function clampLevel(level: unknown, fallback = 2): number {
  const value = typeof level === 'number' ? level : Number(level);
  if (!Number.isFinite(value)) return fallback;
  return Math.min(6, Math.max(1, Math.round(value)));
}
