// Type tests for the JSX typings (`akhbar/react`, `akhbar/preact`), checked by
// `npm run typecheck` (nothing to run). JSX checks an element's props against
// `JSX.IntrinsicElements[tag]`, so these assignments are what `<news-ticker …>` gets.
import type { JSX as ReactJSX } from 'react';
import type { JSX as PreactJSX } from 'preact';
import type {} from '../../src/react.js';
import type {} from '../../src/preact.js';
import type { TickerData } from '../../src/index.js';

type ReactTicker = ReactJSX.IntrinsicElements['news-ticker'];
type ReactArticle = ReactJSX.IntrinsicElements['news-article'];
type ReactSection = ReactJSX.IntrinsicElements['article-section'];
type PreactTicker = PreactJSX.IntrinsicElements['news-ticker'];
type PreactArticle = PreactJSX.IntrinsicElements['news-article'];

const ticker: TickerData = { items: [{ title: 'عاجل' }] };

export const reactTicker: ReactTicker = {
  data: ticker,
  speed: 40,
  paused: true,
  'max-items': 3,
  label: 'عاجل',
  lang: 'ar',
  dir: 'rtl',
  className: 'ticker',
  style: { marginBlock: '1rem' },
  ref: (element) => {
    void element?.paused;
  },
  'onnews-load': (event) => event.detail.data.items.length,
  'onnews-error': (event) => event.detail.message,
};
export const reactArticle: ReactArticle = {
  src: '/article.json',
  'heading-level': 1,
  'time-zone': 'Africa/Casablanca',
  loading: 'lazy',
  'onnews-load': (event) => event.detail.data.title,
};
export const reactSection: ReactSection = { heading: 'انسجام وتعاون', format: 'markdown', children: 'نص' };

export const preactTicker: PreactTicker = {
  data: ticker,
  speed: 40,
  'max-items': '3',
  class: 'ticker',
  'onnews-load': (event) => event.detail.data.items.length,
};
export const preactArticle: PreactArticle = { json: '{"title":"عنوان"}', item: 'https://example.com/1' };

// @ts-expect-error speed is a number
export const badSpeed: ReactTicker = { speed: {} };
// @ts-expect-error heading-level is 1 to 6
export const badLevel: ReactArticle = { 'heading-level': 9 };
// @ts-expect-error format is markdown, text or html
export const badFormat: ReactSection = { format: 'rtf' };
// @ts-expect-error a news-error listener gets a NewsErrorEvent, whose detail has no data
export const badListener: ReactTicker = { 'onnews-error': (event) => event.detail.data };
// @ts-expect-error loading is eager or lazy
export const badLoading: PreactArticle = { loading: 'soon' };
// @ts-expect-error paused is a boolean
export const badPaused: PreactTicker = { paused: 'yes' };
