/** The ticker alone, for pages that only show breaking news: the smallest bundle. */
import { defineOnce } from './define.js';
import { NewsTickerElement } from './news-ticker.js';

export { NewsTickerElement } from './news-ticker.js';
export type { TickerData, TickerItem } from './data/types.js';

defineOnce('news-ticker', NewsTickerElement);
