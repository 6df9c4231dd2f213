// In-page side of `npm run bench` (bench/run.mjs drives it through Playwright). Every timing is
// performance.now() around synchronous work plus the element's own promises (no timers).
const now = () => performance.now();

/** Removes what the previous run left (outside any timing). */
function clear() {
  for (const node of [...document.body.children]) if (node.id !== 'root') node.remove();
}

/** The CSS a shadow root adopted, as text (Lit adopts constructed style sheets). */
function cssOf(root) {
  return root.adoptedStyleSheets
    .map((sheet) => [...sheet.cssRules].map((rule) => rule.cssText).join(''))
    .join('');
}

/** Waits until the element has no update pending (a re-render queued by the last one included). */
async function settled(el) {
  while (!(await el.updateComplete));
}

window.bench = {
  clear,

  /** <news-article> from `data` to laid out (its sections' markdown included). */
  async article(data) {
    clear();
    const el = document.createElement('news-article');
    const start = now();
    el.data = data;
    document.body.append(el);
    await settled(el);
    void el.offsetHeight;
    return now() - start;
  },

  /** <news-ticker> from `data` to laid out (and its loop started). */
  async ticker(data, attributes = {}) {
    clear();
    const el = document.createElement('news-ticker');
    for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
    const start = now();
    el.data = data;
    document.body.append(el);
    await settled(el);
    void el.offsetHeight;
    return now() - start;
  },

  /**
   * The last element's final shadow DOM as HTML, nested shadow roots as declarative ones, each
   * with the styles it adopted as a <style>: the floor paints exactly what the element painted.
   */
  serialize() {
    const el = document.body.querySelector('news-article, news-ticker');
    const roots = [];
    const collect = (root) => {
      for (const node of root.querySelectorAll('*')) {
        if (node.shadowRoot) {
          roots.push(node.shadowRoot);
          collect(node.shadowRoot);
        }
      }
    };
    collect(el.shadowRoot);
    let index = 0;
    const html = el.shadowRoot
      .getHTML({ shadowRoots: roots })
      .replace(
        /<template shadowrootmode="open"[^>]*>/g,
        (tag) => `${tag}<style>${cssOf(roots[index++])}</style>`,
      );
    const nodes = [el.shadowRoot, ...roots].reduce((sum, root) => sum + count(root), 0);
    return { html: `<style>${cssOf(el.shadowRoot)}</style>${html}`, nodes };
  },

  /** The floor: the same HTML set at once into a shadow root (setHTMLUnsafe: innerHTML plus nested roots). */
  floor(html) {
    clear();
    const host = document.createElement('div');
    const start = now();
    document.body.append(host);
    host.attachShadow({ mode: 'open' }).setHTMLUnsafe(html);
    void host.offsetHeight;
    return now() - start;
  },

  /**
   * The floor of a running ticker: the same static DOM moved by the same Web Animation, with no
   * script of ours (`animation` is what the element ran: keyframes and timing).
   */
  floorRunning(html, animation) {
    window.bench.floor(html);
    const track = document.body.lastElementChild.shadowRoot.querySelector('.track');
    track.animate(animation.keyframes, animation.timing);
    return track.getAnimations()[0]?.playState ?? 'missing';
  },

  /** The keyframes and timing of the last ticker's loop. */
  tickerAnimation() {
    const animation = document
      .querySelector('news-ticker')
      .shadowRoot.querySelector('.track')
      .getAnimations()[0];
    const { duration, iterations, easing } = animation.effect.getTiming();
    return {
      keyframes: animation.effect.getKeyframes().map(({ transform }) => ({ transform })),
      timing: { duration, iterations, easing },
    };
  },

  /** A running ticker for the live-update test. */
  async startTicker(data, attributes = {}) {
    await window.bench.ticker(data, attributes);
  },

  /**
   * One new headline into the running ticker: the DOM mutations it makes, the time the update
   * takes, and whether the headline on screen moves other than with the strip, sampled every
   * frame until the new headline is on the strip (or `waitMs` passed).
   */
  async inject(item, waitMs) {
    const el = document.querySelector('news-ticker');
    const root = el.shadowRoot;
    const viewport = root.querySelector('.viewport').getBoundingClientRect();
    // The anchor: an existing headline on screen (its position is what a reader would see jump).
    const anchor = [...root.querySelectorAll('.list:not(.copy) > .item, .list.copy > .item')].find((li) => {
      const box = li.getBoundingClientRect();
      return box.width > 0 && box.left >= viewport.left && box.right <= viewport.right;
    });
    const records = [];
    const observer = new MutationObserver((list) => records.push(...list));
    observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    const before = anchor.getBoundingClientRect().left;
    const start = now();
    el.data = { ...el.data, items: [item, ...el.data.items] };
    await settled(el);
    const updateMs = now() - start;
    // Still the same task and frame: the strip has not moved, so any difference is a jump.
    const sameFrameShift = anchor.getBoundingClientRect().left - before;
    records.push(...observer.takeRecords());
    const atUpdate = records.length;

    const key = `id:${item.id}`;
    const samples = [];
    const waited = now();
    let enteredAfterMs;
    const entered = await new Promise((resolve) => {
      const frame = (time) => {
        samples.push([time, anchor.getBoundingClientRect().left]);
        const li = root.querySelector(`.list:not(.copy) > .item[data-key="${key}"]`);
        const on = li && !li.classList.contains('entering');
        if (on && enteredAfterMs === undefined) enteredAfterMs = now() - waited;
        if ((on && samples.length > 30) || now() - waited > waitMs) resolve(!!on);
        else requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    records.push(...observer.takeRecords());
    observer.disconnect();

    // Frame-to-frame steps against the strip's own speed (the median step rate).
    const rates = [];
    for (let i = 1; i < samples.length; i++) {
      const dt = samples[i][0] - samples[i - 1][0];
      if (dt > 0) rates.push((samples[i][1] - samples[i - 1][1]) / dt);
    }
    const rate = median(rates);
    let worst = 0;
    for (let i = 1; i < samples.length; i++) {
      const dt = samples[i][0] - samples[i - 1][0];
      worst = Math.max(worst, Math.abs(samples[i][1] - samples[i - 1][1] - rate * dt));
    }

    const inNew = (node) => {
      const element = node.nodeType === 1 ? node : node.parentElement;
      return !!element?.closest(`.item[data-key="${key}"]`);
    };
    // Lit's two comment markers around each item of a repeat(): they belong to the new item when
    // they sit right beside its <li>.
    const isNew = (node) => node?.nodeType === 1 && node.matches(`.item[data-key="${key}"]`);
    const newMarker = (node) =>
      node.nodeType === 8 &&
      (isNew(node.nextSibling) ||
        isNew(node.previousSibling?.previousSibling ?? null) ||
        isNew(node.previousSibling));
    let added = 0;
    let markers = 0;
    let addedOutside = 0;
    let removed = 0;
    let attributes = 0;
    const attributeNames = new Set();
    let text = 0;
    for (const record of records) {
      if (record.type === 'childList') {
        for (const node of record.addedNodes) {
          const size = count(node);
          added += size;
          if (newMarker(node)) markers += size;
          else if (!inNew(node)) addedOutside += size;
        }
        for (const node of record.removedNodes) removed += count(node);
      } else if (record.type === 'attributes') {
        attributes++;
        attributeNames.add(
          `${record.target.dataset?.key === key ? 'new item' : 'other'} ${record.attributeName}`,
        );
      } else {
        text++;
      }
    }
    return {
      updateMs,
      sameFrameShift,
      entered,
      enteredAfterMs,
      sampledMs: now() - waited,
      frames: samples.length,
      stripPxPerS: rate * 1000,
      worstStepErrorPx: worst,
      records: records.length,
      recordsAtUpdate: atUpdate,
      added,
      markers,
      addedOutside,
      removed,
      attributes,
      attributeNames: [...attributeNames],
      text,
    };
  },

  /** Frames drawn in `ms` (counted after a measurement window, never during one). */
  frames(ms) {
    return new Promise((resolve) => {
      let frames = 0;
      const start = now();
      const frame = () => {
        frames++;
        if (now() - start < ms) requestAnimationFrame(frame);
        else resolve((frames * 1000) / (now() - start));
      };
      requestAnimationFrame(frame);
    });
  },
};

/** Nodes in a subtree (the node itself included; shadow roots not entered). */
function count(node) {
  let n = node.nodeType === 11 ? 0 : 1;
  for (let child = node.firstChild; child; child = child.nextSibling) n += count(child);
  return n;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : 0;
}
