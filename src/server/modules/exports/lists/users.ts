import { user } from '../../../../shared/contract/users.js';
import { userRoutes } from '../../users/users.routes.js';
import { dateTime, text } from '../columns.js';
import { defineExportList, listRoute } from '../registry.js';

export const usersExport = defineExportList(user, {
  name: 'users',
  title: 'exports:lists.users',
  route: listRoute(userRoutes, 'listUsers'),
  columns: [
    text('exports:columns.users.name', (r) => r.name),
    text('exports:columns.users.email', (r) => r.email),
    text('exports:columns.users.role', (r) => r.role),
    text('exports:columns.users.institution', (r) => r.institutionName),
    text('exports:columns.users.partner', (r) => r.partnerName),
    text('exports:columns.users.language', (r) => r.language),
    text('exports:columns.users.status', (r) => r.status),
    dateTime('exports:columns.users.lastLoginAt', (r) => r.lastLoginAt),
    dateTime('exports:columns.common.createdAt', (r) => r.createdAt),
    text('exports:columns.common.id', (r) => r.id),
  ],
});
