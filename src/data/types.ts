/** The typed data every element renders. Only `data/` turns unknown input into these. */

export interface TickerItem {
  /** Plain text, never HTML. */
  title: string;
  /** http(s) or relative only; anything else is dropped by the parser. */
  url?: string;
  /** ISO 8601. */
  time?: string;
  id?: string;
}

export interface TickerData {
  /** Default: the UI string for «breaking» in the element's language («عاجل» for Arabic). */
  label?: string;
  items: TickerItem[];
  /** Language of the document (feeds: `language`, `xml:lang`, `inLanguage`). */
  lang?: string;
}

export type SectionFormat = 'markdown' | 'text' | 'html';

export interface SectionData {
  heading?: string;
  body: string;
  /** Default: markdown. */
  format?: SectionFormat;
}

export interface Person {
  name: string;
  url?: string;
}

export interface ImageData {
  src: string;
  alt?: string;
  caption?: string;
  credit?: string;
  width?: number;
  height?: number;
}

export interface ArticleData {
  /** Plain text. */
  title: string;
  /** Short category line above the title. */
  kicker?: string;
  /** ISO 8601 with offset. */
  published?: string;
  updated?: string;
  /** Standfirst paragraph, plain text. */
  lead?: string;
  author?: Person;
  source?: Person;
  image?: ImageData;
  sections: SectionData[];
  tags?: string[];
  /** Canonical link. */
  url?: string;
  id?: string;
  lang?: string;
  dir?: 'rtl' | 'ltr';
}

/** A page document: one URL feeds both elements with a single request. */
export interface PageDocument {
  ticker?: TickerData;
  article?: ArticleData;
}
