/** The element classes and types, without defining any tag (for scoped or renamed registration). */
export { NewsTickerElement } from './news-ticker.js';
export { NewsArticleElement } from './news-article.js';
export { ArticleSectionElement } from './article-section.js';
export { NewsErrorEvent, NewsLoadEvent } from './events.js';
export type { NewsErrorDetail, NewsLoadDetail } from './events.js';
export type { NewsElementEventMap } from './news-data-element.js';
export type { Status } from './data/source.js';
export type {
  ArticleData,
  ImageData,
  PageDocument,
  Person,
  SectionData,
  SectionFormat,
  TickerData,
  TickerItem,
} from './data/types.js';
export { defineOnce } from './define.js';
export { registerStrings } from './locale.js';
export type { UiStrings, UiStringsOverride } from './locale.js';
