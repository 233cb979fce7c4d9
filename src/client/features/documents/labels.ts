import type { DocumentFamily } from '../../../shared/contract/documents';

export const familyLabels = {
  pdf: 'documents:types.pdf',
  word: 'documents:types.word',
  spreadsheet: 'documents:types.spreadsheet',
  image: 'documents:types.image',
} as const satisfies Record<DocumentFamily, string>;
