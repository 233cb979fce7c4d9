import { z } from 'zod';
import { countryCode, id, isoDate } from './common.js';

/** The kinds of records the search box finds (urgent situations never: their details are read on purpose only). */
export const searchTypes = [
  'institution',
  'partner',
  'plan_action',
  'activity',
  'facility',
  'visit',
  'finding',
  'recommendation',
  'awareness_session',
  'material',
  'document',
] as const;
export type SearchType = (typeof searchTypes)[number];

export const SEARCH_MAX_PAGE_SIZE = 100;

export const searchQuery = z
  .strictObject({
    q: z.string().trim().min(1).max(200),
    type: z.enum(searchTypes).optional(),
    axis: z.coerce.number().int().min(1).max(5).optional(),
    institutionId: id.optional(),
    country: countryCode.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    page: z.coerce.number().int().min(1).max(1000).default(1),
    pageSize: z.coerce.number().int().min(1).max(SEARCH_MAX_PAGE_SIZE).default(20),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    path: ['to'],
    params: { reason: 'end_before_start' },
  });
export type SearchQuery = z.input<typeof searchQuery>;

/** Where the matched words are in a text, as ranges of UTF-16 offsets. */
const highlights = z.array(z.object({ start: z.number().int().min(0), end: z.number().int().min(0) }));

/** A stretch of text with the matched words as ranges: never HTML. */
export const searchSnippet = z.object({ text: z.string(), highlights });
export type SearchSnippet = z.infer<typeof searchSnippet>;

export const searchResult = z.object({
  type: z.enum(searchTypes),
  id,
  title: z.string(),
  titleHighlights: highlights,
  /** Set when the record is shown on another record's page: a finding on its visit's page. */
  parentId: id.nullable(),
  snippet: searchSnippet,
  /** The record's day: an activity's or visit's start, a recommendation's issue, a document's last change. */
  date: isoDate.nullable(),
  axis: z.number().int().min(1).max(5).nullable(),
  country: z.string().nullable(),
  institution: z.object({ id, name: z.string() }).nullable(),
});
export type SearchResult = z.infer<typeof searchResult>;

export const searchPage = z.object({
  items: z.array(searchResult),
  total: z.number().int().min(0),
  /**
   * False when the words match so many records that only the best-ranked were counted: `total` is then a lower
   * bound (the page itself is always the exact one).
   */
  totalComplete: z.boolean(),
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
});
export type SearchPage = z.infer<typeof searchPage>;
