import { searchPage, searchQuery } from '../../../shared/contract/search.js';
import { defineRoute } from '../../http/route.js';
import * as service from './search.service.js';

/** One search across every kind of record, for signed-in people (the public has the public site). */
export const searchRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/search',
    operationId: 'search',
    summary:
      'Full-text search across institutions, partners, plan actions, activities, facilities, visits, findings, recommendations, awareness sessions, materials and documents (their current version’s text), ranked, only what the caller may see',
    tag: 'search',
    access: 'user',
    query: searchQuery,
    response: searchPage,
    handler: ({ db, actor, query }) => service.search(db, actor, query),
  }),
];
