/**
 * `akhbar/preact`: JSX typings for Preact, so `<news-ticker>`, `<news-article>` and
 * `<article-section>` are checked like built-in elements. Types only; load it once:
 *
 *   import type {} from 'akhbar/preact';
 *
 * Preact sets properties on custom elements when they have them (`data={object}`), and
 * attaches `on` + event name handlers as listeners: `onnews-load`, `onnews-error`.
 */
import type { HTMLAttributes } from 'preact';
import type { ArticleSectionElement } from './article-section.js';
import type { ArticleSectionAttributes, NewsArticleAttributes, NewsTickerAttributes } from './jsx.js';
import type { NewsArticleElement } from './news-article.js';
import type { NewsTickerElement } from './news-ticker.js';

export type * from './jsx.js';

/** Preact's props for an element: its own attributes win over Preact's generic ones. */
type Props<E extends HTMLElement, A> = A & Omit<HTMLAttributes<E>, keyof A>;

declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements {
      'news-ticker': Props<NewsTickerElement, NewsTickerAttributes>;
      'news-article': Props<NewsArticleElement, NewsArticleAttributes>;
      'article-section': Props<ArticleSectionElement, ArticleSectionAttributes>;
    }
  }
}
