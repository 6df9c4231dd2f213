import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../src/index.js';
import { NewsTickerElement, type TickerData, type TickerItem } from '../src/index.js';

// ---- Data ---------------------------------------------------------------------------------------

/** The five headlines of the seed page (shared/seed/article-page.txt). */
const SEED_TITLES = [
  'في صفقة قيمتها 825 مليون دولار.. الولايات المتحدة توافق على بيع المغرب 600 صاروخ “ستينغر”',
  'بعد تألقه.. الحارس شعيب بلعروش رجل مباراة المغرب والكوت ديفوار',
  'النباوي: الدولة المغربية تعد طرفا في حوالي 60 ألف قضية سنويا',
  'بعد الفوز على الكوت ديفوار.. أشبال الأطلس إلى نهائي كأس أمم إفريقيا',
  'طالبتها بالزيادة في الأجور والمعاشات.. نقابة تبنه الحكومة إلى خطورة الاستمرار في ضرب القدرة الشرائية للمغاربة',
];
const SEED_FILE = '/test/fixtures/ticker/seed.json';

const seed = (): TickerData => ({
  items: SEED_TITLES.map((title, i) => ({ id: `s${i}`, title, url: `https://news.example/${i}` })),
});

const short = (n: number, prefix = 'خبر'): TickerItem[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${i}`, title: `${prefix} ${i + 1}` }));

// ---- Helpers ------------------------------------------------------------------------------------

const root = (el: NewsTickerElement) => el.shadowRoot!;
const mainList = (el: NewsTickerElement) => root(el).querySelector<HTMLUListElement>('.list:not(.copy)')!;
const loopCopy = (el: NewsTickerElement) => root(el).querySelector<HTMLUListElement>('.list.copy');
/** The headlines in the list (not those finishing their way out, hidden from assistive technology). */
const items = (el: NewsTickerElement) => [
  ...mainList(el).querySelectorAll<HTMLLIElement>(':scope > li:not([aria-hidden])'),
];
const copyItems = (el: NewsTickerElement) => [
  ...(loopCopy(el)?.querySelectorAll<HTMLLIElement>(':scope > li') ?? []),
];
const titles = (el: NewsTickerElement) => items(el).map((li) => li.querySelector('.title')!.textContent);
const viewport = (el: NewsTickerElement) => root(el).querySelector<HTMLElement>('.viewport')!;
const track = (el: NewsTickerElement) => root(el).querySelector<HTMLElement>('.track');
const animation = (el: NewsTickerElement) => track(el)?.getAnimations()[0];
const pauseButton = (el: NewsTickerElement) =>
  root(el).querySelector<HTMLButtonElement>('[part~="pause-button"]')!;
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const time = (a: Animation) => Number(a.currentTime);
/**
 * How far (px) a box may be from where the clock puts it: engines can draw a sample some frames
 * away from the time they report (WebKit does, by up to ~90 ms on a busy machine), so 100 ms at
 * `speed`, plus rounding. Speeds are measured over a second, so this is 10% of the distance;
 * real jumps are a headline's width (hundreds of px in these tests).
 */
const slack = (speed: number) => 2 + (speed * 100) / 1000;
/** The page's clock (ms): the strip moves by speed × this, whatever seeks keep it in place. */
const now = () => Number(document.timeline.currentTime);
const dirOf = (el: NewsTickerElement) => root(el).querySelector<HTMLElement>('.base')!.dir;
/** The accessible name of a button: its visually hidden text. */
const nameOf = (button: HTMLElement) => button.textContent!.replace(/\s+/g, ' ').trim();

/** The translation the animation applies now (px, + is rightwards). */
function translation(el: NewsTickerElement): number {
  return new DOMMatrixReadOnly(getComputedStyle(track(el)!).transform).m41;
}

interface MountOptions {
  width?: number;
  /** Wait for news-load or news-error (default true). */
  settle?: boolean;
  children?: string;
}

/** A ticker in a container of a known width; listeners are attached before it connects. */
async function mount(setup: (el: NewsTickerElement) => void, options: MountOptions = {}) {
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  container.style.inlineSize = `${options.width ?? 640}px`;
  const el = document.createElement('news-ticker');
  if (options.children) el.innerHTML = options.children;
  const events: CustomEvent[] = [];
  el.addEventListener('news-load', (e) => events.push(e));
  el.addEventListener('news-error', (e) => events.push(e));
  setup(el);
  const settled = new Promise((resolve) => {
    el.addEventListener('news-load', resolve, { once: true });
    el.addEventListener('news-error', resolve, { once: true });
  });
  container.append(el);
  if (options.settle !== false) {
    await settled;
    await el.updateComplete;
    // WebKit keeps a new animation pending for a few frames: measure motion once it really runs.
    const a = animation(el);
    if (a?.playState === 'running')
      await waitUntil(() => !a.pending && a.startTime !== null, 'never started');
  }
  return { el, events, container };
}

/**
 * Whether this browser's driver emulates media features: Chromium's does; Firefox's (BiDi) and
 * WebKit's (WebDriver) do not, and asking them prints a stack trace in the runner's output.
 */
let canEmulate = /Chrome\//.test(navigator.userAgent); // HeadlessChrome/… too

/** Emulates prefers-reduced-motion where the driver can; says whether the page now sees `on`. */
async function emulateReducedMotion(on: boolean): Promise<boolean> {
  if (canEmulate) {
    try {
      await emulateMedia({ reducedMotion: on ? 'reduce' : 'no-preference' });
    } catch {
      canEmulate = false;
    }
  }
  return matchMedia('(prefers-reduced-motion: reduce)').matches === on;
}

/** Reduced motion through the real media feature where emulated, else through the element's query seam. */
async function reduceMotion(on: boolean): Promise<'emulated' | 'seam'> {
  if (await emulateReducedMotion(on)) {
    NewsTickerElement.reducedMotionQuery = '(prefers-reduced-motion: reduce)';
    return 'emulated';
  }
  NewsTickerElement.reducedMotionQuery = on ? 'all' : 'not all';
  return 'seam';
}

/** Headlines fully or partly inside the viewport, with their screen x (left edge). */
function onScreen(el: NewsTickerElement): { li: HTMLLIElement; left: number }[] {
  const view = viewport(el).getBoundingClientRect();
  return [...root(el).querySelectorAll<HTMLLIElement>('.list > li')]
    .map((li) => ({ li, box: li.getBoundingClientRect() }))
    .filter(({ box }) => box.width > 0 && box.right > view.left && box.left < view.right)
    .map(({ li, box }) => ({ li, left: box.left }));
}

after(async () => {
  NewsTickerElement.reducedMotionQuery = '(prefers-reduced-motion: reduce)';
  await emulateReducedMotion(false);
});

// ---- Tests --------------------------------------------------------------------------------------

describe('<news-ticker>', () => {
  describe('data', () => {
    it('renders the data property and fires news-load with the normalized data', async () => {
      const { el, events } = await mount((el) => (el.data = seed()));
      expect(el.status).to.equal('ready');
      expect(titles(el)).to.deep.equal(SEED_TITLES);
      expect(events.map((e) => e.type)).to.deep.equal(['news-load']);
      expect((events[0].detail as { data: TickerData }).data.items).to.have.length(5);
      // Each headline is a link to its url.
      expect(items(el)[1].querySelector('a')!.getAttribute('href')).to.equal('https://news.example/1');
    });

    it('renders the json attribute, a bare array and a page document', async () => {
      const { el } = await mount((el) => el.setAttribute('json', JSON.stringify({ items: short(3) })));
      expect(titles(el)).to.deep.equal(['خبر 1', 'خبر 2', 'خبر 3']);

      el.setAttribute('json', JSON.stringify([{ title: 'مصفوفة' }]));
      await oneEvent(el, 'news-load');
      expect(titles(el)).to.deep.equal(['مصفوفة']);

      el.setAttribute(
        'json',
        JSON.stringify({ ticker: { items: [{ title: 'من الصفحة' }] }, article: { title: 'مقال' } }),
      );
      await oneEvent(el, 'news-load');
      expect(titles(el)).to.deep.equal(['من الصفحة']);
    });

    it('renders an inline <script type="application/json"> child and keeps it out of sight', async () => {
      const { el } = await mount(() => undefined, {
        children: `<script type="application/json">${JSON.stringify({ items: short(2, 'سكربت') })}</script>`,
      });
      expect(titles(el)).to.deep.equal(['سكربت 1', 'سكربت 2']);
      expect(root(el).querySelector('slot')!.hidden).to.equal(true);
    });

    it('fetches src (a fixture file), showing the loading state first', async () => {
      const { el, events } = await mount((el) => (el.src = `${SEED_FILE}?loading=${Math.random()}`), {
        settle: false,
      });
      await el.updateComplete;
      expect(el.status).to.equal('loading');
      expect(el.getAttribute('aria-busy')).to.equal('true');
      await expect(el).to.be.accessible();
      await waitUntil(() => events.length > 0, 'src never loaded', { timeout: 5000 });
      await el.updateComplete;
      expect(events[0].type).to.equal('news-load');
      expect(el.status).to.equal('ready');
      expect(el.hasAttribute('aria-busy')).to.equal(false);
      expect(titles(el)).to.deep.equal(SEED_TITLES);
      // The file's relative order and links survive.
      expect(items(el)[0].querySelector('a')!.href).to.equal('https://news.example/2025/04/14/stinger');
    });

    it('picks data over json over the inline script over src, and follows changes', async () => {
      const { el } = await mount(
        (el) => {
          el.src = SEED_FILE;
          el.json = JSON.stringify([{ title: 'من json' }]);
          el.data = [{ title: 'من data' }];
        },
        { children: `<script type="application/json">[{"title":"من السكربت"}]</script>` },
      );
      expect(titles(el)).to.deep.equal(['من data']);

      el.data = undefined;
      await el.updateComplete;
      await el.updateComplete;
      expect(titles(el)).to.deep.equal(['من json']);

      el.json = null;
      await el.updateComplete;
      await el.updateComplete;
      expect(titles(el)).to.deep.equal(['من السكربت']);

      el.querySelector('script')!.remove();
      await waitUntil(
        () => el.status === 'ready' && titles(el)[0] === SEED_TITLES[0],
        'src never took over',
        {
          timeout: 5000,
        },
      );
    });

    it('drops a stale answer: only the newest src is shown', async () => {
      const { el, events } = await mount(
        (el) => (el.src = `/api/feed?key=ticker-stale-a-${Math.random()}&delay=600`),
        { settle: false },
      );
      await el.updateComplete;
      el.src = `${SEED_FILE}?fresh=${Math.random()}`;
      await waitUntil(() => events.length > 0, 'no answer', { timeout: 5000 });
      await sleep(900); // the older, slower answer has arrived by now
      expect(titles(el)).to.deep.equal(SEED_TITLES);
      expect(events.map((e) => e.type)).to.deep.equal(['news-load']);
    });
  });

  describe('states', () => {
    it('shows the empty state for a feed with no items, without news-error', async () => {
      const { el, events } = await mount((el) => (el.json = '{"items": []}'));
      expect(el.status).to.equal('empty');
      expect(events.map((e) => e.type)).to.deep.equal(['news-load']);
      expect(root(el).querySelector('[part="message"]')!.textContent).to.equal('لا توجد أخبار حاليًا.');
      expect(track(el)).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('reports broken JSON with news-error, a short Arabic message and the fallback', async () => {
      const { el, events } = await mount((el) => el.setAttribute('json', '{"items": [oops'), {
        children: '<ul><li><a href="/a">خبر احتياطي</a></li></ul>',
      });
      expect(el.status).to.equal('error');
      expect(events.map((e) => e.type)).to.deep.equal(['news-error']);
      const { message } = events[0].detail as { message: string };
      expect(message).to.be.a('string').and.not.be.empty;
      expect(message).to.match(/json/i);
      expect(root(el).querySelector('[part="message"]')!.textContent).to.equal('تعذّر تحميل الأخبار.');
      expect(root(el).querySelector('slot')!.hidden).to.equal(false);
      expect(el.querySelector('a')!.textContent).to.equal('خبر احتياطي');
      await expect(el).to.be.accessible();
    });

    it('reports a failed request, a document of the wrong kind, and wrong types', async () => {
      const { el, events } = await mount(
        (el) => (el.src = `/api/feed?key=ticker-down-${Math.random()}&status=503`),
      );
      expect(el.status).to.equal('error');
      expect(events[0].type).to.equal('news-error');

      el.src = `/api/feed?key=ticker-html-${Math.random()}&scenario=html`;
      await oneEvent(el, 'news-error');
      expect(el.status).to.equal('error');

      el.src = null;
      el.data = { items: 'not a list' };
      const error = await oneEvent(el, 'news-error');
      expect(error.detail.message).to.be.a('string').and.not.be.empty;
      expect(el.status).to.equal('error');
    });

    it('shows fallback children while loading, hides (keeps) them with data, shows them on error', async () => {
      const { el, events } = await mount(
        (el) => (el.src = `/api/feed?key=ticker-fallback-${Math.random()}&delay=300`),
        {
          settle: false,
          children: '<ul><li><a href="/breaking">خبر من الصفحة</a></li></ul>',
        },
      );
      await el.updateComplete;
      const slot = root(el).querySelector('slot')!;
      expect(el.status).to.equal('loading');
      expect(slot.hidden).to.equal(false);
      expect(root(el).querySelector('.skeleton')).to.equal(null);

      await waitUntil(() => events.length > 0, 'no answer', { timeout: 5000 });
      await el.updateComplete;
      expect(el.status).to.equal('ready');
      expect(slot.hidden).to.equal(true);
      expect(el.querySelector('a')!.textContent).to.equal('خبر من الصفحة');

      el.src = `/api/feed?key=ticker-down-${Math.random()}&status=503`;
      await oneEvent(el, 'news-error');
      await el.updateComplete;
      expect(slot.hidden).to.equal(false);
    });
  });

  describe('motion', () => {
    it('moves right in right-to-left text, entering from the left', async () => {
      const { el } = await mount((el) => {
        el.speed = 200;
        el.data = seed();
      });
      expect(dirOf(el)).to.equal('rtl');
      const a = animation(el)!;
      expect(a.playState).to.equal('running');
      const keyframes = (a.effect as KeyframeEffect).getKeyframes();
      expect(keyframes[0].transform).to.equal('translateX(0px)');
      expect(String(keyframes[1].transform)).to.match(/^translateX\(\d+(\.\d+)?px\)$/);
      // The list starts at the right edge (where it is without the translation, however long the
      // strip has already moved on a busy machine); the loop copy waits beyond the left edge.
      const view = viewport(el).getBoundingClientRect();
      const first = items(el)[0].getBoundingClientRect();
      expect(Math.abs(first.right - translation(el) - view.right)).to.be.below(slack(200));
      expect(loopCopy(el)!.getBoundingClientRect().right).to.be.at.most(
        mainList(el).getBoundingClientRect().left + 1,
      );
      const x0 = first.left;
      const t0 = time(a);
      await waitUntil(() => time(a) - t0 > 1000, 'did not move for a second', { timeout: 4000 });
      const moved = items(el)[0].getBoundingClientRect().left - x0;
      const expected = ((time(a) - t0) / 1000) * 200;
      expect(moved).to.be.above(0);
      expect(moved).to.be.closeTo(expected, slack(200));
      expect(translation(el)).to.be.above(0);
    });

    it('moves left in left-to-right text', async () => {
      const { el } = await mount((el) => {
        el.setAttribute('lang', 'en');
        el.speed = 200;
        el.data = { items: [{ title: 'Morocco reaches the final' }, { title: 'US approves a sale' }] };
      });
      expect(dirOf(el)).to.equal('ltr');
      const a = animation(el)!;
      const keyframes = (a.effect as KeyframeEffect).getKeyframes();
      expect(String(keyframes[1].transform)).to.match(/^translateX\(-\d+(\.\d+)?px\)$/);
      const x0 = items(el)[0].getBoundingClientRect().left;
      const t0 = time(a);
      await waitUntil(() => time(a) - t0 > 1000, 'did not move for a second', { timeout: 4000 });
      const moved = items(el)[0].getBoundingClientRect().left - x0;
      expect(moved).to.be.below(0);
      expect(-moved).to.be.closeTo(((time(a) - t0) / 1000) * 200, slack(200));
      expect(pauseButton(el).textContent).to.include('Pause the ticker');
    });

    it('honours speed in pixels per second whatever the length, looping over one copy', async () => {
      for (const [count, speed] of [
        [1, 60],
        [5, 60],
        [40, 150],
      ]) {
        const { el } = await mount((el) => {
          el.speed = speed;
          el.data = { items: short(count, 'سرعة') };
        });
        const a = animation(el)!;
        const period = mainList(el).getBoundingClientRect().width;
        const keyframes = (a.effect as KeyframeEffect).getKeyframes();
        expect(parseFloat(String(keyframes[1].transform).slice('translateX('.length))).to.be.closeTo(
          period,
          0.5,
        );
        expect(Number(a.effect!.getTiming().duration)).to.be.closeTo((period / speed) * 1000, 1);
        expect(a.effect!.getTiming().iterations).to.equal(Infinity);
        // A copy never is narrower than the bar, so the loop has no hole.
        expect(period).to.be.at.least(viewport(el).getBoundingClientRect().width - 0.5);
        expect(track(el)!.getBoundingClientRect().width).to.be.closeTo(2 * period, 1);
      }
    });

    it('changes speed on the fly without a jump, and ignores nonsense speeds', async () => {
      const { el } = await mount((el) => {
        el.speed = 50;
        el.data = seed();
      });
      const a = animation(el)!;
      await waitUntil(() => time(a) > 200);
      const [{ li, left }] = onScreen(el);
      const t0 = now();
      el.speed = 120;
      await el.updateComplete;
      expect(li.getBoundingClientRect().left - left).to.be.closeTo(((now() - t0) / 1000) * 50, slack(50));
      const period = mainList(el).getBoundingClientRect().width;
      expect(Number(a.effect!.getTiming().duration)).to.be.closeTo((period / 120) * 1000, 1);

      el.setAttribute('speed', '-3');
      await el.updateComplete;
      expect(Number(a.effect!.getTiming().duration)).to.be.closeTo((period / 60) * 1000, 1);
      el.setAttribute('speed', 'fast');
      await el.updateComplete;
      expect(Number(a.effect!.getTiming().duration)).to.be.closeTo((period / 60) * 1000, 1);
      expect(animation(el)).to.equal(a);
    });

    it('makes the loop copy an identical, aria-hidden and inert twin', async () => {
      const { el } = await mount((el) => (el.data = seed()));
      const copy = loopCopy(el)!;
      expect(copy.getAttribute('aria-hidden')).to.equal('true');
      expect(copy.inert).to.equal(true);
      expect(copyItems(el).map((li) => li.querySelector('.title')!.textContent)).to.deep.equal(SEED_TITLES);
      expect(mainList(el).hasAttribute('aria-hidden')).to.equal(false);
      // Same layout: one copy follows the other at exactly one period.
      const a = mainList(el).getBoundingClientRect();
      const b = copy.getBoundingClientRect();
      expect(b.width).to.be.closeTo(a.width, 0.5);
      expect(a.left - b.left).to.be.closeTo(a.width, 0.5);
    });

    it('re-measures when the bar is resized', async () => {
      const { el, container } = await mount((el) => (el.data = { items: short(2) }), { width: 500 });
      const a = animation(el)!;
      const before = Number(a.effect!.getTiming().duration);
      container.style.inlineSize = '800px';
      await waitUntil(() => Number(a.effect!.getTiming().duration) !== before, 'not re-measured');
      const period = mainList(el).getBoundingClientRect().width;
      expect(period).to.be.at.least(viewport(el).getBoundingClientRect().width - 0.5);
      expect(Number(a.effect!.getTiming().duration)).to.be.closeTo((period / el.speed) * 1000, 1);
      expect(animation(el)).to.equal(a);
    });

    it('cancels its animation when removed, and runs again when put back', async () => {
      const { el, container } = await mount((el) => (el.data = seed()));
      const a = animation(el)!;
      el.remove();
      expect(a.playState).to.equal('idle');
      expect(track(el)!.getAnimations()).to.have.length(0);
      container.append(el);
      await el.updateComplete;
      await waitUntil(() => animation(el)?.playState === 'running', 'did not run again');
    });

    it('handles 0, 1 and 1,000 headlines', async () => {
      const none = await mount((el) => (el.data = { items: [] }));
      expect(none.el.status).to.equal('empty');

      const one = await mount((el) => (el.data = { items: [{ title: 'خبر وحيد' }] }));
      expect(items(one.el)).to.have.length(1);
      expect(copyItems(one.el)).to.have.length(1);
      expect(animation(one.el)!.playState).to.equal('running');

      const many = await mount((el) => (el.data = { items: short(1000) }));
      expect(items(many.el)).to.have.length(1000);
      expect(copyItems(many.el)).to.have.length(1000);
      const a = animation(many.el)!;
      const period = mainList(many.el).getBoundingClientRect().width;
      expect(period).to.be.above(10000);
      expect(Number(a.effect!.getTiming().duration)).to.be.closeTo((period / 60) * 1000, 1);
      expect(many.events.map((e) => e.type)).to.deep.equal(['news-load']);
    });
  });

  describe('pausing', () => {
    it('toggles paused and the animation with a labelled, keyboard-reachable button', async () => {
      const { el } = await mount((el) => (el.data = seed()));
      const button = pauseButton(el);
      const a = animation(el)!;
      expect(button.type).to.equal('button');
      expect(nameOf(button)).to.equal('إيقاف الشريط مؤقتًا');
      expect(button.tabIndex).to.equal(0);

      button.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(el.paused).to.equal(true);
      expect(el.hasAttribute('paused')).to.equal(true);
      expect(a.playState).to.equal('paused');
      expect(nameOf(pauseButton(el))).to.equal('تشغيل الشريط');
      const held = time(a);
      await sleep(150);
      expect(time(a)).to.equal(held);
      await expect(el).to.be.accessible();

      pauseButton(el).click();
      await el.updateComplete;
      expect(el.hasAttribute('paused')).to.equal(false);
      expect(a.playState).to.equal('running');
      // It resumes where it stopped.
      expect(time(a)).to.be.closeTo(held, 100);
      expect(animation(el)).to.equal(a);
    });

    it('pauses when the paused attribute is set, and the button follows', async () => {
      const { el } = await mount((el) => (el.data = seed()));
      el.setAttribute('paused', '');
      await el.updateComplete;
      expect(animation(el)!.playState).to.equal('paused');
      expect(nameOf(pauseButton(el))).to.equal('تشغيل الشريط');
      el.removeAttribute('paused');
      await el.updateComplete;
      expect(animation(el)!.playState).to.equal('running');
    });

    it('starts paused with the attribute', async () => {
      const { el } = await mount((el) => {
        el.paused = true;
        el.data = seed();
      });
      expect(animation(el)!.playState).to.equal('paused');
      expect(translation(el)).to.equal(0);
    });

    it('holds while hovered, without changing paused', async () => {
      const { el } = await mount((el) => (el.data = seed()));
      const a = animation(el)!;
      const box = viewport(el).getBoundingClientRect();
      try {
        await sendMouse({
          type: 'move',
          position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)],
        });
        await waitUntil(() => a.playState === 'paused', 'hover did not hold the strip');
        expect(el.paused).to.equal(false);
        expect(nameOf(pauseButton(el))).to.equal('إيقاف الشريط مؤقتًا');
        await sendMouse({
          type: 'move',
          position: [Math.round(box.left + box.width / 2), Math.round(box.bottom + 200)],
        });
        await waitUntil(() => a.playState === 'running', 'did not resume after hover');
      } finally {
        await resetMouse();
      }
    });

    it('holds while a finger is on the strip (no hover on touch screens), and goes on when it lifts', async () => {
      const { el } = await mount((el) => (el.data = seed()));
      const a = animation(el)!;
      const headline = items(el)[0].querySelector('a')!;
      const touch = (type: string) =>
        headline.dispatchEvent(
          new PointerEvent(type, {
            pointerType: 'touch',
            pointerId: 7,
            isPrimary: true,
            bubbles: true,
            composed: true,
          }),
        );
      touch('pointerdown');
      expect(a.playState).to.equal('paused');
      expect(el.paused).to.equal(false);
      touch('pointerup');
      expect(a.playState).to.equal('running');
      // The browser taking the gesture over for a scroll lets it go too.
      touch('pointerdown');
      expect(a.playState).to.equal('paused');
      touch('pointercancel');
      expect(a.playState).to.equal('running');
      // A mouse button is not a hold: hover already covers the mouse.
      headline.dispatchEvent(
        new PointerEvent('pointerdown', { pointerType: 'mouse', bubbles: true, composed: true }),
      );
      expect(a.playState).to.equal('running');
    });

    it('holds while a headline has focus, brings it into view, and resumes on blur', async () => {
      const { el } = await mount((el) => (el.data = seed()), { width: 400 });
      const a = animation(el)!;
      const links = items(el).map((li) => li.querySelector('a')!);
      // The third headline starts beyond the left edge of a 400px bar.
      links[2].focus();
      await el.updateComplete;
      expect(a.playState).to.equal('paused');
      expect(el.paused).to.equal(false);
      const view = viewport(el).getBoundingClientRect();
      const box = items(el)[2].getBoundingClientRect();
      expect(box.right).to.be.at.most(view.right + 1);
      expect(box.right).to.be.above(view.left);
      expect(root(el).activeElement).to.equal(links[2]);

      // Focus moving to the pause button lets the strip go again: the controls do not hold it.
      pauseButton(el).focus();
      await waitUntil(() => a.playState === 'running', 'did not resume when focus left the headlines');
      expect(el.paused).to.equal(false);
    });

    it('keeps the copy out of the tab order', async () => {
      const { el } = await mount((el) => (el.data = seed()));
      const copyLink = copyItems(el)[0].querySelector('a')!;
      copyLink.focus();
      expect(root(el).activeElement).to.not.equal(copyLink);
    });
  });

  describe('reduced motion', () => {
    let mode: 'emulated' | 'seam';
    beforeEach(async () => {
      mode = await reduceMotion(true);
    });
    afterEach(async () => {
      await reduceMotion(false);
    });

    it('stops the motion and shows one whole headline at a time with previous/next', async () => {
      console.log(`reduced motion via ${mode}`);
      const { el } = await mount((el) => (el.data = seed()), { width: 360 });
      expect(track(el)!.getAnimations()).to.have.length(0);
      expect(loopCopy(el)).to.equal(null);
      expect(root(el).querySelector('[part~="pause-button"]')).to.equal(null);
      // Every headline stays in the list; only the current one is on show, wrapped, not clipped.
      expect(items(el)).to.have.length(5);
      const shown = items(el).filter((li) => li.getBoundingClientRect().width > 1);
      expect(shown).to.have.length(1);
      expect(shown[0].textContent).to.include(SEED_TITLES[0]);
      const bar = root(el).querySelector('.bar')!.getBoundingClientRect();
      const title = shown[0].querySelector('.title')!.getBoundingClientRect();
      expect(title.left).to.be.at.least(bar.left - 0.5);
      expect(title.right).to.be.at.most(bar.right + 0.5);
      expect(title.height).to.be.above(parseFloat(getComputedStyle(el).fontSize) * 2.5); // wrapped

      const previous = root(el).querySelector<HTMLButtonElement>('[part~="previous-button"]')!;
      const next = root(el).querySelector<HTMLButtonElement>('[part~="next-button"]')!;
      expect(nameOf(previous)).to.equal('الخبر السابق');
      expect(nameOf(next)).to.equal('الخبر التالي');
      expect(root(el).querySelector('[part="counter"]')!.textContent).to.equal('1/5');
      next.click();
      await el.updateComplete;
      expect(root(el).querySelector('.item.current')!.textContent).to.include(SEED_TITLES[1]);
      expect(root(el).querySelector('[part="counter"]')!.textContent).to.equal('2/5');
      previous.click();
      previous.click();
      await el.updateComplete;
      expect(root(el).querySelector('.item.current')!.textContent).to.include(SEED_TITLES[4]);
      await expect(el).to.be.accessible();
    });

    it('shows the headline that gets keyboard focus', async () => {
      const { el } = await mount((el) => (el.data = seed()));
      items(el)[3].querySelector('a')!.focus();
      await el.updateComplete;
      expect(root(el).querySelector('.item.current')!.textContent).to.include(SEED_TITLES[3]);
      expect(items(el)[3].getBoundingClientRect().width).to.be.above(1);
    });

    it('applies live changes at once', async () => {
      const { el } = await mount((el) => (el.data = { items: short(2) }));
      el.data = { items: [...short(2), { id: 'x', title: 'جديد' }] };
      await el.updateComplete;
      expect(titles(el)).to.deep.equal(['خبر 1', 'خبر 2', 'جديد']);
      expect(root(el).querySelectorAll('.entering, .leaving')).to.have.length(0);
    });
  });

  describe('switching motion preference while connected', () => {
    it('switches between moving and still modes when the preference changes', async function () {
      const { el } = await mount((el) => (el.data = seed()));
      expect(animation(el)!.playState).to.equal('running');
      // Without emulation (Firefox, WebKit drivers) the preference cannot change under a test.
      if (!(await emulateReducedMotion(true))) this.skip();
      try {
        await waitUntil(() => loopCopy(el) === null, 'did not switch to the still mode');
        expect(track(el)!.getAnimations()).to.have.length(0);
      } finally {
        await emulateReducedMotion(false);
      }
      await waitUntil(() => animation(el)?.playState === 'running', 'did not move again');
    });
  });

  describe('accessibility', () => {
    it('exposes the headlines once, as a labelled list of links', async () => {
      const { el } = await mount((el) => (el.data = seed()));
      const lists = [...root(el).querySelectorAll('ul')].filter((ul) => !ul.closest('[aria-hidden="true"]'));
      expect(lists).to.have.length(1);
      expect(lists[0].getAttribute('role')).to.equal('list');
      expect(lists[0].getAttribute('aria-labelledby')).to.equal('label');
      expect(root(el).getElementById('label')!.textContent).to.equal('عاجل');
      expect(lists[0].querySelectorAll('li a')).to.have.length(5);
      await expect(el).to.be.accessible();
    });

    it('puts each headline once in what assistive technology is given', async () => {
      const { el } = await mount((el) => (el.data = seed()));
      // The exposed text: everything not hidden, aria-hidden or inert (a model of the accessibility tree).
      const exposed: string[] = [];
      const links: string[] = [];
      const walk = (node: Node) => {
        if (node.nodeType === Node.TEXT_NODE) {
          exposed.push(node.textContent ?? '');
          return;
        }
        if (!(node instanceof Element)) return;
        if (node.getAttribute('aria-hidden') === 'true' || (node as HTMLElement).inert) return;
        const style = getComputedStyle(node);
        if (style.display === 'none' || style.visibility === 'hidden') return;
        if (node.localName === 'a') links.push(node.textContent ?? '');
        for (const child of node.shadowRoot ? node.shadowRoot.childNodes : node.childNodes) walk(child);
      };
      walk(el);
      const text = exposed.join('\n');
      for (const title of SEED_TITLES) {
        expect(text.split(title).length - 1, title).to.equal(1);
      }
      expect(links).to.deep.equal(SEED_TITLES);
      // Yet both copies are drawn.
      expect(root(el).textContent!.split(SEED_TITLES[0]).length - 1).to.equal(2);
    });

    it('is accessible when paused, with one headline, with a time, in English', async () => {
      const one = await mount((el) => {
        el.paused = true;
        el.data = { items: [{ title: 'خبر', url: '/x', time: '2025-04-14T18:55:00+01:00' }] };
      });
      await expect(one.el).to.be.accessible();
      const en = await mount((el) => {
        el.setAttribute('lang', 'en');
        el.data = { items: short(3, 'News') };
      });
      await expect(en.el).to.be.accessible();
    });

    it('announces new headlines politely, once each, with announce', async () => {
      const { el } = await mount((el) => {
        el.announce = true;
        el.data = { items: short(2) };
      });
      const region = root(el).querySelector('[aria-live="polite"]')!;
      expect(region).to.exist;
      expect(region.textContent).to.equal('');
      el.data = { items: [{ id: 'n', title: 'خبر جديد' }, ...short(2)] };
      await el.updateComplete;
      expect(region.textContent).to.equal('عاجل: خبر جديد');
      el.data = { items: [{ id: 'n', title: 'خبر جديد' }, ...short(3)] };
      await el.updateComplete;
      expect(region.textContent).to.equal('عاجل: خبر 3');
      // Gone and back: no second announcement.
      el.data = { items: short(3) };
      await el.updateComplete;
      el.data = { items: [{ id: 'n', title: 'خبر جديد' }, ...short(3)] };
      await el.updateComplete;
      expect(region.textContent).to.equal('عاجل: خبر 3');
      await expect(el).to.be.accessible();
    });

    it('has no live region without announce', async () => {
      const { el } = await mount((el) => (el.data = { items: short(2) }));
      el.data = { items: [{ id: 'n', title: 'خبر جديد' }, ...short(2)] };
      await el.updateComplete;
      expect(root(el).querySelector('[aria-live]')).to.equal(null);
    });
  });

  describe('live updates', () => {
    it("keeps its position and adds only the new headline's nodes", async () => {
      const { el } = await mount((el) => {
        el.speed = 40;
        el.data = { items: short(3) };
      });
      const a = animation(el)!;
      await waitUntil(() => time(a) > 300);
      const before = items(el);
      const beforeCopy = copyItems(el);
      const visible = onScreen(el);
      expect(visible.length).to.be.above(0);
      const t0 = now();

      el.data = { items: [{ id: 'new', title: 'خبر جديد عاجل' }, ...short(3)] };
      await el.updateComplete;
      await nextFrame();

      const t1 = now();
      for (const { li, left } of visible) {
        expect(li.isConnected).to.equal(true);
        // Rightwards at 40px/s by the page's clock, nothing more.
        expect(li.getBoundingClientRect().left - left).to.be.closeTo(((t1 - t0) / 1000) * 40, slack(40));
      }
      expect(animation(el)).to.equal(a);
      expect(a.playState).to.equal('running');
      // The same nodes, plus one new <li> in each copy.
      const after = items(el);
      expect(after).to.have.length(4);
      expect(after.filter((li) => before.includes(li))).to.have.length(3);
      expect(after[0].dataset.key).to.equal('id:new');
      expect(before.every((li) => li.isConnected)).to.equal(true);
      expect(copyItems(el)).to.have.length(4);
      expect(copyItems(el).filter((li) => beforeCopy.includes(li))).to.have.length(3);
      expect(titles(el)[0]).to.equal('خبر جديد عاجل');
    });

    /**
     * Watches what is on screen from now on: `until(done)` samples it until `done`, failing if
     * anything on screen moved off the clock in between and stayed off (a jump). WebKit now and
     * then draws one sample a few frames away from its clock and the next one back on it (seen:
     * +23.6 px, then -24.8 px, at 400 px/s); a jump stays. So a sample off the clock is only a
     * suspect, checked again against the same earlier picture by the next samples: a jump is
     * off in `CONFIRM` samples in a row.
     */
    function watchForJumps(el: NewsTickerElement, speed: number) {
      const CONFIRM = 3;
      const period = () => mainList(el).getBoundingClientRect().width;
      const picture = () => ({
        at: now(),
        period: period(),
        seen: new Map(onScreen(el).map(({ li, left }) => [li, left])),
      });
      let previous = picture();
      let suspect = 0;
      let samples = 0;
      /** The largest move off the clock since `previous` (0 when everything moved with it). */
      const offClock = (): number => {
        const at = now();
        const expected = ((at - previous.at) / 1000) * speed * (dirOf(el) === 'rtl' ? 1 : -1);
        // A lap may end in between: the copy takes the list's place, the same picture one period away.
        const laps = [0, previous.period, period()];
        let worst = 0;
        // Whatever was on screen must have moved with the clock, whether it is still on screen or not.
        for (const [li, before] of previous.seen) {
          if (!li.isConnected) continue;
          const off = li.getBoundingClientRect().left - before - expected;
          if (
            !laps.some((lap) => Math.abs(Math.abs(off) - lap) < slack(speed)) &&
            Math.abs(off) > Math.abs(worst)
          ) {
            worst = off;
          }
        }
        return worst;
      };
      const check = () => {
        const off = offClock();
        samples += 1;
        if (off === 0) {
          suspect = 0;
          previous = picture();
        } else if (++suspect >= CONFIRM) {
          throw new Error(`a headline on screen jumped by ${off.toFixed(1)}px (${CONFIRM} samples in a row)`);
        }
      };
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      return {
        check,
        /** Samples in animation frames until `done` (and until no suspect is left). */
        async until(done: () => boolean, timeout = 8000) {
          const start = performance.now();
          for (;;) {
            await frame();
            check();
            if (done() && suspect === 0) return samples;
            if (performance.now() - start > timeout) throw new Error('never done');
          }
        },
      };
    }

    it('lets a removed headline finish scrolling out, without a jump', async () => {
      const long = (i: number) => ({ id: `l${i}`, title: `${SEED_TITLES[i]} (${i})` });
      const { el } = await mount(
        (el) => {
          el.speed = 300;
          el.data = { items: [long(0), long(1), long(2)] };
        },
        { width: 400 },
      );
      const first = items(el)[0];
      expect(onScreen(el).some(({ li }) => li === first)).to.equal(true);

      const watch = watchForJumps(el, 300);
      el.data = { items: [long(1), long(2)] };
      await el.updateComplete;
      await el.updateComplete;
      watch.check();
      // Still on screen, but no longer a headline for assistive technology.
      expect(first.isConnected).to.equal(true);
      expect(first.getAttribute('aria-hidden')).to.equal('true');
      expect(first.inert).to.equal(true);
      expect(items(el).map((li) => li.dataset.key)).to.deep.equal(['id:l1', 'id:l2']);

      // It leaves once off screen; nothing on screen jumps meanwhile.
      const samples = await watch.until(() => !first.isConnected);
      expect(samples).to.be.above(3);
      expect(items(el).map((li) => li.dataset.key)).to.deep.equal(['id:l1', 'id:l2']);
      expect(copyItems(el)).to.have.length(2);
      expect(root(el).querySelectorAll('.leaving')).to.have.length(0);
    });

    it('brings a new headline onto the strip only where that moves nothing on screen', async () => {
      const long = (i: number) => ({ id: `m${i}`, title: `${SEED_TITLES[i % 5]} (${i})` });
      const { el } = await mount(
        (el) => {
          el.speed = 400;
          el.data = { items: [long(0), long(1)] };
        },
        { width: 400 },
      );
      // Wait until the loop's seam is well inside the bar: the list's end and the copy's start both show.
      await waitUntil(
        () => {
          const view = viewport(el).getBoundingClientRect();
          const seam = mainList(el).getBoundingClientRect().left;
          return seam > view.left + 60 && seam < view.right - 60;
        },
        'seam never came',
        { timeout: 8000, interval: 10 },
      );
      const watch = watchForJumps(el, 400);
      el.data = { items: [long(9), long(0), long(1)] };
      await el.updateComplete;
      watch.check();
      // Listed at once (screen readers, keyboard), not yet on the strip …
      expect(items(el)).to.have.length(3);
      expect(titles(el)[0]).to.equal(long(9).title);
      expect(items(el)[0].getBoundingClientRect().width).to.equal(0);
      // … which takes it in once its spot has scrolled away, moving nothing on screen.
      await watch.until(() => root(el).querySelectorAll('.entering').length === 0);
      expect(items(el)[0].getBoundingClientRect().width).to.be.above(50);
      expect(copyItems(el)[0].getBoundingClientRect().width).to.be.above(50);
    });

    it('applies changes at once while paused, keeping the first headline on screen in place', async () => {
      const { el } = await mount((el) => {
        el.paused = true;
        el.data = { items: short(4) };
      });
      const visible = onScreen(el)[0];
      el.data = { items: [{ id: 'p', title: 'خبر أثناء الإيقاف' }, ...short(4).slice(1)] };
      await el.updateComplete;
      await el.updateComplete;
      expect(root(el).querySelectorAll('.entering, .leaving')).to.have.length(0);
      expect(titles(el)).to.deep.equal(['خبر أثناء الإيقاف', 'خبر 2', 'خبر 3', 'خبر 4']);
      expect(animation(el)!.playState).to.equal('paused');
      const kept = onScreen(el).find(({ li }) => li.dataset.key === 'id:خبر-1');
      expect(visible.li.dataset.key).to.equal('id:خبر-0');
      // The first headline left; the one after it did not move.
      expect(kept, 'second headline still on screen').to.exist;
    });

    it('follows a refreshing src without restarting', async () => {
      const { el } = await mount((el) => {
        el.refresh = 1;
        el.src = `/api/feed?key=ticker-refresh-${Math.random()}&scenario=version`;
      });
      const a = animation(el)!;
      expect(titles(el)[0]).to.match(/v1$/);
      await oneEvent(el, 'news-load');
      await el.updateComplete;
      expect(titles(el)[0]).to.match(/v2$/);
      expect(animation(el)).to.equal(a);
    });
  });

  describe('options and content', () => {
    it('shows at most max-items headlines, all without it', async () => {
      const { el } = await mount((el) => {
        el.setAttribute('max-items', '2');
        el.data = seed();
      });
      expect(titles(el)).to.deep.equal(SEED_TITLES.slice(0, 2));
      expect(copyItems(el)).to.have.length(2);
      el.removeAttribute('max-items');
      await el.updateComplete;
      await waitUntil(() => items(el).length === 5);
      el.setAttribute('max-items', 'nonsense');
      await el.updateComplete;
      expect(items(el)).to.have.length(5);
    });

    it('takes its label from the attribute, else the data, else the language', async () => {
      const { el } = await mount((el) => (el.data = seed()));
      const label = () => root(el).querySelector('[part="label"]')?.textContent;
      expect(label()).to.equal('عاجل');
      el.data = { ...seed(), label: 'آخر الأخبار' };
      await el.updateComplete;
      await el.updateComplete;
      expect(label()).to.equal('آخر الأخبار');
      el.label = 'مباشر';
      await el.updateComplete;
      expect(label()).to.equal('مباشر');
      // An empty label hides it; the list keeps a name.
      el.label = '';
      await el.updateComplete;
      expect(label()).to.equal(undefined);
      expect(mainList(el).getAttribute('aria-label')).to.equal('آخر الأخبار');
      await expect(el).to.be.accessible();

      const en = await mount((el) => {
        el.setAttribute('lang', 'en');
        el.data = { items: short(1, 'News') };
      });
      expect(root(en.el).querySelector('[part="label"]')!.textContent).to.equal('Breaking');
    });

    it('renders hostile titles as text and drops unsafe links', async () => {
      const hostile = '<img src=x onerror="window.__hacked = true">';
      const { el } = await mount(
        (el) =>
          (el.data = {
            label: '<b>عاجل</b>',
            items: [
              { title: hostile, url: 'javascript:alert(1)' },
              { title: '<script>window.__hacked = true</script>', url: 'https://news.example/ok' },
            ],
          }),
      );
      await nextFrame();
      expect(titles(el)).to.deep.equal([hostile, '<script>window.__hacked = true</script>']);
      expect(root(el).querySelector('img, script, b')).to.equal(null);
      expect(root(el).querySelector('[part="label"]')!.textContent).to.equal('<b>عاجل</b>');
      expect((window as { __hacked?: boolean }).__hacked).to.equal(undefined);
      const hrefs = [...root(el).querySelectorAll('a')].map((a) => a.getAttribute('href'));
      expect(hrefs.some((href) => /^javascript:/i.test(href ?? ''))).to.equal(false);
    });

    it('links external headlines with rel="noopener noreferrer" in the same tab', async () => {
      const { el } = await mount(
        (el) =>
          (el.data = {
            items: [
              { title: 'خارجي', url: 'https://news.example/a' },
              { title: 'داخلي', url: '/local/b' },
              { title: 'بلا رابط' },
            ],
          }),
      );
      const [external, local, none] = items(el);
      expect(external.querySelector('a')!.rel).to.equal('noopener noreferrer');
      expect(external.querySelector('a')!.hasAttribute('target')).to.equal(false);
      expect(local.querySelector('a')!.hasAttribute('rel')).to.equal(false);
      expect(none.querySelector('a')).to.equal(null);
      expect(none.querySelector('.title')!.textContent).to.equal('بلا رابط');
    });

    it('isolates each headline and shows its time in a <time datetime>', async () => {
      const { el } = await mount(
        (el) =>
          (el.data = {
            items: [
              { title: 'لقاء Apple و OpenAI في 2025', time: '2025-04-14T18:55:00+01:00' },
              { title: 'بلا وقت صالح', time: 'not a date' },
            ],
          }),
      );
      const [timed, untimed] = items(el);
      expect(timed.querySelector('.title')!.localName).to.equal('bdi');
      const timeEl = timed.querySelector('time')!;
      expect(timeEl.getAttribute('datetime')).to.equal('2025-04-14T17:55:00.000Z');
      expect(timeEl.textContent).to.match(/^\d{2}:\d{2}$/);
      expect(timeEl.getAttribute('part')).to.equal('time');
      expect(untimed.querySelector('time')).to.equal(null);
      expect(root(el).textContent).not.to.match(/Invalid Date|NaN|undefined/);
    });

    it('styles without inline style attributes and exposes its parts', async () => {
      const { el } = await mount(
        (el) => (el.data = { items: [{ title: 'خبر', url: '/x', time: '2025-04-14T18:55:00Z' }] }),
      );
      expect(root(el).querySelectorAll('[style]')).to.have.length(0);
      for (const part of [
        'bar',
        'label',
        'track',
        'list',
        'item',
        'separator',
        'time',
        'link',
        'title',
        'controls',
        'button',
      ]) {
        expect(root(el).querySelector(`[part~="${part}"]`), part).to.exist;
      }
      // Generous line height, so Arabic marks are not cut, and no clipping on the block axis.
      const fontSize = parseFloat(getComputedStyle(el).fontSize);
      expect(parseFloat(getComputedStyle(mainList(el)).lineHeight)).to.be.at.least(fontSize * 1.6);
      expect(getComputedStyle(viewport(el)).overflowY).to.equal('visible');
      expect(getComputedStyle(root(el).querySelector('.title')!).letterSpacing).to.equal('normal');
    });
  });
});
