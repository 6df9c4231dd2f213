/** `akhbar/article-section`: defines `<article-section>` alone (skipping the tag if it is taken). */
import { ArticleSectionElement } from './article-section.js';
import { defineOnce } from './define.js';

export { ArticleSectionElement } from './article-section.js';
export type { SectionData, SectionFormat } from './data/types.js';

defineOnce('article-section', ArticleSectionElement);
