/**
 * Markdown -> Lit templates, from `marked`'s lexer tokens. Nothing goes through
 * innerHTML: every string is a text binding, raw HTML is shown as text, and every
 * link and image URL passes the allowlist (http, https, mailto, relative).
 *
 * This module is a lazy chunk: `<article-section>` imports it only for markdown
 * bodies, so pages with plain text or only the ticker never load `marked`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { Lexer, getDefaults, type Token, type Tokens } from 'marked';
import { safeUrl } from '../data/url.js';
import {
  bodyHeadingLevel,
  decodeEntities,
  headingTemplate,
  linkRel,
  textParagraphs,
  paragraphsTemplate,
} from './text.js';

export interface MarkdownOptions {
  /** The level of the heading above the body (the section's own); the body's sit below it. Default 3. */
  level?: number;
  /** The document's address: relative links and images resolve against it. */
  baseUrl?: string;
}

type Content = TemplateResult | string | typeof nothing | Content[];

/**
 * Renders a markdown text. Supported: paragraphs, headings (the top one a level below
 * the section's, see `bodyHeadingLevel`), emphasis, strong, strikethrough, inline code
 * and code blocks, ordered/unordered/nested/task lists, blockquotes, links, images,
 * rules, line breaks and GFM tables. Anything else shows its source as text.
 */
export function renderMarkdown(source: string, options: MarkdownOptions = {}): TemplateResult {
  // Hundreds of markers in a row (quotes, list bullets, emphasis, brackets) are no news text,
  // and marked takes seconds over them in WebKit before its depth would be refused below.
  if (MARKER_RUN.test(source)) return paragraphsTemplate(textParagraphs(source));
  let tokens: Token[];
  try {
    tokens = pieces(source).flatMap((piece) =>
      // Fresh defaults: a host page's `marked.use()` extensions never reach this lexer.
      Lexer.lex(piece, { ...getDefaults(), gfm: true, breaks: false, pedantic: false }),
    );
  } catch {
    // marked recurses once per level of quotes and lists: thousands of levels overflow the stack.
    return paragraphsTemplate(textParagraphs(source));
  }
  // No news text nests this deep; rendering it would recurse as deep again (here and in Lit).
  const { depth, topHeading } = walk(tokens);
  if (depth > MAX_DEPTH) return paragraphsTemplate(textParagraphs(source));
  const context: Context = { level: options.level ?? 3, topHeading, baseUrl: options.baseUrl };
  return html`${blocks(tokens, context)}`;
}

const MARKER_RUN = /(?:[>*_[\]()`~+-] ?){200}/;

/** Longer bodies are lexed in pieces of about this many characters. */
const PIECE = 8 * 1024;

/**
 * A long body cut at blank lines outside code fences. marked's lexer is superlinear in
 * JavaScriptCore (a 256 KB body took 20 s in WebKit, 0.2 s in V8); pieces keep it linear.
 * Reference links then resolve within their piece only.
 */
function pieces(source: string): string[] {
  if (source.length <= PIECE) return [source];
  const result: string[] = [];
  let piece = '';
  let fenced = false;
  for (const block of source.split(/(?<=\n)\n+/)) {
    piece += (piece ? '\n' : '') + block;
    for (const line of block.split('\n')) if (/^ {0,3}(`{3,}|~{3,})/.test(line)) fenced = !fenced;
    if (piece.length >= PIECE && !fenced) {
      result.push(piece);
      piece = '';
    }
  }
  if (piece) result.push(piece);
  return result;
}

/** Deeper markdown (quotes in lists in quotes…) is shown as plain text. */
const MAX_DEPTH = 32;

/** How deeply tokens nest, and the top (smallest) heading depth among them; walked without recursion. */
function walk(tokens: readonly Token[]): { depth: number; topHeading: number } {
  let deepest = 0;
  let topHeading = 6;
  const stack: [readonly Token[], number][] = [[tokens, 1]];
  while (stack.length > 0) {
    const [level, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_DEPTH) break;
    for (const token of level) {
      const t = token as Tokens.Generic;
      if (t.type === 'heading') topHeading = Math.min(topHeading, (t as Tokens.Heading).depth);
      if (t.tokens?.length) stack.push([t.tokens, depth + 1]);
      if (Array.isArray(t.items))
        for (const item of t.items) if (item.tokens?.length) stack.push([item.tokens, depth + 1]);
    }
  }
  return { depth: deepest, topHeading };
}

interface Context {
  /** The section heading's level; the body's top heading sits one below it. */
  level: number;
  topHeading: number;
  baseUrl?: string;
}

function blocks(tokens: readonly Token[], context: Context): Content[] {
  return tokens.map((token) => block(token, context));
}

function block(token: Token, context: Context): Content {
  const t = token as Tokens.Generic;
  switch (token.type) {
    case 'space':
    case 'def': // reference definitions: already applied (and checked) where they are used
      return nothing;
    case 'paragraph':
      return html`<p>${inlines((token as Tokens.Paragraph).tokens, context)}</p>`;
    case 'heading': {
      const heading = token as Tokens.Heading;
      return headingTemplate(
        bodyHeadingLevel(heading.depth, context.topHeading, context.level),
        inlines(heading.tokens, context),
      );
    }
    case 'code':
      return html`<pre dir="ltr" translate="no"><code>${(token as Tokens.Code).text}</code></pre>`;
    case 'blockquote':
      return html`<blockquote>${blocks((token as Tokens.Blockquote).tokens, context)}</blockquote>`;
    case 'list':
      return list(token as Tokens.List, context);
    case 'hr':
      return html`<hr />`;
    case 'table':
      return table(token as Tokens.Table, context);
    case 'html':
      // Raw HTML is shown as what it is: text.
      return html`<p class="raw">${(token as Tokens.HTML).text.trim()}</p>`;
    case 'text':
      // Block-level text (tight list items) may carry inline tokens.
      return t.tokens ? inlines(t.tokens, context) : decodeEntities(String(t.text ?? ''));
    default:
      return t.tokens ? inlines(t.tokens, context) : String(t.raw ?? '');
  }
}

function list(token: Tokens.List, context: Context): TemplateResult {
  const items = token.items.map(
    (item) =>
      html`<li>${item.task ? checkbox(item.checked === true) : nothing}${blocks(item.tokens, context)}</li>`,
  );
  if (!token.ordered)
    return html`<ul>
      ${items}
    </ul>`;
  const start = typeof token.start === 'number' && token.start !== 1 ? token.start : nothing;
  return html`<ol start=${start}>
    ${items}
  </ol>`;
}

function checkbox(checked: boolean): TemplateResult {
  return html`<span class="task">${checked ? '☑' : '☐'} </span>`;
}

function table(token: Tokens.Table, context: Context): TemplateResult {
  const cell = (item: Tokens.TableCell, header: boolean) =>
    header
      ? html`<th data-align=${item.align ?? nothing}>${inlines(item.tokens, context)}</th>`
      : html`<td data-align=${item.align ?? nothing}>${inlines(item.tokens, context)}</td>`;
  return html`<div class="table">
    <table>
      <thead>
        <tr>
          ${token.header.map((item) => cell(item, true))}
        </tr>
      </thead>
      <tbody>
        ${token.rows.map(
          (row) =>
            html`<tr>
              ${row.map((item) => cell(item, false))}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

function inlines(tokens: readonly Token[] | undefined, context: Context): Content[] {
  return (tokens ?? []).map((token) => inline(token, context));
}

function inline(token: Token, context: Context): Content {
  const t = token as Tokens.Generic;
  switch (token.type) {
    case 'text':
      return t.tokens ? inlines(t.tokens, context) : decodeEntities(String(t.text ?? ''));
    case 'escape':
      return (token as Tokens.Escape).text;
    case 'strong':
      return html`<strong>${inlines((token as Tokens.Strong).tokens, context)}</strong>`;
    case 'em':
      return html`<em>${inlines((token as Tokens.Em).tokens, context)}</em>`;
    case 'del':
      return html`<del>${inlines((token as Tokens.Del).tokens, context)}</del>`;
    case 'codespan':
      return html`<code dir="auto" translate="no">${(token as Tokens.Codespan).text}</code>`;
    case 'br':
      return html`<br />`;
    case 'link':
      return link(token as Tokens.Link, context);
    case 'image':
      return image(token as Tokens.Image, context);
    case 'html':
      // Inline HTML (`<b>`, `<img onerror=…>`) is shown as text, never parsed.
      return (token as Tokens.HTML).text;
    case 'checkbox':
      return checkbox((token as Tokens.Checkbox).checked);
    default:
      return t.tokens ? inlines(t.tokens, context) : String(t.raw ?? '');
  }
}

function link(token: Tokens.Link, context: Context): Content {
  // Autolinks are literal; other destinations and titles may hold character references.
  const literal = token.autolink === true;
  const href = safeUrl(literal ? token.href : decodeEntities(token.href), context.baseUrl);
  const content = literal ? token.text : inlines(token.tokens, context);
  if (href === undefined) return content;
  const title = token.title ? decodeEntities(token.title) : undefined;
  return html`<a href=${href} rel=${linkRel(href) ?? nothing} title=${title ?? nothing}>${content}</a>`;
}

function image(token: Tokens.Image, context: Context): Content {
  const alt = decodeEntities(token.text);
  const src = safeUrl(decodeEntities(token.href), context.baseUrl);
  if (src === undefined || src.startsWith('mailto:')) return alt;
  const title = token.title ? decodeEntities(token.title) : undefined;
  return html`<img
    src=${src}
    alt=${alt}
    title=${title ?? nothing}
    loading="lazy"
    decoding="async"
    referrerpolicy="no-referrer"
  />`;
}
