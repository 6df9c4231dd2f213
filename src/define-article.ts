/**
 * `akhbar/news-article`: defines `<news-article>` and the `<article-section>` it renders its
 * sections with (skipping tags already taken).
 */
import { ArticleSectionElement } from './article-section.js';
import { defineOnce } from './define.js';
import { NewsArticleElement } from './news-article.js';

export { ArticleSectionElement } from './article-section.js';
export { NewsArticleElement } from './news-article.js';
export type { ArticleData, SectionData } from './data/types.js';

defineOnce('article-section', ArticleSectionElement);
defineOnce('news-article', NewsArticleElement);
