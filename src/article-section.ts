import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { SectionData, SectionFormat } from './data/types.js';
import { directionOf, resolveLang } from './locale.js';
import { baseStyles } from './news-data-element.js';
import {
  clampLevel,
  dedent,
  headingTemplate,
  htmlToTextParagraphs,
  markdownPreview,
  paragraphsTemplate,
  textParagraphs,
} from './render/text.js';

type MarkdownModule = typeof import('./render/markdown.js');

/** The markdown renderer, loaded on first need (a separate chunk holding `marked`). */
let markdownModule: MarkdownModule | undefined;
let markdownLoading: Promise<MarkdownModule | undefined> | undefined;

function loadMarkdown(): Promise<MarkdownModule | undefined> {
  markdownLoading ??= import('./render/markdown.js').then(
    (module) => (markdownModule = module),
    (error: unknown) => {
      // Keep the plain preview on screen; a later render may try again.
      console.warn('akhbar: the markdown renderer could not be loaded.', error);
      markdownLoading = undefined;
      return undefined;
    },
  );
  return markdownLoading;
}

type HtmlModule = typeof import('./render/html.js');

/** The HTML sanitizer, loaded on first need (a separate chunk holding DOMPurify). */
let htmlModule: HtmlModule | undefined;
let htmlLoading: Promise<HtmlModule | undefined> | undefined;

function loadHtml(): Promise<HtmlModule | undefined> {
  htmlLoading ??= import('./render/html.js').then(
    (module) => (htmlModule = module),
    (error: unknown) => {
      // Keep the text preview on screen; a later render may try again.
      console.warn('akhbar: the HTML sanitizer could not be loaded.', error);
      htmlLoading = undefined;
      return undefined;
    },
  );
  return htmlLoading;
}

const FORMATS: readonly SectionFormat[] = ['markdown', 'text', 'html'];

/**
 * One section of an article: an optional subheading and a body, markdown by default.
 * Without `body` (and without the `section` property), the element's own text is the
 * body; it stays in the light DOM for readers without JavaScript and for crawlers,
 * and is hidden once the section has rendered.
 *
 * @summary An article section: an optional subheading and a markdown, text or HTML body.
 *
 * @slot - The body as text (markdown by default) when `body` is not set: read, not shown.
 *
 * @csspart section - The section wrapper.
 * @csspart heading - The subheading (a real `<h1>`…`<h6>` at `level`).
 * @csspart body - The body.
 *
 * @cssprop --news-section-gap - Space above the section (default `1.75em`).
 * @cssprop --news-section-line-height - Line height of the body (default `1.8`).
 * @cssprop --news-section-heading-size - Font size of the subheading (default `1.3em`).
 * @cssprop --news-section-heading-color - Colour of the subheading (default: the text colour).
 * @cssprop --news-section-accent - Colour of the mark on the subheading's start side (default: the accent colour).
 * @cssprop --news-section-link-color - Colour of links in the body (default: the accent colour).
 */
export class ArticleSectionElement extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        margin-block-start: var(--news-section-gap, 1.75em);
        line-height: var(--news-section-line-height, 1.8);
        overflow-wrap: break-word;
      }
      :host(:first-child) {
        margin-block-start: 0;
      }
      .heading {
        margin-block: 0 0.65em;
        padding-inline-start: 0.6em;
        border-inline-start: 0.22em solid var(--news-section-accent, var(--_accent));
        color: var(--news-section-heading-color, var(--_text));
        font-size: var(--news-section-heading-size, 1.3em);
        font-weight: 700;
        line-height: 1.5;
      }
      .body > :first-child {
        margin-block-start: 0;
      }
      .body > :last-child {
        margin-block-end: 0;
      }
      p,
      ul,
      ol,
      blockquote,
      pre,
      .table {
        margin-block: 0 1em;
      }
      .body :is(h2, h3, h4, h5, h6) {
        margin-block: 1.4em 0.5em;
        font-size: 1.1em;
        font-weight: 700;
        line-height: 1.5;
      }
      a {
        color: var(--news-section-link-color, var(--_accent));
        text-decoration-thickness: 1px;
        text-underline-offset: 0.25em;
      }
      a:hover {
        text-decoration-thickness: 2px;
      }
      a:focus-visible {
        outline: 2px solid var(--_accent);
        outline-offset: 2px;
        border-radius: 2px;
      }
      strong {
        font-weight: 700;
      }
      ul,
      ol {
        padding-inline-start: 1.6em;
      }
      ol {
        /* Counted with the article's digits (set by <news-article> from its numerals). */
        list-style-type: var(--_ol-style, decimal);
      }
      li + li,
      li > :is(ul, ol) {
        margin-block-start: 0.3em;
      }
      li > :is(ul, ol) {
        margin-block-end: 0;
      }
      blockquote {
        margin-inline: 0;
        padding-inline-start: 1em;
        border-inline-start: 0.2em solid var(--_border);
        color: var(--_muted);
      }
      blockquote > :last-child {
        margin-block-end: 0;
      }
      code {
        padding-inline: 0.3em;
        border-radius: 0.25em;
        background: var(--_surface);
        font-family: ui-monospace, 'DejaVu Sans Mono', 'Cascadia Mono', Menlo, Consolas, monospace;
        font-size: 0.88em;
      }
      pre {
        overflow-x: auto;
        padding: 0.8em 1em;
        border-radius: 0.4em;
        background: var(--_surface);
        line-height: 1.5;
      }
      pre code {
        padding: 0;
        background: none;
      }
      img {
        max-inline-size: 100%;
        block-size: auto;
        border-radius: 0.25em;
      }
      figure {
        margin-block: 0 1em;
        margin-inline: 0;
      }
      figcaption {
        margin-block-start: 0.5em;
        color: var(--_muted);
        font-size: 0.85em;
        line-height: 1.6;
      }
      hr {
        margin-block: 1.75em;
        border: 0;
        border-block-start: 1px solid var(--_border);
      }
      .table {
        overflow-x: auto;
      }
      table {
        inline-size: 100%;
        border-collapse: collapse;
        line-height: 1.5;
      }
      th,
      td {
        padding: 0.45em 0.7em;
        border: 1px solid var(--_border);
        text-align: start;
      }
      th {
        background: var(--_surface);
        font-weight: 700;
      }
      [data-align='center'] {
        text-align: center;
      }
      [data-align='left'] {
        text-align: left;
      }
      [data-align='right'] {
        text-align: right;
      }
    `,
  ];

  /** The subheading (plain text); none when empty. */
  @property() heading?: string | null;

  /**
   * The level of the subheading, 1–6 (default 3: below an article title at level 2). The body's
   * own headings sit below it (its top one a level down, the rest keeping their distance), or at
   * this level when there is no subheading.
   */
  @property({ type: Number }) level = 3;

  /** How the body is written: `markdown` (default), `text` (blank lines separate paragraphs) or `html`. */
  @property() format: SectionFormat = 'markdown';

  /** The body; without it, the element's own text content is the body. */
  @property() body?: string | null;

  /** The section as data (property only); when set, it wins over `heading`, `body` and `format`. */
  @property({ attribute: false }) section?: SectionData;

  /** The address relative links and images in a markdown body resolve against (property only; default: the page's). */
  @property({ attribute: false }) baseUrl?: string;

  /** The language (default: the nearest ancestor's, else Arabic). */
  @property({ reflect: true }) override lang!: string;

  /** The direction (default: the surrounding direction, else from the language). */
  @property({ reflect: true }) override dir!: string;

  #observer?: MutationObserver;
  /** Set while a render waits for the markdown chunk. */
  #waitingForMarkdown?: Promise<unknown>;
  /** Set while a render waits for the HTML sanitizer chunk. */
  #waitingForHtml?: Promise<unknown>;

  override connectedCallback(): void {
    super.connectedCallback();
    // A CMS (or a script) may write or edit the text content after the upgrade.
    this.#observer = new MutationObserver(() => {
      if (this.section === undefined && (this.body === undefined || this.body === null)) this.requestUpdate();
    });
    this.#observer.observe(this, { childList: true, subtree: true, characterData: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const { format, body } = this.#content();
    if (format === 'markdown' && body.trim() && markdownModule === undefined) {
      this.#waitingForMarkdown = loadMarkdown().then(() => {
        this.#waitingForMarkdown = undefined;
        this.requestUpdate();
      });
    }
    if (format === 'html' && body.trim() && htmlModule === undefined) {
      this.#waitingForHtml = loadHtml().then(() => {
        this.#waitingForHtml = undefined;
        this.requestUpdate();
      });
    }
  }

  /** Resolves once the section shows its final body (markdown included). */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    while (this.#waitingForMarkdown || this.#waitingForHtml) {
      await (this.#waitingForMarkdown ?? this.#waitingForHtml);
      result = await super.getUpdateComplete();
    }
    return result;
  }

  protected override render(): TemplateResult {
    const { heading, body, format } = this.#content();
    const level = clampLevel(this.level, 3);
    // The body's own headings sit below the subheading, or where it would be without one.
    const above = heading ? level : level - 1;
    const lang = resolveLang(this);
    return html`<section class="base" part="section" lang=${lang} dir=${this.#direction(lang) ?? nothing}>
      ${heading ? headingTemplate(level, heading, 'heading') : nothing}
      ${body.trim() ? html`<div class="body" part="body">${this.#renderBody(body, format, above)}</div>` : nothing}
    </section>`;
  }

  /** `level`: the level of the heading the body's own headings sit below (0 for none). */
  #renderBody(body: string, format: SectionFormat, level: number): TemplateResult {
    switch (format) {
      case 'text':
        return paragraphsTemplate(textParagraphs(body));
      case 'html':
        // Sanitized nodes once the sanitizer chunk is here; until then (or if it cannot
        // load) the body's text only, never markup.
        return htmlModule ? htmlModule.renderHtml(body, { baseUrl: this.baseUrl, level }) : htmlPreview(body);
      default:
        return markdownModule
          ? markdownModule.renderMarkdown(body, { level, baseUrl: this.baseUrl })
          : paragraphsTemplate(markdownPreview(body));
    }
  }

  /** The heading, body and format in effect: the `section` property, else attributes and text content. */
  #content(): { heading?: string; body: string; format: SectionFormat } {
    const section = this.section;
    if (section) {
      return {
        heading: section.heading,
        body: typeof section.body === 'string' ? section.body : '',
        format: normalizeFormat(section.format),
      };
    }
    const format = normalizeFormat(this.format);
    let body = this.body;
    if (body === undefined || body === null) {
      body = format === 'html' ? this.innerHTML : dedent(this.textContent ?? '');
    }
    return { heading: this.heading ?? undefined, body, format };
  }

  /**
   * The direction to set on the wrapper: the own `dir`, else the own language's;
   * undefined to inherit from an ancestor that sets `dir`; else the language's.
   */
  #direction(lang: string): 'rtl' | 'ltr' | undefined {
    const own = this.getAttribute('dir');
    if (own === 'rtl' || own === 'ltr') return own;
    if (this.hasAttribute('lang')) return directionOf(lang);
    let node: Element | null = this.parentElement ?? ((this.getRootNode() as ShadowRoot).host || null);
    while (node) {
      if (node.hasAttribute('dir')) return undefined;
      if (node.hasAttribute('lang')) break;
      node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
    }
    return directionOf(lang);
  }
}

/** The text of an HTML body as paragraphs; nothing when even the inert parse is refused (strict pages without the `akhbar` policy). */
function htmlPreview(body: string): TemplateResult {
  try {
    return paragraphsTemplate(htmlToTextParagraphs(body));
  } catch {
    return paragraphsTemplate([]);
  }
}

function normalizeFormat(format: unknown): SectionFormat {
  return FORMATS.includes(format as SectionFormat) ? (format as SectionFormat) : 'markdown';
}

declare global {
  interface HTMLElementTagNameMap {
    'article-section': ArticleSectionElement;
  }
}
