import { css, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { ArticleSectionElement } from './article-section.js';
import { readArticle } from './data/read-article.js';
import type { ArticleData, ImageData, Person } from './data/types.js';
import { safeUrl } from './data/url.js';
import { formatDate, formatMinutes, machineDate, numberingSystemOf, type UiStrings } from './locale.js';
import { NewsDataElement, baseStyles } from './news-data-element.js';
import { relativeTime } from './relative-time.js';
import { clampLevel, headingTemplate, htmlToTextParagraphs, linkRel } from './render/text.js';

/** Words per minute for the reading-time estimate. */
const WORDS_PER_MINUTE = 200;

/**
 * One news article from a document: the own format, a page document (its
 * `article` part), a feed (its first item, or the one named by `item`), a
 * WordPress post or schema.org JSON-LD.
 *
 * @summary A right-to-left news article: kicker, title, time, byline, lead, image, sections and tags.
 *
 * @fires news-load - The article has rendered; `detail.data` is the normalized article.
 * @fires news-error - The article could not be loaded or understood; `detail.message` says why.
 *
 * @slot - Fallback content (for instance the article as HTML): shown while loading and on
 *   error, hidden (not removed) once the data shows. A `<script type="application/json">`
 *   child is read as the data.
 *
 * @csspart base - The wrapper carrying the resolved `lang` and `dir`.
 * @csspart message - The loading, empty or error message.
 * @csspart article - The `<article>`.
 * @csspart kicker - The category line above the title.
 * @csspart title - The title, a real `<h1>`…`<h6>` at `heading-level`.
 * @csspart meta - The line with the byline, source, time and reading time.
 * @csspart byline - The author.
 * @csspart source - The source.
 * @csspart time - The published time (a `<time>`).
 * @csspart updated - The updated time (a `<time>`).
 * @csspart reading-time - The estimated reading time.
 * @csspart lead - The standfirst paragraph.
 * @csspart figure - The image's `<figure>`.
 * @csspart image - The `<img>`.
 * @csspart caption - The `<figcaption>`.
 * @csspart credit - The image credit inside the caption.
 * @csspart body - The sections' container.
 * @csspart section - Each section (exported from `<article-section>`).
 * @csspart section-heading - Each section's subheading.
 * @csspart section-body - Each section's body.
 * @csspart tags - The list of tags.
 * @csspart tag - One tag.
 *
 * @cssprop --news-article-measure - Maximum line length (default `70ch`).
 * @cssprop --news-article-title-size - Font size of the title (default `clamp(1.6em, 1.2em + 2vw, 2.3em)`).
 * @cssprop --news-article-title-color - Colour of the title (default: the text colour).
 * @cssprop --news-article-kicker-color - Colour of the kicker (default: the accent colour).
 * @cssprop --news-article-lead-size - Font size of the lead (default `1.15em`).
 * @cssprop --news-article-line-height - Line height of the body text (default `1.8`).
 * @cssprop --news-article-image-ratio - Aspect ratio reserved for an image without width and height (default `16 / 9`).
 * @cssprop --news-article-radius - Corner radius of the image and tags (default `0.375em`).
 * @cssprop --news-article-tag-background - Background of a tag (default: the surface colour).
 */
export class NewsArticleElement extends NewsDataElement<ArticleData> {
  static override styles = [
    baseStyles,
    css`
      :host {
        line-height: var(--news-article-line-height, 1.8);
        overflow-wrap: break-word;
      }
      .article {
        max-inline-size: var(--news-article-measure, 70ch);
      }
      .kicker {
        margin-block: 0 0.4em;
        color: var(--news-article-kicker-color, var(--_accent));
        font-size: 0.95em;
        font-weight: 700;
        line-height: 1.4;
      }
      .title {
        margin-block: 0 0.5em;
        color: var(--news-article-title-color, var(--_text));
        font-size: var(--news-article-title-size, clamp(1.6em, 1.2em + 2vw, 2.3em));
        font-weight: 700;
        line-height: 1.45;
        text-wrap: balance;
      }
      .meta {
        /* Clips the separator of whichever item starts a line; sideways only, so marks
           above and below Arabic letters are never cut. */
        overflow-x: clip;
        overflow-y: visible;
        margin-block: 0 1.25em;
        padding-block-end: 0.9em;
        border-block-end: 1px solid var(--_border);
        color: var(--_muted);
        font-size: 0.9em;
        line-height: 1.7;
      }
      .meta-items {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        margin-inline-start: calc(-0.75em - 1px);
      }
      .meta-items > * {
        padding-inline: 0.75em;
        border-inline-start: 1px solid var(--_border);
      }
      .byline {
        color: var(--_text);
        font-weight: 700;
      }
      .meta a {
        color: inherit;
        text-decoration: none;
      }
      .meta a:hover {
        text-decoration: underline;
        text-underline-offset: 0.25em;
      }
      a:focus-visible {
        outline: 2px solid var(--_accent);
        outline-offset: 2px;
        border-radius: 2px;
      }
      .lead {
        margin-block: 0 1.25em;
        font-size: var(--news-article-lead-size, 1.15em);
        font-weight: 700;
        line-height: 1.75;
      }
      .figure {
        margin-block: 0 1.5em;
        margin-inline: 0;
      }
      .figure img {
        display: block;
        inline-size: 100%;
        block-size: auto;
        border-radius: var(--news-article-radius, 0.375em);
        background: var(--_surface);
      }
      .figure img:not([width][height]) {
        aspect-ratio: var(--news-article-image-ratio, 16 / 9);
        object-fit: cover;
      }
      .figure figcaption {
        margin-block-start: 0.5em;
        color: var(--_muted);
        font-size: 0.85em;
        line-height: 1.6;
      }
      .caption + .credit {
        margin-inline-start: 0.5em;
        padding-inline-start: 0.5em;
        border-inline-start: 1px solid var(--_border);
      }
      .body {
        font-size: 1.05em;
      }
      /* Read by <article-section>'s ordered lists: the same digits as the dates. */
      .body[data-numerals='arab'] {
        --_ol-style: arabic-indic;
      }
      .body[data-numerals='arabext'] {
        --_ol-style: persian;
      }
      .body[data-numerals='deva'] {
        --_ol-style: devanagari;
      }
      .body[data-numerals='beng'] {
        --_ol-style: bengali;
      }
      .body[data-numerals='thai'] {
        --_ol-style: thai;
      }
      .tags {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
        margin-block: 1.75em 0;
        margin-inline: 0;
        padding: 0;
        list-style: none;
      }
      .tag {
        padding-block: 0.2em;
        padding-inline: 0.85em;
        border: 1px solid var(--_border);
        border-radius: 999px;
        background: var(--news-article-tag-background, var(--_surface));
        color: var(--_text);
        font-size: 0.85em;
        line-height: 1.6;
      }
    `,
  ];

  /** For a feed: the id or url of the item to show (default: the first). */
  @property() item?: string | null;

  /** The level of the title, 1–6 (default 2); sections sit one level below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** The address each article was read from, for relative links in its sections. */
  #bases = new WeakMap<ArticleData, string>();

  /** Waits for the sections too, so `news-load` listeners see the whole article. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    const sections = this.renderRoot.querySelectorAll<ArticleSectionElement>('article-section');
    // An undefined <article-section> (scoped registries) has no updateComplete: nothing to wait for.
    await Promise.all([...sections].map((section) => section.updateComplete));
    return result;
  }

  protected override read(document: unknown, baseUrl?: string): ArticleData | Promise<ArticleData> {
    const remember = (article: ArticleData) => {
      if (baseUrl) this.#bases.set(article, baseUrl);
      return article;
    };
    const article = readArticle(document, { item: this.item ?? undefined, baseUrl });
    return article instanceof Promise ? article.then(remember) : remember(article);
  }

  protected override isEmpty(article: ArticleData): boolean {
    return (
      !text(article.title) &&
      !text(article.lead) &&
      !article.image &&
      !(article.sections ?? []).some((section) => text(section.body) || text(section.heading))
    );
  }

  protected override renderData(article: ArticleData, strings: UiStrings): TemplateResult {
    const level = clampLevel(this.headingLevel, 2);
    const title = text(article.title);
    const kicker = text(article.kicker);
    const lead = text(article.lead);
    return html`<article class="article" part="article" aria-labelledby=${title ? 'title' : nothing}>
      ${kicker ? html`<p class="kicker" part="kicker">${kicker}</p>` : nothing}
      ${title ? headingTemplate(level, title, 'title', 'title') : nothing}
      ${this.#renderMeta(article, strings)} ${lead ? html`<p class="lead" part="lead">${lead}</p>` : nothing}
      ${this.#renderImage(article.image)} ${this.#renderSections(article, Math.min(6, level + 1))}
      ${this.#renderTags(article.tags, strings)}
    </article>`;
  }

  #renderSections(article: ArticleData, level: number): TemplateResult | typeof nothing {
    const sections = (article.sections ?? []).filter(
      (section) => text(section.body) || text(section.heading),
    );
    if (!sections.length) return nothing;
    const baseUrl = this.#bases.get(article);
    // Ordered lists in the sections count with the same digits as the dates (see the styles).
    const numerals = numberingSystemOf(this.resolvedLang, this.formatOptions);
    return html`<div class="body" part="body" data-numerals=${numerals}>
      ${sections.map(
        (section) =>
          html`<article-section
            .section=${section}
            .baseUrl=${baseUrl}
            level=${level}
            exportparts="section, heading: section-heading, body: section-body"
          ></article-section>`,
      )}
    </div>`;
  }

  #renderTags(list: string[] | undefined, strings: UiStrings): TemplateResult | typeof nothing {
    const tags = (list ?? []).map(text).filter((tag): tag is string => tag !== undefined);
    if (!tags.length) return nothing;
    return html`<ul class="tags" part="tags" aria-label=${strings.tags}>
      ${tags.map((tag) => html`<li class="tag" part="tag"><bdi>${tag}</bdi></li>`)}
    </ul>`;
  }

  #renderMeta(article: ArticleData, strings: UiStrings): TemplateResult | typeof nothing {
    const lang = this.resolvedLang;
    const published = this.#renderTime(article.published, 'time', 'published');
    const updatedInstant = machineDate(article.updated);
    const updated =
      updatedInstant && updatedInstant !== machineDate(article.published)
        ? this.#renderTime(article.updated, 'updated', 'updated')
        : nothing;
    const author = article.author && text(article.author.name);
    const source = article.source && text(article.source.name);
    const minutes = readingMinutes(article);
    const items = [
      author
        ? html`<span class="byline" part="byline"
            >${strings.by} <bdi>${this.#renderPerson(article.author!)}</bdi></span
          >`
        : nothing,
      source
        ? html`<span class="source" part="source"
            >${strings.source} <bdi>${this.#renderPerson(article.source!)}</bdi></span
          >`
        : nothing,
      published,
      updated === nothing ? nothing : html`<span class="updated-line">${strings.updated} ${updated}</span>`,
      minutes
        ? html`<span class="reading-time" part="reading-time"
            >${strings.readingTime(formatMinutes(minutes, lang, this.formatOptions))}</span
          >`
        : nothing,
    ].filter((item) => item !== nothing);
    return items.length
      ? html`<div class="meta" part="meta"><div class="meta-items">${items}</div></div>`
      : nothing;
  }

  /**
   * A `<time>` with the exact instant in `datetime`, isolated (`dir="auto"`: the date's
   * own direction, whatever surrounds it). With `relative`, a recent time reads «قبل 5
   * دقائق» and keeps itself current; the absolute time is then its `title`.
   */
  #renderTime(iso: string | undefined, part: string, className: string): TemplateResult | typeof nothing {
    const instant = machineDate(iso);
    const lang = this.resolvedLang;
    const shown = formatDate(iso, lang, this.formatOptions);
    if (!instant || !shown) return nothing;
    const threshold = this.relativeThreshold;
    if (threshold === undefined) {
      return html`<time class=${className} part=${part} datetime=${instant} dir="auto">${shown}</time>`;
    }
    return html`<time class=${className} part=${part} datetime=${instant} dir="auto" title=${shown}
      >${relativeTime(Date.parse(instant), { lang, format: this.formatOptions, threshold, absolute: shown })}</time
    >`;
  }

  #renderPerson(person: Person): TemplateResult | string {
    const name = text(person.name) ?? '';
    const href = person.url ? safeUrl(person.url) : undefined;
    return href ? html`<a href=${href} rel=${linkRel(href) ?? nothing}>${name}</a>` : name;
  }

  #renderImage(image: ImageData | undefined): TemplateResult | typeof nothing {
    const src = image && typeof image.src === 'string' ? safeUrl(image.src) : undefined;
    if (!image || !src || src.startsWith('mailto:')) return nothing;
    const caption = text(image.caption);
    const credit = text(image.credit);
    // Both dimensions reserve the space; without them the CSS reserves an aspect ratio.
    const width = dimension(image.width);
    const height = dimension(image.height);
    const sized = width !== undefined && height !== undefined;
    return html`<figure class="figure" part="figure">
      <img
        part="image"
        src=${src}
        alt=${text(image.alt) ?? ''}
        width=${sized ? width : nothing}
        height=${sized ? height : nothing}
        loading="lazy"
        decoding="async"
        referrerpolicy="no-referrer"
      />
      ${
        caption || credit
          ? html`<figcaption part="caption">
              ${caption ? html`<span class="caption">${caption}</span>` : nothing}
              ${credit ? html`<span class="credit" part="credit"><bdi>${credit}</bdi></span>` : nothing}
            </figcaption>`
          : nothing
      }
    </figure>`;
  }
}

/** A non-empty trimmed string, or undefined for anything else. */
function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed || undefined;
}

/** A usable image dimension in CSS pixels, or undefined. */
function dimension(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.round(value) : undefined;
}

/** Estimated minutes to read the lead and the sections (at least 1), or 0 for no text. */
function readingMinutes(article: ArticleData): number {
  let words = countWords(article.lead);
  for (const section of article.sections ?? []) {
    words += countWords(section.heading);
    words +=
      section.format === 'html'
        ? countWords(
            htmlToTextParagraphs(section.body ?? '')
              .flat()
              .join(' '),
          )
        : countWords(section.body);
  }
  return words ? Math.max(1, Math.round(words / WORDS_PER_MINUTE)) : 0;
}

function countWords(value: unknown): number {
  if (typeof value !== 'string') return 0;
  return value.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

declare global {
  interface HTMLElementTagNameMap {
    'news-article': NewsArticleElement;
  }
}
