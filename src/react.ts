/**
 * `akhbar/react`: JSX typings for React 19, so `<news-ticker>`, `<news-article>` and
 * `<article-section>` are checked like built-in elements. Types only; load it once:
 *
 *   import type {} from 'akhbar/react';
 *
 * React 19 sets properties on custom elements (so `data={object}` works) and attaches
 * `on` + event name handlers as listeners: `onnews-load`, `onnews-error`.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { ArticleSectionElement } from './article-section.js';
import type { ArticleSectionAttributes, NewsArticleAttributes, NewsTickerAttributes } from './jsx.js';
import type { NewsArticleElement } from './news-article.js';
import type { NewsTickerElement } from './news-ticker.js';

export type * from './jsx.js';

/** React's props for an element: its own attributes win over React's generic ones. */
type Props<E extends HTMLElement, A> = A & Omit<DetailedHTMLProps<HTMLAttributes<E>, E>, keyof A>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'news-ticker': Props<NewsTickerElement, NewsTickerAttributes>;
      'news-article': Props<NewsArticleElement, NewsArticleAttributes>;
      'article-section': Props<ArticleSectionElement, ArticleSectionAttributes>;
    }
  }
}
