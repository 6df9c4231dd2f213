/** Language, direction, Intl formatters (cached) and UI strings. */

/** Languages written right to left (the contract's list). */
const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'ckb', 'yi', 'dv', 'sd', 'ug']);
const DEFAULT_LANG = 'ar';

/** A canonical BCP 47 tag, or undefined for nonsense. */
export function canonicalLang(tag: string | null | undefined): string | undefined {
  if (!tag) return undefined;
  try {
    return new Intl.Locale(tag.trim()).toString();
  } catch {
    return undefined;
  }
}

/** The nearest `lang` from the element outwards, crossing shadow roots. */
function inheritedLang(element: Element): string | undefined {
  let node: Element | null = element;
  while (node) {
    const lang = canonicalLang(node.getAttribute('lang'));
    if (lang) return lang;
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
  }
  return undefined;
}

/**
 * The language an element renders in: its own `lang`, else the document's language
 * (a feed's `language`), else the nearest ancestor's, else Arabic.
 */
export function resolveLang(element: Element, documentLang?: string): string {
  return (
    canonicalLang(element.getAttribute('lang')) ??
    canonicalLang(documentLang) ??
    inheritedLang(element) ??
    DEFAULT_LANG
  );
}

export function directionOf(lang: string): 'rtl' | 'ltr' {
  const language = canonicalLang(lang)?.split('-')[0] ?? DEFAULT_LANG;
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}

export interface FormatOptions {
  /** The `locale` attribute: a BCP 47 tag for dates and numbers; default: the language. */
  locale?: string | null;
  /** IANA time zone; default: the reader's. */
  timeZone?: string | null;
}

/**
 * The locale Intl formats with. Arabic without a region or numbering system reads
 * like the Moroccan seed page: Latin digits.
 */
export function formattingLocale(lang: string, options: FormatOptions = {}): string {
  const explicit = canonicalLang(options.locale);
  if (explicit) return explicit;
  const locale = new Intl.Locale(canonicalLang(lang) ?? DEFAULT_LANG);
  if (locale.language === 'ar' && !locale.region && !locale.numberingSystem) {
    return new Intl.Locale(locale.toString(), { numberingSystem: 'latn' }).toString();
  }
  return locale.toString();
}

const formatters = new Map<string, Intl.DateTimeFormat>();

const DATE_TIME: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};
const TIME_ONLY: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

function dateFormatter(locale: string, timeZone: string | undefined, style: 'date-time' | 'time') {
  const key = `${locale}|${timeZone ?? ''}|${style}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const options = { ...(style === 'time' ? TIME_ONLY : DATE_TIME), timeZone };
    try {
      formatter = new Intl.DateTimeFormat(locale, options);
    } catch {
      // An unknown time zone: fall back to the reader's rather than failing the render.
      formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone: undefined });
    }
    formatters.set(key, formatter);
  }
  return formatter;
}

/** A date for display, or undefined when the value is not a date (never "Invalid Date"). */
export function formatDate(
  iso: string | undefined,
  lang: string,
  options: FormatOptions = {},
  style: 'date-time' | 'time' = 'date-time',
): string | undefined {
  if (!iso) return undefined;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return undefined;
  const locale = formattingLocale(lang, options);
  return dateFormatter(locale, options.timeZone ?? undefined, style).format(date);
}

/** The exact instant for `<time datetime>`, or undefined. */
export function machineDate(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

const numberFormatters = new Map<string, Intl.NumberFormat>();

export function formatNumber(value: number, lang: string, options: FormatOptions = {}): string {
  const locale = formattingLocale(lang, options);
  let formatter = numberFormatters.get(locale);
  if (!formatter) numberFormatters.set(locale, (formatter = new Intl.NumberFormat(locale)));
  return formatter.format(value);
}

export interface UiStrings {
  breaking: string;
  pause: string;
  play: string;
  previous: string;
  next: string;
  loading: string;
  empty: string;
  error: string;
  headlines: string;
  /** "N min read", with the number already formatted. */
  readingTime: (minutes: string) => string;
  by: string;
  tags: string;
}

const STRINGS: Record<string, UiStrings> = {
  ar: {
    breaking: 'عاجل',
    pause: 'إيقاف الشريط مؤقتًا',
    play: 'تشغيل الشريط',
    previous: 'الخبر السابق',
    next: 'الخبر التالي',
    loading: 'جارٍ التحميل…',
    empty: 'لا توجد أخبار حاليًا.',
    error: 'تعذّر تحميل الأخبار.',
    headlines: 'آخر الأخبار',
    readingTime: (minutes) => `مدة القراءة: ${minutes} د`,
    by: 'بقلم',
    tags: 'الوسوم',
  },
  en: {
    breaking: 'Breaking',
    pause: 'Pause the ticker',
    play: 'Play the ticker',
    previous: 'Previous headline',
    next: 'Next headline',
    loading: 'Loading…',
    empty: 'No news right now.',
    error: 'The news could not be loaded.',
    headlines: 'Latest headlines',
    readingTime: (minutes) => `${minutes} min read`,
    by: 'By',
    tags: 'Tags',
  },
};

/** UI strings for a language, falling back to English for languages without a table. */
export function uiStrings(lang: string): UiStrings {
  const language = canonicalLang(lang)?.split('-')[0] ?? DEFAULT_LANG;
  return STRINGS[language] ?? STRINGS.en;
}
