import { z } from 'zod';
import { pageLanguageCodes } from '../languages.js';
import { can, id, isoDateTime, optionalText, requiredText, url, versionNumber } from './common.js';

/** A translation of a page for children moves draft → reviewed → published; reviewed or published → back to draft. */
export const childPageStatuses = ['draft', 'reviewed', 'published'] as const;
export const rightTopics = ['asylum', 'guardian', 'school', 'health', 'family', 'other'] as const;
export const pageLanguage = z.enum(pageLanguageCodes);

/** The page's headings and link texts, in its own language (a page in Tigrinya is Tigrinya throughout). */
export const childPageLabelKeys = [
  'about',
  'promise',
  'whoCanAsk',
  'howToReach',
  'phone',
  'email',
  'address',
  'hours',
  'website',
  'complaintForm',
  'nextSteps',
  'rights',
  'emergency',
  'dataUse',
  'languages',
  'skipToContent',
] as const;
export const childPageLabels = z.strictObject(
  Object.fromEntries(childPageLabelKeys.map((key) => [key, requiredText(120)])) as Record<
    (typeof childPageLabelKeys)[number],
    ReturnType<typeof requiredText>
  >,
);

export const rightStatement = z.strictObject({ topic: z.enum(rightTopics), text: requiredText(400) });
export const emergencyNumber = z.strictObject({
  label: requiredText(120),
  number: z
    .string()
    .trim()
    .refine((v) => /^\+?[0-9][0-9 .-]{1,24}$/.test(v), { params: { reason: 'phone_number' } }),
});

/** What an institution writes for children in one language. Short sentences: each field is a few lines at most. */
export const childPageContent = z.strictObject({
  institutionName: requiredText(200),
  about: requiredText(1200),
  promise: requiredText(800),
  whoCanAsk: requiredText(800),
  phone: optionalText(40),
  email: z
    .email()
    .max(200)
    .or(z.literal('').transform(() => null))
    .nullable()
    .optional(),
  address: optionalText(400),
  hours: optionalText(200),
  website: url
    .or(z.literal('').transform(() => null))
    .nullable()
    .optional(),
  complaintFormUrl: url
    .or(z.literal('').transform(() => null))
    .nullable()
    .optional(),
  nextSteps: requiredText(1200),
  rights: z.array(rightStatement).max(12),
  emergencyNumbers: z.array(emergencyNumber).max(10),
  dataUse: requiredText(1200),
  labels: childPageLabels,
});

/** Writing a page: without `version` it is created (409 if it exists); with it, the page is replaced. */
export const childPageWrite = childPageContent.extend({ version: versionNumber.optional() });

export const childPageStatusChange = z.strictObject({
  status: z.enum(childPageStatuses),
  version: versionNumber,
});

export const childPageParams = z.strictObject({ id, lang: pageLanguage });

export const childPageSummary = z.object({
  institutionId: id,
  language: pageLanguage,
  languageName: z.string(),
  dir: z.enum(['ltr', 'rtl']),
  status: z.enum(childPageStatuses),
  reviewedAt: isoDateTime.nullable(),
  publishedAt: isoDateTime.nullable(),
  version: z.number().int(),
  updatedAt: isoDateTime,
  /** Where the page is (or will be) for the public, and where its staff preview it. */
  publicUrl: z.string(),
  previewUrl: z.string(),
});

export const childPage = childPageSummary.extend({
  content: childPageContent,
  reviewedBy: z.string().nullable(),
  publishedBy: z.string().nullable(),
  createdAt: isoDateTime,
  can,
});

/** The page an institution starts from in a language: the shipped wording, or English for other languages. */
export const childPageDefaults = z.object({
  language: pageLanguage,
  /** The language the shipped wording is in (English when none is shipped in the page's language). */
  textLanguage: pageLanguage,
  content: childPageContent,
});
