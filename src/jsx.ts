/**
 * The elements' attributes and properties as plain interfaces, for JSX typings
 * (`akhbar/react`, `akhbar/preact`) and for any framework that wants them. Types only.
 *
 * Attributes are written as in HTML (`max-items`, `heading-level`); objects go through
 * properties (`data`, `section`). Events are `on` + the event name, as React 19 and
 * Preact attach them to custom elements: `onnews-load`, `onnews-error`.
 */
import type {
  ArticleData,
  PageDocument,
  SectionData,
  SectionFormat,
  TickerData,
  TickerItem,
} from './data/types.js';
import type { NewsErrorEvent, NewsLoadEvent } from './events.js';
import type { UiStringsOverride } from './locale.js';

/** What the ticker and the article share: the data inputs, fetching, language and events. */
export interface NewsDataAttributes<T> {
  /** The data as an object (a property): the own format, a page document or a parsed feed. */
  data?: T | PageDocument | object | null;
  /** The data as a JSON string. */
  json?: string | null;
  /** A URL to fetch: the own format, a page document or a feed. */
  src?: string | null;
  /** Seconds between re-fetches of `src` (minimum 1). */
  refresh?: number | string | null;
  /** `lazy`: fetch `src` only once the element nears the viewport. */
  loading?: 'eager' | 'lazy';
  /** As in `fetch`: `omit` (default), `same-origin` or `include`. */
  credentials?: RequestCredentials;
  /** Seconds a request may take (default 10). */
  timeout?: number | string;
  /** A BCP 47 locale for dates and numbers (default: the language). */
  locale?: string | null;
  /** An IANA time zone for displayed times (default: the reader's). */
  'time-zone'?: string | null;
  /** A numbering system for dates and numbers: `latn`, `arab`, `arabext`… (default: the locale's). */
  numerals?: string | null;
  /** A calendar (`gregory`, `islamic-umalqura`…), or two joined by `+` (default: Gregorian). */
  calendar?: string | null;
  /** Recent times read as relative («قبل 5 دقائق»): `true` (24 hours) or a number of hours. */
  relative?: boolean | number | string | null;
  /** Overrides for some UI strings (a property). */
  strings?: UiStringsOverride | null;
  lang?: string;
  dir?: 'rtl' | 'ltr' | 'auto';
  /** `news-load`: the data has rendered. */
  'onnews-load'?: (event: NewsLoadEvent<T>) => void;
  /** `news-error`: the data could not be loaded or understood. */
  'onnews-error'?: (event: NewsErrorEvent) => void;
}

/** `<news-ticker>`. */
export interface NewsTickerAttributes extends NewsDataAttributes<TickerData> {
  data?: TickerData | TickerItem[] | PageDocument | object | null;
  label?: string | null;
  /** Pixels per second (default 60). */
  speed?: number | string;
  paused?: boolean;
  'max-items'?: number | string | null;
  announce?: boolean;
}

/** `<news-article>`. */
export interface NewsArticleAttributes extends NewsDataAttributes<ArticleData> {
  /** For a feed: the id or url of the item to show (default: the first). */
  item?: string | null;
  /** The level of the title, 1–6 (default 2). */
  'heading-level'?: 1 | 2 | 3 | 4 | 5 | 6 | '1' | '2' | '3' | '4' | '5' | '6';
}

/** `<article-section>`. */
export interface ArticleSectionAttributes {
  heading?: string | null;
  level?: 1 | 2 | 3 | 4 | 5 | 6 | '1' | '2' | '3' | '4' | '5' | '6';
  format?: SectionFormat;
  /** The body; without it, the element's own text is the body. */
  body?: string | null;
  /** The whole section as an object (a property). */
  section?: SectionData;
  lang?: string;
  dir?: 'rtl' | 'ltr' | 'auto';
}

/** Tag name -> its attributes, for IntrinsicElements declarations. */
export interface AkhbarElementAttributes {
  'news-ticker': NewsTickerAttributes;
  'news-article': NewsArticleAttributes;
  'article-section': ArticleSectionAttributes;
}
