import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { DataSource, type Status } from './data/source.js';
import type { NewsLoadEvent } from './events.js';
import {
  RELATIVE_THRESHOLD,
  directionOf,
  resolveLang,
  uiStrings,
  type FormatOptions,
  type UiStrings,
  type UiStringsOverride,
} from './locale.js';

/** Styles every element shares: the theme tokens, a text reset against host pages, states. */
export const baseStyles = css`
  :host {
    --_accent: var(--news-color-accent, #c8102e);
    --_text: var(--news-color-text, #1a1a1a);
    --_muted: var(--news-color-muted, #5f6368);
    --_background: var(--news-color-background, #ffffff);
    --_surface: var(--news-color-surface, #f4f4f2);
    --_border: var(--news-color-border, #e2e2de);
    /*
     * Per character, the first family that has the glyph wins. For Arabic-script languages,
     * Arabic faces without Latin letters come first (Android, ChromeOS and Linux: Noto;
     * Apple: SF Arabic), so digits and punctuation match the Arabic; then sans Latin faces
     * without Arabic (Latin words inside Arabic never take a Naskh face's serif Latin), then
     * faces with both (Windows: Segoe UI; Apple: Geeza Pro), Hebrew, older Windows faces,
     * and Linux without Noto (Liberation Sans keeps Latin off Amiri).
     */
    --_font: var(
      --news-font-family,
      'Noto Naskh Arabic',
      'Noto Sans Arabic',
      'SF Arabic',
      'Helvetica Neue',
      Roboto,
      'Noto Sans',
      'Segoe UI',
      'Geeza Pro',
      'Noto Sans Hebrew',
      'Arial Hebrew',
      'Sakkal Majalla',
      'Traditional Arabic',
      Tahoma,
      'Liberation Sans',
      'Amiri',
      'DejaVu Sans',
      sans-serif
    );
    /* Other languages (Latin, Hebrew…): the sans Latin faces first, then the same faces. */
    --_font-other: var(
      --news-font-family,
      'Helvetica Neue',
      Roboto,
      'Noto Sans',
      'Segoe UI',
      'Noto Sans Hebrew',
      'Arial Hebrew',
      'Noto Naskh Arabic',
      'Noto Sans Arabic',
      'SF Arabic',
      'Geeza Pro',
      Tahoma,
      'Liberation Sans',
      'DejaVu Sans',
      sans-serif
    );
    display: block;
    color: var(--_text);
    font-family: var(--_font);
    /* A host page's text styles must not break Arabic joining or direction. */
    letter-spacing: normal !important;
    word-spacing: normal !important;
    text-transform: none !important;
    text-align: start !important;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_accent: var(--news-color-accent, #ff5a5f);
      --_text: var(--news-color-text, #ecebe8);
      --_muted: var(--news-color-muted, #a7a7a2);
      --_background: var(--news-color-background, #161615);
      --_surface: var(--news-color-surface, #232321);
      --_border: var(--news-color-border, #393936);
    }
  }
  :host([hidden]) {
    display: none;
  }
  .base {
    font-family: var(--_font-other);
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-align: start;
  }
  .base:is(:lang(ar), :lang(fa), :lang(ur), :lang(ps), :lang(ckb), :lang(sd), :lang(ug)) {
    font-family: var(--_font);
  }
  /* Formatted dates never reorder their neighbours, nor get reordered. */
  time {
    unicode-bidi: isolate;
  }
  .fallback[hidden] {
    display: none;
  }
  .message {
    margin: 0;
    padding-block: 0.5em;
    color: var(--_muted);
  }
  .message[data-status='error'] {
    color: var(--_accent);
  }
  .skeleton {
    display: block;
    block-size: 1em;
    margin-block: 0.5em;
    border-radius: 0.25em;
    background: var(--_surface);
  }
  .skeleton.short {
    inline-size: 70%;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

/** The events of an element whose data is `T`: `news-load` hands over the data typed. */
export interface NewsElementEventMap<T> extends HTMLElementEventMap {
  'news-load': NewsLoadEvent<T>;
}

// Typed listeners: `ticker.addEventListener('news-load', (event) => event.detail.data.items)`
// knows the items without a cast (the global map can only say `unknown`).
export interface NewsDataElement<T extends { lang?: string; dir?: 'rtl' | 'ltr' }> {
  addEventListener<K extends keyof NewsElementEventMap<T>>(
    type: K,
    listener: (this: this, event: NewsElementEventMap<T>[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof NewsElementEventMap<T>>(
    type: K,
    listener: (this: this, event: NewsElementEventMap<T>[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions,
  ): void;
}

/**
 * What the ticker and the article share: the data inputs and their precedence,
 * the status (reflected, and as a custom state), language and direction, fallback
 * content and the loading, empty and error states.
 *
 * @cssprop --news-font-family - The font stack (default: Arabic faces of every platform, then sans Latin faces).
 * @cssprop --news-color-accent - The accent: the «عاجل» label, kicker, marks and links (default `#c8102e`, dark `#ff5a5f`).
 * @cssprop --news-color-text - The text colour (default `#1a1a1a`, dark `#ecebe8`).
 * @cssprop --news-color-background - The background (default `#ffffff`, dark `#161615`).
 * @cssprop --news-color-muted - Dates, captions and messages (default `#5f6368`, dark `#a7a7a2`).
 * @cssprop --news-color-surface - Skeletons and tag pills (default `#f4f4f2`, dark `#232321`).
 * @cssprop --news-color-border - Rules and borders (default `#e2e2de`, dark `#393936`).
 */
export abstract class NewsDataElement<T extends { lang?: string; dir?: 'rtl' | 'ltr' }> extends LitElement {
  /** The data as an object (property only); wins over every other input. */
  @property({ attribute: false }) data?: unknown;

  /** The data as a JSON string. */
  @property() json?: string | null;

  /** A URL to fetch the data from: the own format, a page document or a feed. */
  @property() src?: string | null;

  /**
   * Seconds between re-fetches of `src` (minimum 1; unset: fetched once). Re-fetches are
   * conditional, back off after failures (up to 5 minutes) and pause while the tab is
   * hidden or the element is off-screen. Elements sharing a `src` share one schedule:
   * the shortest `refresh` among them wins.
   */
  @property({ type: Number }) refresh?: number | null;

  /** `lazy`: fetch `src` only once the element nears the viewport; `eager` (default): at once. */
  @property() loading: 'eager' | 'lazy' = 'eager';

  /**
   * Whether the request for `src` carries cookies and HTTP authentication, as in `fetch`:
   * `omit` (default), `same-origin` or `include` (the feed's server must then allow
   * credentials for this origin).
   */
  @property() credentials: RequestCredentials = 'omit';

  /** Seconds a request for `src` may take, body included, before it is aborted and reported (default 10). */
  @property({ type: Number }) timeout = 10;

  /** A BCP 47 locale for dates and numbers (formatting only); default: the language. */
  @property() locale?: string | null;

  /** An IANA time zone for displayed times; default: the reader's. */
  @property({ attribute: 'time-zone' }) timeZone?: string | null;

  /**
   * The digits of every number and date the element formats: `latn` (0123), `arab`
   * (٠١٢٣), `arabext` (۰۱۲۳, Persian and Urdu) or any numbering system `Intl` knows.
   * Default: the locale's; Latin for Arabic without a region (`ar`), Arabic-Indic for
   * `ar-EG`, `ar-SA`… Unknown values are ignored (with a console warning).
   */
  @property() numerals?: string | null;

  /**
   * The calendar of displayed dates: `gregory` (default, whatever the locale),
   * `islamic-umalqura` (also `hijri`, `islamic`), `persian`, `hebrew` or any calendar
   * `Intl` knows; two joined by `+` show both: `gregory+islamic-umalqura` gives
   * «الاثنين، 14 أبريل 2025 / 16 شوال 1446 هـ في 18:55». Unknown values: Gregorian.
   */
  @property() calendar?: string | null;

  /**
   * Times younger than this read as relative («قبل 5 دقائق») and keep themselves
   * current; the exact time stays in `datetime` and in the `title`. The attribute
   * alone means 24 hours; a number is a number of hours (`relative="6"`). Unset: absolute times.
   */
  @property({
    converter: { fromAttribute: (value: string | null) => (value === null ? null : value.trim() || true) },
  })
  relative?: boolean | number | string | null;

  /**
   * Overrides for some UI strings (property only), e.g. `{loading: '…', readingTime:
   * '{duration} de lecture'}`; the rest come from the language. See also `registerStrings`.
   */
  @property({ attribute: false }) strings?: UiStringsOverride | null;

  /** The language (default: the document's, else the nearest ancestor's, else Arabic). */
  @property({ reflect: true }) override lang!: string;

  /** The direction (default: from the language). */
  @property({ reflect: true }) override dir!: string;

  /** The state: idle, loading, ready, empty or error (reflected, read-only). */
  @property({ reflect: true }) status: Status = 'idle';

  protected readonly source = new DataSource<T>(this, {
    read: (document, baseUrl) => this.read(document, baseUrl),
    isEmpty: (value) => this.isEmpty(value),
  });

  #internals?: ElementInternals;
  #hasFallback = false;

  constructor() {
    super();
    try {
      this.#internals = this.attachInternals();
    } catch {
      // Older engines: the reflected `status` attribute still tells the state.
    }
  }

  /** Any accepted document -> this element's data (a promise while a feed reader loads); throws DataError. */
  protected abstract read(document: unknown, baseUrl?: string): T | Promise<T>;
  protected abstract isEmpty(value: T): boolean;
  protected abstract renderData(data: T, strings: UiStrings): TemplateResult;

  /** The resolved language, direction and formatting options for this render. */
  protected get resolvedLang(): string {
    return resolveLang(this, this.source.value?.lang);
  }

  protected get resolvedDir(): 'rtl' | 'ltr' {
    const own = this.getAttribute('dir');
    if (own === 'rtl' || own === 'ltr') return own;
    return this.source.value?.dir ?? directionOf(this.resolvedLang);
  }

  protected get formatOptions(): FormatOptions {
    return { locale: this.locale, timeZone: this.timeZone, numerals: this.numerals, calendar: this.calendar };
  }

  /** The UI strings for this render: the language's, with the `strings` overrides. */
  protected get resolvedStrings(): UiStrings {
    return uiStrings(this.resolvedLang, this.strings);
  }

  /** The age (ms) under which times read as relative, or undefined for absolute times. */
  protected get relativeThreshold(): number | undefined {
    const value = this.relative;
    if (value === undefined || value === null || value === false || value === 'false') return undefined;
    if (value === true || value === '') return RELATIVE_THRESHOLD;
    const hours = Number(value);
    return Number.isFinite(hours) && hours > 0 ? hours * 60 * 60 * 1000 : RELATIVE_THRESHOLD;
  }

  /** Also waits for a document being read (a feed, whose reader loads on first need). */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    for (let pending = this.source.pending; pending;) {
      await pending;
      result = await super.getUpdateComplete();
      const next = this.source.pending;
      pending = next === pending ? undefined : next;
    }
    return result;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.status = this.source.status;
    this.#hasFallback = [...this.children].some((child) => !child.matches('script'));
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('status')) {
      if (this.status === 'loading') this.setAttribute('aria-busy', 'true');
      else this.removeAttribute('aria-busy');
      const states = this.#internals?.states;
      if (states) {
        try {
          states.clear();
          states.add(this.status);
        } catch {
          // Engines that only accept dashed state names.
        }
      }
    }
  }

  protected override render(): TemplateResult {
    const lang = this.resolvedLang;
    const strings = uiStrings(lang, this.strings);
    const data = this.source.value;
    const showsData = this.status === 'ready' && data !== undefined;
    const showsFallback = !showsData && this.#hasFallback;
    return html`
      <div class="base" part="base" lang=${lang} dir=${this.resolvedDir}>
        ${showsData ? this.renderData(data, strings) : this.#renderState(strings, showsFallback)}
      </div>
      <slot class="fallback" ?hidden=${!showsFallback}></slot>
    `;
  }

  #renderState(strings: UiStrings, showsFallback: boolean) {
    switch (this.status) {
      case 'loading':
        return showsFallback
          ? nothing
          : html`<div class="skeleton-group" role="status">
              <span class="skeleton"></span><span class="skeleton short"></span>
              <span class="visually-hidden">${strings.loading}</span>
            </div>`;
      case 'error':
        return html`<p class="message" part="message" data-status="error">${strings.error}</p>`;
      case 'empty':
        return showsFallback ? nothing : html`<p class="message" part="message">${strings.empty}</p>`;
      default:
        return nothing;
    }
  }
}
