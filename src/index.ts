/** The public entry: exports everything and defines the three tags (skipping taken ones). */
import { ArticleSectionElement } from './article-section.js';
import { defineOnce } from './define.js';
import { NewsArticleElement } from './news-article.js';
import { NewsTickerElement } from './news-ticker.js';

export * from './elements.js';

defineOnce('news-ticker', NewsTickerElement);
defineOnce('news-article', NewsArticleElement);
defineOnce('article-section', ArticleSectionElement);
