/**
 * Relative times that keep themselves current («الآن», «قبل 5 دقائق», «قبل ساعتين»).
 *
 * `relativeTime(...)` is a Lit directive for the text inside a `<time>`: it renders
 * the relative text, then one clock shared by the whole page rewrites just that text
 * node (a `characterData` change, nothing else re-renders) when its wording changes.
 * The clock wakes on the minute, only while some relative time is on the page; it
 * sleeps while the tab is hidden and catches up when it shows again. Times off screen
 * are skipped and brought up to date as they scroll into view. Once a time is older
 * than its threshold, its text becomes the absolute time and it leaves the clock.
 *
 * `<news-article>` imports this module; the ticker alone (news-ticker.js) loads it on
 * demand when `relative` is set, and finds the directive through locale.ts.
 */
import type { Part } from 'lit';
import { AsyncDirective, PartType, directive, type ChildPart, type PartInfo } from 'lit/async-directive.js';
import {
  RELATIVE_THRESHOLD,
  formattingLocale,
  provideRelativeTime,
  stripBidiControls,
  toDate,
  type FormatOptions,
  type RelativeTimeOptions,
} from './locale.js';

export type { RelativeTimeOptions } from './locale.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * DAY],
  ['month', 30 * DAY],
  ['week', 7 * DAY],
  ['day', DAY],
  ['hour', HOUR],
  ['minute', MINUTE],
];
/** A time this far in the future still reads «now» (clocks disagree a little). */
const FUTURE_SLACK = MINUTE;

const relativeFormatters = new Map<string, Intl.RelativeTimeFormat>();

/**
 * «قبل 5 دقائق», «قبل ساعتين», «الآن»: how long ago `instant` was at `now`, in whole
 * units counted down (`Intl.RelativeTimeFormat`, `numeric: 'auto'`, so plurals and
 * duals are the language's). Undefined when the instant is not a date, lies more
 * than a minute in the future, or is `threshold` ms old or more: show the absolute
 * time then.
 */
export function formatRelative(
  instant: string | number | Date | undefined,
  now: number,
  lang: string,
  options: FormatOptions = {},
  threshold = RELATIVE_THRESHOLD,
): string | undefined {
  const date = toDate(instant);
  if (!date || !Number.isFinite(now)) return undefined;
  const age = now - date.getTime();
  if (age < -FUTURE_SLACK || age >= threshold) return undefined;
  const locale = formattingLocale(lang, options);
  let formatter = relativeFormatters.get(locale);
  if (!formatter) {
    formatter = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'long' });
    relativeFormatters.set(locale, formatter);
  }
  const elapsed = Math.max(0, age);
  for (const [unit, size] of UNITS) {
    if (elapsed >= size) return phrase(formatter, -Math.floor(elapsed / size), unit);
  }
  return phrase(formatter, 0, 'second');
}

/**
 * The formatted text, without a number the words already say: some locale data add it
 * in parentheses where the word is the number (Hebrew «לפני שעתיים (2)», «לפני דקה (1)»)
 * only because patterns must hold a placeholder. The phrase reads «לפני שעתיים».
 */
function phrase(
  formatter: Intl.RelativeTimeFormat,
  value: number,
  unit: Intl.RelativeTimeFormatUnit,
): string {
  const parts = formatter.formatToParts(value, unit);
  const texts = parts.map((part) => part.value);
  parts.forEach((part, index) => {
    if (part.type === 'literal' || index === 0 || index === parts.length - 1) return;
    if (texts[index - 1].endsWith('(') && texts[index + 1].startsWith(')')) {
      texts[index - 1] = texts[index - 1].slice(0, -1).trimEnd();
      texts[index] = '';
      texts[index + 1] = texts[index + 1].slice(1);
    }
  });
  return stripBidiControls(texts.join('').trim());
}

/** The clock's time source and timer: a seam for tests (see `setRelativeTimeClock`). */
export interface ClockSource {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const systemClock: ClockSource = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

interface Subscriber {
  /** The element holding the text (for visibility). */
  element?: Element;
  /** Whether the element is (nearly) on screen; true until an observer says otherwise. */
  visible: boolean;
  /** A tick passed while the element was off screen. */
  stale: boolean;
  update(now: number): void;
}

/** The page's one relative-time clock. */
class SharedClock {
  /** The time source and timer in use (see `use`). */
  source: ClockSource = systemClock;
  #subscribers = new Set<Subscriber>();
  #byElement = new WeakMap<Element, Set<Subscriber>>();
  #timer: unknown;
  #scheduled = false;
  #observer?: IntersectionObserver;
  #listening = false;

  now(): number {
    return this.source.now();
  }

  /** How many relative times are live (for tests and debugging). */
  get size(): number {
    return this.#subscribers.size;
  }

  /** Whether a wake-up is scheduled. */
  get scheduled(): boolean {
    return this.#scheduled;
  }

  add(subscriber: Subscriber): void {
    if (this.#subscribers.has(subscriber)) return;
    this.#subscribers.add(subscriber);
    const element = subscriber.element;
    if (element) {
      let set = this.#byElement.get(element);
      if (!set) this.#byElement.set(element, (set = new Set()));
      set.add(subscriber);
      this.#intersection()?.observe(element);
    }
    this.#listen(true);
    this.#schedule();
  }

  delete(subscriber: Subscriber): void {
    if (!this.#subscribers.delete(subscriber)) return;
    const element = subscriber.element;
    if (element) {
      const set = this.#byElement.get(element);
      set?.delete(subscriber);
      if (!set?.size) {
        this.#byElement.delete(element);
        this.#observer?.unobserve(element);
      }
    }
    if (this.#subscribers.size === 0) {
      this.#cancel();
      this.#listen(false);
    }
  }

  /** Brings every relative time up to date now (also what the timer does on the minute). */
  tick(): void {
    this.#scheduled = false;
    this.#timer = undefined;
    const now = this.now();
    for (const subscriber of [...this.#subscribers]) {
      if (subscriber.visible) subscriber.update(now);
      else subscriber.stale = true;
    }
    this.#schedule();
  }

  /** Switches the time source and timer: the pending wake-up is cancelled and scheduled anew. */
  use(source: ClockSource): void {
    this.#cancel();
    this.source = source;
    this.#schedule();
  }

  #schedule(): void {
    if (this.#scheduled || this.#subscribers.size === 0) return;
    if (typeof document !== 'undefined' && document.visibilityState === 'hidden') return;
    const now = this.now();
    // Wake just after the next minute starts, so every time on the page turns together.
    const delay = MINUTE - (((now % MINUTE) + MINUTE) % MINUTE);
    this.#scheduled = true;
    this.#timer = this.source.setTimeout(() => this.tick(), delay);
  }

  #cancel(): void {
    if (this.#scheduled) this.source.clearTimeout(this.#timer);
    this.#scheduled = false;
    this.#timer = undefined;
  }

  #listen(on: boolean): void {
    if (typeof document === 'undefined' || on === this.#listening) return;
    this.#listening = on;
    if (on) document.addEventListener('visibilitychange', this.#onVisibility);
    else document.removeEventListener('visibilitychange', this.#onVisibility);
  }

  #onVisibility = (): void => {
    if (document.visibilityState === 'hidden') this.#cancel();
    else this.tick();
  };

  #intersection(): IntersectionObserver | undefined {
    if (!this.#observer && typeof IntersectionObserver !== 'undefined') {
      this.#observer = new IntersectionObserver(
        (entries) => {
          const now = this.now();
          for (const entry of entries) {
            for (const subscriber of this.#byElement.get(entry.target) ?? []) {
              subscriber.visible = entry.isIntersecting;
              if (subscriber.visible && subscriber.stale) {
                subscriber.stale = false;
                subscriber.update(now);
              }
            }
          }
        },
        { rootMargin: '200px' },
      );
    }
    return this.#observer;
  }
}

/** The page's relative-time clock (one per copy of the library). */
export const relativeTimeClock = new SharedClock();

/**
 * Replaces the clock's time source and timer (tests), and returns a function that
 * puts the previous ones back. The clock re-schedules itself with the new source.
 */
export function setRelativeTimeClock(source: Partial<ClockSource>): () => void {
  const previous = relativeTimeClock.source;
  relativeTimeClock.use({ ...previous, ...source });
  return () => relativeTimeClock.use(previous);
}

/** The text a relative time shows at `now`. */
export function relativeText(instant: number, now: number, options: RelativeTimeOptions): string {
  return (
    formatRelative(instant, now, options.lang, options.format, options.threshold ?? RELATIVE_THRESHOLD) ??
    options.absolute
  );
}

class RelativeTimeDirective extends AsyncDirective {
  #instant = NaN;
  #options?: RelativeTimeOptions;
  #text?: string;
  #subscriber: Subscriber = {
    visible: true,
    stale: false,
    update: (now) => this.#refresh(now),
  };

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.CHILD)
      throw new Error('relativeTime() goes in text content, e.g. inside <time>.');
  }

  render(instant: number, options: RelativeTimeOptions): string {
    return relativeText(instant, relativeTimeClock.now(), options);
  }

  override update(part: Part, [instant, options]: [number, RelativeTimeOptions]): string {
    this.#instant = instant;
    this.#options = options;
    const element = (part as ChildPart).parentNode;
    if (element instanceof Element && this.#subscriber.element !== element) {
      relativeTimeClock.delete(this.#subscriber);
      this.#subscriber.element = element;
      this.#subscriber.visible = true;
      this.#subscriber.stale = false;
    }
    const now = relativeTimeClock.now();
    this.#text = relativeText(instant, now, options);
    this.#follow(now);
    return this.#text;
  }

  protected override disconnected(): void {
    relativeTimeClock.delete(this.#subscriber);
  }

  protected override reconnected(): void {
    this.#refresh(relativeTimeClock.now());
  }

  /** Joins the clock while the text can still change; leaves it once it is absolute for good. */
  #follow(now: number): void {
    const threshold = this.#options?.threshold ?? RELATIVE_THRESHOLD;
    const live = this.isConnected && Number.isFinite(this.#instant) && now - this.#instant < threshold;
    if (live) relativeTimeClock.add(this.#subscriber);
    else relativeTimeClock.delete(this.#subscriber);
  }

  #refresh(now: number): void {
    if (!this.#options) return;
    const text = relativeText(this.#instant, now, this.#options);
    if (text !== this.#text) {
      this.#text = text;
      // Only this text node changes: Lit sets its `data`.
      this.setValue(text);
    }
    this.#follow(now);
  }
}

/**
 * The text of a `<time>` as a relative time that keeps itself current:
 * `html\`<time datetime=${iso} title=${absolute}>${relativeTime(Date.parse(iso), {lang, absolute})}</time>\``.
 */
export const relativeTime = directive(RelativeTimeDirective);

// The ticker alone loads this module on demand and finds the directive here.
provideRelativeTime(relativeTime);
