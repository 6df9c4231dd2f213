import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { readTicker } from './data/read.js';
import type { TickerData, TickerItem } from './data/types.js';
import {
  formatDate,
  formatNumber,
  machineDate,
  provideRelativeTime,
  relativeTimeDirective,
  type FormatOptions,
  type UiStrings,
} from './locale.js';
import { NewsDataElement, baseStyles } from './news-data-element.js';
import { linkRel } from './render/text.js';

/** Set while the relative-time module loads (see `#relativeTime`). */
let loadingRelativeTime: Promise<void> | undefined;

/** Pixels per second when `speed` is unset or not a positive number. */
const DEFAULT_SPEED = 60;
const MAX_SPEED = 5000;
/** How often a change waiting for its part of the strip to scroll off screen is retried (ms). */
const RETRY_MS = 200;
/** How long an announcement stays in the live region before it is cleared (ms). */
const ANNOUNCEMENT_MS = 10000;
/**
 * An item this close to the viewport counts as visible: a few pixels, plus how far the strip
 * moves in this many seconds (a frame or two, which an engine may draw apart from its clock).
 */
const EDGE_SLACK_PX = 4;
const EDGE_SLACK_S = 0.05;

/** Where a headline is in its life on the strip. */
type Phase =
  /** On the strip and in the list. */
  | 'shown'
  /** New: in the list (screen readers, keyboard) but zero-width on the strip until its spot is off screen. */
  | 'entering'
  /** Gone from the data but still on screen: it scrolls out, then leaves (hidden from the accessibility tree). */
  | 'leaving';

interface Entry {
  key: string;
  item: TickerItem;
  phase: Phase;
}

/** Where each headline sits in one copy of the loop, in pixels from the copy's inline start. */
interface Geometry {
  /** One copy's inline size: the loop's period (never less than the viewport). */
  period: number;
  /** The viewport's inline size. */
  view: number;
  /** Per key: start, size on the strip, and natural size (what an entering item will take). */
  slots: Map<string, { start: number; size: number; natural: number }>;
  /** Keys in strip order. */
  order: string[];
}

/**
 * A breaking-news bar: a label («عاجل») and the headlines moving in a seamless
 * loop, each a link when it has a url. Reads the own format (`{label, items}` or a
 * bare array of items), a page document (its `ticker` part) or any feed.
 *
 * Motion: a Web Animations API transform on one element, at `speed` pixels per
 * second whatever the length; nothing runs per frame. In right-to-left text the
 * headlines enter from the left and move right; in left-to-right, the reverse.
 *
 * Pausing (WCAG 2.2.2): the pause/play button toggles `paused` (the reader's or
 * the author's choice, reflected). Hovering the headlines, or keyboard focus on
 * one of them, holds the strip without touching `paused`; a focused headline is
 * brought into view. The controls themselves do not hold the strip, so pressing
 * «play» visibly plays.
 *
 * Reduced motion: under `prefers-reduced-motion: reduce` nothing moves. The bar
 * shows one headline at a time, wrapped onto as many lines as it needs (never
 * clipped), with previous/next buttons and a counter; every headline stays in the
 * list, so screen readers and the Tab key still reach all of them (a focused
 * headline becomes the one shown).
 *
 * Live updates (a new `data` object, a `refresh`): headlines are matched by id,
 * else url, else title. Existing ones keep their DOM nodes and their place; the
 * strip keeps moving from where it is (the headline being read does not move). A
 * new headline joins the list at once (screen readers, keyboard) and appears on
 * the strip as soon as its spot is off screen, typically at the loop's seam; a
 * removed one that is on screen finishes scrolling out first. With `announce`,
 * new headlines are also read out once, politely.
 *
 * @summary A right-to-left breaking-news ticker: a label and a seamless loop of headline links.
 *
 * @fires news-load - The headlines have rendered; `detail.data` is the normalized `TickerData`.
 * @fires news-error - The headlines could not be loaded or understood; `detail.message` says why.
 *
 * @slot - Fallback content (for instance a plain list of headline links): shown while
 *   loading and on error, hidden (not removed) once the data shows. A
 *   `<script type="application/json">` child is read as the data.
 *
 * @csspart base - The wrapper carrying the resolved `lang` and `dir`.
 * @csspart message - The loading, empty or error message.
 * @csspart bar - The whole bar: label, headlines and controls.
 * @csspart label - The label («عاجل»).
 * @csspart track - The moving strip (both copies of the list).
 * @csspart list - The list of headlines (the copy screen readers get; the loop copy is hidden from them).
 * @csspart item - One headline's `<li>`.
 * @csspart separator - The dot before each headline.
 * @csspart time - An item's time (a `<time>`).
 * @csspart link - An item's link.
 * @csspart title - An item's headline text (a `<bdi>`).
 * @csspart controls - The buttons' container.
 * @csspart button - Every button.
 * @csspart pause-button - The pause/play button.
 * @csspart previous-button - The previous-headline button (reduced motion).
 * @csspart next-button - The next-headline button (reduced motion).
 * @csspart counter - The «2/5» position (reduced motion).
 *
 * @cssprop --news-ticker-background - Background of the bar (default: the background colour).
 * @cssprop --news-ticker-color - Colour of the headlines (default: the text colour).
 * @cssprop --news-ticker-border-color - The line under the bar (default: the accent colour).
 * @cssprop --news-ticker-label-background - Background of the label (default: the accent colour, `#c8102e`).
 * @cssprop --news-ticker-label-color - Colour of the label (default `#fff`).
 * @cssprop --news-ticker-separator-color - Colour of the dots between headlines (default: the accent colour).
 * @cssprop --news-ticker-time-color - Colour of the items' times (default: the accent colour).
 * @cssprop --news-ticker-gap - Space between two headlines, the dot in its middle (default `1.75em`).
 * @cssprop --news-ticker-height - Minimum height of the bar (default `2.5em`).
 * @cssprop --news-ticker-line-height - Line height; generous so Arabic marks are never cut (default `1.9`).
 */
export class NewsTickerElement extends NewsDataElement<TickerData> {
  static override styles = [
    baseStyles,
    css`
      :host {
        --_bar-background: var(--news-ticker-background, var(--_background));
        --_bar-color: var(--news-ticker-color, var(--_text));
        --_bar-border: var(--news-ticker-border-color, var(--_accent));
        --_label-background: var(--news-ticker-label-background, var(--news-color-accent, #c8102e));
        --_label-color: var(--news-ticker-label-color, #fff);
        --_separator: var(--news-ticker-separator-color, var(--_accent));
        --_time: var(--news-ticker-time-color, var(--_accent));
        --_gap: var(--news-ticker-gap, 1.75em);
        --_height: var(--news-ticker-height, 2.5em);
        line-height: var(--news-ticker-line-height, 1.9);
      }
      .bar {
        display: flex;
        align-items: stretch;
        min-block-size: var(--_height);
        background: var(--_bar-background);
        color: var(--_bar-color);
        border-block-end: 2px solid var(--_bar-border);
      }
      .label {
        flex: none;
        display: flex;
        align-items: center;
        padding-inline: 0.9em;
        background: var(--_label-background);
        color: var(--_label-color);
        font-weight: 700;
        white-space: nowrap;
      }
      .viewport {
        position: relative;
        flex: 1 1 0;
        min-inline-size: 0;
        display: flex;
        align-items: center;
        /* Clip the strip sideways only: Arabic marks above and below are never cut. */
        overflow-x: clip;
        overflow-y: visible;
        container-type: inline-size;
      }
      /* Headlines fade in and out at both ends (symmetric, so right for either direction). */
      .moving .viewport::after {
        content: '';
        position: absolute;
        inset: 0;
        background: linear-gradient(
          to right,
          var(--_bar-background),
          transparent 1.25em,
          transparent calc(100% - 1.25em),
          var(--_bar-background)
        );
        pointer-events: none;
      }
      .track {
        display: flex;
        flex: none;
      }
      .list {
        display: flex;
        flex: none;
        /* A short list still fills the bar, so one copy follows the other seamlessly. */
        min-inline-size: 100cqi;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .item {
        flex: none;
        display: block;
      }
      .item.entering {
        inline-size: 0;
        overflow: clip;
      }
      .entry {
        display: inline-flex;
        align-items: baseline;
        inline-size: max-content;
        white-space: nowrap;
      }
      .separator {
        flex: none;
        align-self: center;
        inline-size: 0.375em;
        block-size: 0.375em;
        margin-inline: calc(var(--_gap) / 2);
        border-radius: 50%;
        background: var(--_separator);
      }
      .time {
        flex: none;
        margin-inline-end: 0.5em;
        color: var(--_time);
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      .link {
        color: inherit;
        text-decoration: none;
        border-radius: 0.125em;
      }
      .link:hover {
        text-decoration: underline;
        text-decoration-thickness: 1px;
        text-underline-offset: 0.35em;
      }
      .link:focus-visible,
      .button:focus-visible {
        outline: 2px solid var(--_accent);
        outline-offset: 2px;
      }
      .controls[hidden] {
        display: none;
      }
      .controls {
        flex: none;
        display: flex;
        align-items: center;
        gap: 0.125em;
        padding-inline: 0.375em;
        border-inline-start: 1px solid var(--_border);
      }
      .button {
        display: inline-grid;
        place-items: center;
        inline-size: 2em;
        block-size: 2em;
        padding: 0;
        border: 0;
        border-radius: 50%;
        background: transparent;
        color: inherit;
        font: inherit;
        line-height: 1;
        cursor: pointer;
      }
      .button:hover {
        background: var(--_surface);
      }
      .button svg {
        inline-size: 0.875em;
        block-size: 0.875em;
        fill: currentColor;
      }
      .counter {
        min-inline-size: 2.5em;
        color: var(--_muted);
        font-size: 0.875em;
        font-variant-numeric: tabular-nums;
        text-align: center !important;
      }
      /* Reduced motion: one headline at a time, wrapped, nothing clipped. */
      .reduced {
        flex-wrap: wrap;
      }
      .reduced .label {
        align-self: flex-start;
        min-block-size: var(--_height);
      }
      .reduced .viewport {
        flex: 1 1 14em;
        overflow: visible;
        padding-block: 0.25em;
      }
      .reduced .controls {
        margin-inline-start: auto;
      }
      .reduced .separator {
        display: none;
      }
      .reduced .track {
        flex: 1 1 auto;
        min-inline-size: 0;
      }
      .reduced .list {
        display: block;
        flex: 1 1 auto;
        min-inline-size: 0;
      }
      .reduced .entry {
        display: flex;
        padding-inline-start: 0.75em;
        inline-size: auto;
        white-space: normal;
      }
      .reduced .item:not(.current) {
        position: absolute;
        inline-size: 1px;
        block-size: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
      /* Loading: one quiet line the height of the bar. */
      .skeleton-group .skeleton {
        block-size: var(--_height);
        margin-block: 0;
        border-radius: 0;
      }
      .skeleton-group .skeleton.short {
        display: none;
      }
    `,
  ];

  /**
   * The media query for reduced motion. A seam for tests, and a way for a page to force
   * the still, one-at-a-time mode (`'all'`) or never use it (`'not all'`); read on connect.
   */
  static reducedMotionQuery = '(prefers-reduced-motion: reduce)';

  /** The label; default: the data's `label`, else «عاجل» (the language's word for breaking news). Empty: no label. */
  @property() label?: string | null;

  /** Pixels per second (default 60), whatever the number of headlines. */
  @property({ type: Number }) speed = DEFAULT_SPEED;

  /** Whether the strip is paused: set by the pause/play button or by the page (reflected). */
  @property({ type: Boolean, reflect: true }) paused = false;

  /** Show at most this many headlines, the first ones (default: all). */
  @property({ type: Number, attribute: 'max-items' }) maxItems?: number | null;

  /** Read new headlines out to screen readers (politely, once each) as they arrive. */
  @property({ type: Boolean }) announce = false;

  /** Whether the still, one-headline-at-a-time mode is on. */
  @state() private reduced = false;

  /** The headline shown in the still mode (its key). */
  @state() private currentKey?: string;

  /** What is on the strip and in the list, in order (headlines plus those finishing their way out). */
  #entries: Entry[] = [];
  /** The data and limit #entries were made from. */
  #syncedData?: TickerData;
  #syncedLimit?: number;
  /** Keys seen so far (announced at most once each); unset until the first data arrives. */
  #seen?: Set<string>;
  #announcement = '';
  #announcementTimer?: ReturnType<typeof setTimeout>;

  #hovered = false;
  #focused = false;
  /** A finger (or pen) is down on the strip: touch screens have no hover, so holding reads. */
  #touched = false;

  #track?: HTMLElement;
  #animation?: Animation;
  /** The distance of one loop (px) the animation runs with, and its direction (+1: rightwards). */
  #distance = 0;
  #sign = 0;
  #geometry?: Geometry;
  #retryTimer?: ReturnType<typeof setTimeout>;
  #resizeObserver?: ResizeObserver;
  #motionQuery?: MediaQueryList;

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in a document: render again, which sets the motion up again.
    if (this.hasUpdated) this.requestUpdate();
    try {
      this.#motionQuery = matchMedia((this.constructor as typeof NewsTickerElement).reducedMotionQuery);
      this.reduced = this.#motionQuery.matches;
      this.#motionQuery.addEventListener('change', this.#onMotionChange);
    } catch {
      this.reduced = false;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#motionQuery?.removeEventListener('change', this.#onMotionChange);
    this.#motionQuery = undefined;
    this.#stopMotion();
    clearTimeout(this.#announcementTimer);
    this.#hovered = false;
    this.#focused = false;
    this.#touched = false;
  }

  protected override read(document: unknown, baseUrl?: string): TickerData | Promise<TickerData> {
    return readTicker(document, baseUrl);
  }

  protected override isEmpty(value: TickerData): boolean {
    return value.items.length === 0;
  }

  protected override update(changed: PropertyValues): void {
    this.#syncEntries();
    super.update(changed);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    try {
      this.#afterRender();
    } catch (error) {
      // Motion is an enhancement: a failure here must never reach the page.
      this.#stopMotion();
      console.warn('akhbar: <news-ticker> could not animate', error);
    }
  }

  protected override renderData(data: TickerData, strings: UiStrings): TemplateResult {
    const label = this.#labelText(data, strings);
    const reduced = this.reduced;
    const entries = this.#entries;
    const current = reduced ? this.#currentIndex() : -1;
    const listLabel = label ? nothing : strings.headlines;
    const lang = this.resolvedLang;
    const formatOptions = this.formatOptions;
    const item = (entry: Entry, index: number) =>
      this.#renderItem(entry, index === current, lang, formatOptions);
    return html`
      <div class="bar ${reduced ? 'reduced' : 'moving'}" part="bar">
        ${label ? html`<span class="label" part="label" id="label"><bdi>${label}</bdi></span>` : nothing}
        <div
          class="viewport"
          @pointerenter=${this.#onPointerEnter}
          @pointerleave=${this.#onPointerLeave}
          @pointerdown=${this.#onPointerDown}
          @pointerup=${this.#onPointerUp}
          @pointercancel=${this.#onPointerUp}
          @focusin=${this.#onFocusIn}
          @focusout=${this.#onFocusOut}
        >
          <div class="track" part="track">
            <ul
              class="list"
              part="list"
              role="list"
              aria-labelledby=${label ? 'label' : nothing}
              aria-label=${listLabel}
            >
              ${repeat(entries, (entry) => entry.key, item)}
            </ul>
            ${
              reduced
                ? nothing
                : html`<ul class="list copy" role="list" aria-hidden="true" inert>
                    ${repeat(
                      entries,
                      (entry) => entry.key,
                      (entry) => item(entry, -1),
                    )}
                  </ul>`
            }
          </div>
        </div>
        <div class="controls" part="controls" ?hidden=${reduced && entries.length < 2}>
          ${reduced ? (entries.length > 1 ? this.#renderSteppers(strings, current, entries.length) : nothing) : this.#renderPauseButton(strings)}
        </div>
        ${this.announce ? this.#renderLiveRegion() : nothing}
      </div>
    `;
  }

  #renderLiveRegion(): TemplateResult {
    // role=status implies polite (and atomic); aria-live is spelled out for older screen readers.
    const text = this.#announcement;
    return html`<div class="visually-hidden" role="status" aria-live="polite">${text}</div>`;
  }

  #renderItem(entry: Entry, current: boolean, lang: string, formatOptions: FormatOptions): TemplateResult {
    const { item, phase } = entry;
    const leaving = phase === 'leaving';
    const shown = formatDate(item.time, lang, formatOptions, 'time');
    const datetime = machineDate(item.time);
    // With `relative`, a recent item reads «قبل 5 دقائق» and keeps itself current; the full
    // date is then in the title.
    const threshold = this.relativeThreshold;
    const relativeTime = threshold === undefined ? undefined : this.#relativeTime();
    const time =
      shown && datetime
        ? threshold === undefined || !relativeTime
          ? html`<time class="time" part="time" datetime=${datetime}><bdi>${shown}</bdi></time>`
          : html`<time
              class="time"
              part="time"
              datetime=${datetime}
              title=${formatDate(item.time, lang, formatOptions) ?? shown}
              ><bdi
                >${relativeTime(Date.parse(datetime), { lang, format: formatOptions, threshold, absolute: shown })}</bdi
              ></time
            >`
        : nothing;
    const title = html`<bdi class="title" part="title">${item.title}</bdi>`;
    const rel = item.url ? (linkRel(item.url) ?? nothing) : nothing;
    const headline = item.url
      ? html`<a class="link" part="link" href=${item.url} rel=${rel}>${title}</a>`
      : title;
    return html`<li
      class="item ${phase} ${current ? 'current' : ''}"
      part="item"
      data-key=${entry.key}
      aria-hidden=${leaving ? 'true' : nothing}
      ?inert=${leaving}
    >
      <span class="entry"><span class="separator" part="separator"></span>${time}${headline}</span>
    </li>`;
  }

  /**
   * The relative-time directive; the ticker alone (news-ticker.js) loads it only when
   * `relative` is set, showing clock times until it is here.
   */
  #relativeTime() {
    const directive = relativeTimeDirective();
    if (!directive && !loadingRelativeTime) {
      loadingRelativeTime = import('./relative-time.js').then(
        (module) => provideRelativeTime(module.relativeTime),
        () => {
          loadingRelativeTime = undefined;
        },
      );
    }
    if (!directive) void loadingRelativeTime?.then(() => this.requestUpdate());
    return directive;
  }

  #renderPauseButton(strings: UiStrings): TemplateResult {
    const text = this.paused ? strings.play : strings.pause;
    return html`<button
      type="button"
      class="button pause"
      part="button pause-button"
      title=${text}
      @click=${this.#onPauseClick}
    >
      ${
        this.paused
          ? html`<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <path d="M4 2.5v11l9.5-5.5z" />
            </svg>`
          : html`<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <path d="M3.5 2.5h3v11h-3zM9.5 2.5h3v11h-3z" />
            </svg>`
      }
      <span class="visually-hidden">${text}</span>
    </button>`;
  }

  #renderSteppers(strings: UiStrings, current: number, count: number): TemplateResult {
    // Chevrons point the way reading goes: «next» points left in right-to-left text.
    const rtl = this.resolvedDir === 'rtl';
    const back = 'M10.5 2.5 5 8l5.5 5.5';
    const forward = 'M5.5 2.5 11 8l-5.5 5.5';
    const lang = this.resolvedLang;
    const position = `${formatNumber(current + 1, lang, this.formatOptions)}/${formatNumber(count, lang, this.formatOptions)}`;
    const chevron = (d: string) =>
      html`<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path
          d=${d}
          fill="none"
          stroke="currentColor"
          stroke-width="2"
          stroke-linecap="round"
          stroke-linejoin="round"
        />
      </svg>`;
    return html`
      <button
        type="button"
        class="button previous"
        part="button previous-button"
        title=${strings.previous}
        @click=${this.#onPrevious}
      >
        ${chevron(rtl ? forward : back)}<span class="visually-hidden">${strings.previous}</span>
      </button>
      <span class="counter" part="counter" aria-hidden="true" dir="ltr">${position}</span>
      <button
        type="button"
        class="button next"
        part="button next-button"
        title=${strings.next}
        @click=${this.#onNext}
      >
        ${chevron(rtl ? back : forward)}<span class="visually-hidden">${strings.next}</span>
      </button>
    `;
  }

  // ---- State derived from the data ------------------------------------------------------------

  #labelText(data: TickerData, strings: UiStrings): string {
    if (this.label !== undefined && this.label !== null) return this.label.trim();
    return data.label?.trim() || strings.breaking;
  }

  #limit(): number | undefined {
    const limit = Math.floor(Number(this.maxItems));
    return this.maxItems !== null && this.maxItems !== undefined && limit >= 1 ? limit : undefined;
  }

  #speed(): number {
    const speed = Number(this.speed);
    return Number.isFinite(speed) && speed > 0 ? Math.min(speed, MAX_SPEED) : DEFAULT_SPEED;
  }

  /** Turns the data into #entries, keeping what is on screen in place (see the class comment). */
  #syncEntries(): void {
    const data = this.source.value;
    const limit = this.#limit();
    if (data === this.#syncedData && limit === this.#syncedLimit) return;
    this.#syncedData = data;
    this.#syncedLimit = limit;

    const items = data ? (limit ? data.items.slice(0, limit) : data.items) : [];
    const next = keyed(items);
    const previous = this.#entries;
    this.#noteNewHeadlines(next, data);

    if (previous.length === 0 || this.#changesAtOnce()) {
      this.#entries = next.map(({ key, item }) => ({ key, item, phase: 'shown' }));
      return;
    }
    const before = new Map(previous.map((entry) => [entry.key, entry]));
    const wanted = new Set(next.map(({ key }) => key));
    // Headlines on the strip that left the data stay after their old neighbour until they are off screen.
    const followers = new Map<string | null, Entry[]>();
    let neighbour: string | null = null;
    for (const entry of previous) {
      if (wanted.has(entry.key)) {
        neighbour = entry.key;
      } else if (entry.phase !== 'entering') {
        const list = followers.get(neighbour) ?? [];
        list.push({ ...entry, phase: 'leaving' });
        followers.set(neighbour, list);
        neighbour = entry.key;
      }
    }
    const entries: Entry[] = [];
    const place = (key: string | null) => {
      for (const follower of followers.get(key) ?? []) {
        entries.push(follower);
        place(follower.key);
      }
    };
    place(null);
    for (const { key, item } of next) {
      const old = before.get(key);
      entries.push({ key, item, phase: old && old.phase !== 'entering' ? 'shown' : 'entering' });
      place(key);
    }
    this.#entries = entries;
  }

  /** Remembers the keys, and with `announce` puts the new headlines in the live region. */
  #noteNewHeadlines(next: { key: string; item: TickerItem }[], data?: TickerData): void {
    if (!data) return;
    const seen = this.#seen;
    if (!seen) {
      this.#seen = new Set(next.map(({ key }) => key));
      return;
    }
    const fresh = next.filter(({ key }) => !seen.has(key));
    for (const { key } of fresh) seen.add(key);
    if (!this.announce || fresh.length === 0) return;
    const label = this.#labelText(data, this.resolvedStrings);
    const titles = fresh.map(({ item }) => item.title).join(' • ');
    this.#announcement = label ? `${label}: ${titles}` : titles;
    clearTimeout(this.#announcementTimer);
    this.#announcementTimer = setTimeout(() => {
      this.#announcement = '';
      this.requestUpdate();
    }, ANNOUNCEMENT_MS);
  }

  /** Whether changes can show at once: nothing is moving, or the reader asked to stop. */
  #changesAtOnce(): boolean {
    return !this.#animation || this.reduced || this.paused || this.#focused;
  }

  #held(): boolean {
    return (
      this.paused || this.#hovered || this.#touched || this.#focused || this.reduced || !this.isConnected
    );
  }

  #currentIndex(): number {
    const index = this.#entries.findIndex((entry) => entry.key === this.currentKey);
    return index >= 0 ? index : 0;
  }

  // ---- Motion ---------------------------------------------------------------------------------

  #afterRender(): void {
    const track = this.reduced ? null : this.renderRoot.querySelector<HTMLElement>('.track');
    // Reconciling may re-render: after this update, still before the next paint.
    queueMicrotask(() => this.#reconcile());
    if (!track) {
      this.#stopMotion();
      return;
    }
    if (track !== this.#track) {
      this.#stopMotion();
      this.#track = track;
      if (typeof ResizeObserver !== 'undefined') {
        this.#resizeObserver = new ResizeObserver(() => this.#relayout());
        const viewport = track.parentElement;
        if (viewport) this.#resizeObserver.observe(viewport);
        if (track.firstElementChild) this.#resizeObserver.observe(track.firstElementChild);
      }
    }
    this.#relayout();
  }

  /**
   * Measures the strip and sets the animation's distance and duration, keeping the
   * headline that was first on screen exactly where it was.
   */
  #relayout(): void {
    try {
      const track = this.#track;
      if (!track || !track.isConnected) return;
      const before = this.#geometry;
      const offset = this.#offset();
      const after = this.#measure();
      this.#geometry = after;
      if (!after || after.period < 1) {
        this.#cancelAnimation();
        return;
      }
      let shift = 0;
      const anchor =
        before && this.#animation
          ? firstVisible(before, offset, 0, (key) => after.slots.has(key))
          : undefined;
      if (before && anchor) {
        // Where it was on screen, and how far it moved along the strip.
        const was = anchor.copy * before.period + before.slots.get(anchor.key)!.start;
        const is = anchor.copy * after.period + after.slots.get(anchor.key)!.start;
        shift = is - was;
      }
      this.#run(after.period, shift);
    } catch (error) {
      this.#stopMotion();
      console.warn('akhbar: <news-ticker> could not animate', error);
    }
  }

  /** One copy's layout, in untransformed pixels from the copy's inline start. */
  #measure(): Geometry | undefined {
    const list = this.#track?.firstElementChild as HTMLElement | null;
    const viewport = this.#track?.parentElement;
    if (!list || !viewport) return undefined;
    const listBox = list.getBoundingClientRect();
    // Boxes are in screen pixels: undo a scale transform around the element (offsetWidth is
    // untransformed but rounded, so only a real difference counts).
    const ratio = list.offsetWidth > 0 ? listBox.width / list.offsetWidth : 1;
    const scale = Math.abs(ratio - 1) > 0.01 ? ratio : 1;
    const rtl = getComputedStyle(list).direction === 'rtl';
    const slots: Geometry['slots'] = new Map();
    const order: string[] = [];
    for (const li of list.children) {
      const key = (li as HTMLElement).dataset.key;
      if (key === undefined) continue;
      const box = li.getBoundingClientRect();
      const start = (rtl ? listBox.right - box.right : box.left - listBox.left) / scale;
      const size = box.width / scale;
      const natural = li.classList.contains('entering')
        ? (li.firstElementChild?.getBoundingClientRect().width ?? 0) / scale
        : size;
      slots.set(key, { start, size, natural });
      order.push(key);
    }
    return {
      period: listBox.width / scale,
      view: viewport.getBoundingClientRect().width / scale,
      slots,
      order,
    };
  }

  /** How far (px) the strip has moved into the current loop. */
  #offset(): number {
    const animation = this.#animation;
    if (!animation || this.#distance <= 0) return 0;
    const duration = Number(animation.effect?.getTiming().duration) || 0;
    const time = Number(animation.currentTime ?? 0) || 0;
    if (duration <= 0) return 0;
    return (modulo(time, duration) / duration) * this.#distance;
  }

  /**
   * Runs (or re-times) the loop: `distance` px per lap at `speed`, moved `shift` px further
   * along than it is now. The position is read at the last moment, so no time is lost.
   */
  #run(distance: number, shift = 0): void {
    const track = this.#track;
    if (!track || typeof track.animate !== 'function') return;
    const sign = getComputedStyle(track).direction === 'rtl' ? 1 : -1;
    const keyframes = [{ transform: 'translateX(0px)' }, { transform: `translateX(${sign * distance}px)` }];
    const duration = (distance / this.#speed()) * 1000;
    let animation = this.#animation;
    if (!animation) {
      animation = track.animate(keyframes, { duration, iterations: Infinity, easing: 'linear' });
      this.#animation = animation;
      animation.currentTime = (modulo(shift, distance) / distance) * duration;
    } else {
      const changed =
        distance !== this.#distance ||
        duration !== animation.effect?.getTiming().duration ||
        sign !== this.#sign;
      if (changed || Math.abs(shift) > 0.01) {
        const offset = this.#offset();
        if (changed) {
          (animation.effect as KeyframeEffect).setKeyframes(keyframes);
          animation.effect?.updateTiming({ duration });
        }
        this.#seek(animation, (modulo(offset + shift, distance) / distance) * duration);
      }
    }
    this.#distance = distance;
    this.#sign = sign;
    this.#syncPlayState();
  }

  /**
   * Sets the animation's time. A running one is moved through its start time, which keeps it
   * running without a pending frame (WebKit would otherwise hold it for one).
   */
  #seek(animation: Animation, time: number): void {
    const now = Number(animation.timeline?.currentTime);
    if (animation.playState === 'running' && !animation.pending && animation.startTime !== null && now >= 0) {
      animation.startTime = now - time;
    } else {
      animation.currentTime = time;
    }
  }

  #syncPlayState(): void {
    const animation = this.#animation;
    if (!animation) return;
    if (this.#held()) {
      if (animation.playState !== 'paused') animation.pause();
    } else if (animation.playState !== 'running') {
      animation.play();
    }
  }

  #cancelAnimation(): void {
    this.#animation?.cancel();
    this.#animation = undefined;
    this.#distance = 0;
  }

  #stopMotion(): void {
    this.#cancelAnimation();
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = undefined;
    this.#track = undefined;
    this.#geometry = undefined;
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
  }

  /**
   * Puts entering headlines on the strip and drops leaving ones, each as soon as that
   * changes nothing on screen (or at once when the strip is still), then re-renders.
   */
  #reconcile(): void {
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    const pending = this.#entries.filter((entry) => entry.phase !== 'shown');
    if (pending.length === 0) return;
    const geometry = this.#geometry;
    let ready: Entry[];
    if (this.#changesAtOnce() || !geometry || geometry.period < 1) {
      ready = pending;
    } else {
      ready = [];
      const offset = this.#offset();
      const slack = EDGE_SLACK_PX + this.#speed() * EDGE_SLACK_S;
      for (const entry of pending) {
        if (invisibleChange(geometry, offset, slack, [...ready, entry])) ready.push(entry);
      }
    }
    if (ready.length > 0) {
      const done = new Set(ready);
      this.#entries = this.#entries.flatMap((entry) =>
        !done.has(entry) ? [entry] : entry.phase === 'leaving' ? [] : [{ ...entry, phase: 'shown' as const }],
      );
      this.requestUpdate();
    }
    if (ready.length < pending.length && !this.#hovered && !this.#touched) {
      this.#retryTimer = setTimeout(() => this.#reconcile(), RETRY_MS);
    }
  }

  /** Moves the strip so that `item` is fully in view (a headline reached with the keyboard). */
  #bringIntoView(item: HTMLElement): void {
    const geometry = this.#geometry;
    const animation = this.#animation;
    const key = item.dataset.key;
    const slot = key === undefined ? undefined : geometry?.slots.get(key);
    if (!geometry || !animation || !slot) return;
    const start = slot.start - this.#offset();
    if (start >= 0 && start + slot.size <= geometry.view) return;
    this.#run(geometry.period, start);
  }

  // ---- Event handlers -------------------------------------------------------------------------

  #onPauseClick = (): void => {
    this.paused = !this.paused;
  };

  #onPrevious = (): void => this.#step(-1);

  #onNext = (): void => this.#step(1);

  #step(by: number): void {
    const count = this.#entries.length;
    if (count === 0) return;
    const index = modulo(this.#currentIndex() + by, count);
    this.currentKey = this.#entries[index].key;
  }

  #onPointerEnter = (event: PointerEvent): void => {
    if (event.pointerType === 'touch') return;
    this.#hovered = true;
    this.#syncPlayState();
  };

  #onPointerLeave = (event: PointerEvent): void => {
    if (event.pointerType === 'touch') return;
    this.#hovered = false;
    this.#syncPlayState();
    this.#reconcile();
  };

  #onPointerDown = (event: PointerEvent): void => {
    if (event.pointerType === 'mouse') return;
    this.#touched = true;
    this.#syncPlayState();
  };

  /** The finger lifted, or the browser took the gesture over (a scroll): the strip goes on. */
  #onPointerUp = (event: PointerEvent): void => {
    if (event.pointerType === 'mouse' || !this.#touched) return;
    this.#touched = false;
    this.#syncPlayState();
    this.#reconcile();
  };

  #onFocusIn = (event: FocusEvent): void => {
    this.#focused = true;
    this.#syncPlayState();
    const item = (event.target as Element | null)?.closest<HTMLElement>('.item');
    if (!item) return;
    if (this.reduced) {
      this.currentKey = item.dataset.key;
    } else if (item.classList.contains('entering')) {
      // Show it now; bring it into view once it is laid out.
      this.#reconcile();
      void this.updateComplete.then(() => {
        const shown = this.renderRoot.querySelector<HTMLElement>(
          `.list:not(.copy) > .item[data-key="${CSS.escape(item.dataset.key ?? '')}"]`,
        );
        if (shown && this.#focused) this.#bringIntoView(shown);
      });
    } else {
      this.#bringIntoView(item);
    }
  };

  #onFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget as Node | null;
    if (next && (event.currentTarget as Element).contains(next)) return;
    this.#focused = false;
    this.#syncPlayState();
    this.#reconcile();
  };

  #onMotionChange = (event: MediaQueryListEvent): void => {
    this.reduced = event.matches;
  };
}

// ---- Helpers (pure) -----------------------------------------------------------------------------

function modulo(value: number, period: number): number {
  return period > 0 ? ((value % period) + period) % period : 0;
}

/** Items with their keys: id, else url, else title (a repeated key gets a counter). */
function keyed(items: TickerItem[]): { key: string; item: TickerItem }[] {
  const counts = new Map<string, number>();
  return items.map((item) => {
    const base = item.id ? `id:${item.id}` : item.url ? `url:${item.url}` : `title:${item.title}`;
    const count = (counts.get(base) ?? 0) + 1;
    counts.set(base, count);
    return { key: count === 1 ? base : `${base}#${count}`, item };
  });
}

/** The copies of the list on the track; the viewport shows [offset, offset + view). */
const COPIES = [0, 1];

function visibleInstances(
  geometry: Geometry,
  offset: number,
  slack: number,
): { key: string; copy: number }[] {
  const visible: { key: string; copy: number }[] = [];
  const from = offset - slack;
  const to = offset + geometry.view + slack;
  for (const copy of COPIES) {
    for (const key of geometry.order) {
      const slot = geometry.slots.get(key)!;
      if (slot.size <= 0) continue;
      const start = copy * geometry.period + slot.start;
      if (start + slot.size > from && start < to) visible.push({ key, copy });
    }
  }
  return visible;
}

/** The first headline on screen (in strip order) that passes `keep`. */
function firstVisible(geometry: Geometry, offset: number, slack: number, keep: (key: string) => boolean) {
  return visibleInstances(geometry, offset, slack).find(({ key }) => keep(key));
}

/**
 * Whether revealing the entering `changes` and dropping the leaving ones would move
 * nothing on screen, once the first headline on screen is kept in place.
 */
function invisibleChange(geometry: Geometry, offset: number, slack: number, changes: Entry[]): boolean {
  const changed = new Map(changes.map((entry) => [entry.key, entry]));
  const visible = visibleInstances(geometry, offset, slack);
  if (visible.some(({ key }) => changed.get(key)?.phase === 'leaving')) return false;
  // Where each headline starts after the change, and the new period.
  const shift = new Map<string, number>();
  let delta = 0;
  let content = 0;
  for (const key of geometry.order) {
    const slot = geometry.slots.get(key)!;
    shift.set(key, delta);
    const change = changed.get(key);
    if (change?.phase === 'entering') delta += slot.natural;
    else if (change?.phase === 'leaving') delta -= slot.size;
    content += slot.size;
  }
  // A copy is never narrower than the viewport: a short list's blank end absorbs new headlines.
  const growth = Math.max(geometry.view, content + delta) - Math.max(geometry.view, content);
  const moves = visible.map(({ key, copy }) => copy * growth + shift.get(key)!);
  return moves.every((move) => Math.abs(move - moves[0]) < 0.5);
}

declare global {
  interface HTMLElementTagNameMap {
    'news-ticker': NewsTickerElement;
  }
}
