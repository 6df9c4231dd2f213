// The live page: logs each update of the ticker, so the reader sees the feed change.
import '../src/index.js';
import type { NewsErrorEvent, NewsLoadEvent, TickerData } from '../src/index.js';

const ticker = document.querySelector('#live-ticker')!;
const log = document.querySelector('#live-log')!;
const clock = new Intl.DateTimeFormat('ar-u-nu-latn', { timeStyle: 'medium', hourCycle: 'h23' });

/** One line of the log: the time, the event's name and what it said, each isolated. */
function entry(name: string, text: string): void {
  const item = document.createElement('li');
  const time = document.createElement('bdi');
  time.textContent = clock.format(new Date());
  const code = document.createElement('code');
  code.textContent = name;
  code.dir = 'ltr';
  item.append(time, ' ', code, ' ', text);
  log.prepend(item);
  while (log.children.length > 12) log.lastElementChild!.remove();
}

ticker.addEventListener('news-load', (event) => {
  const { items } = (event as NewsLoadEvent<TickerData>).detail.data;
  entry('news-load', `${items.length} عناوين، أحدثها «${items[0]?.title ?? ''}»`);
});
ticker.addEventListener('news-error', (event) => {
  entry('news-error', (event as NewsErrorEvent).detail.message);
});
