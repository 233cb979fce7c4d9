import type { RouteObject } from 'react-router';

/** Axis 5, monitoring: places, visits, the recommendation tracker and checklist templates, each loaded on first visit. */
export const monitoringRoutes: RouteObject[] = [
  {
    path: 'visits',
    lazy: async () => ({ Component: (await import('./visits/VisitsPage')).VisitsPage }),
  },
  {
    path: 'visits/:visitId',
    lazy: async () => ({ Component: (await import('./visits/VisitPage')).VisitPage }),
  },
  {
    path: 'facilities',
    lazy: async () => ({ Component: (await import('./facilities/FacilitiesPage')).FacilitiesPage }),
  },
  {
    path: 'facilities/:facilityId',
    lazy: async () => ({ Component: (await import('./facilities/FacilityPage')).FacilityPage }),
  },
  {
    path: 'recommendations',
    lazy: async () => ({ Component: (await import('./recommendations/TrackerPage')).TrackerPage }),
  },
  {
    path: 'recommendations/:recommendationId',
    lazy: async () => ({ Component: (await import('./recommendations/RecommendationPage')).RecommendationPage }),
  },
  {
    path: 'checklist-templates',
    lazy: async () => ({ Component: (await import('./templates/TemplatesPage')).TemplatesPage }),
  },
  {
    path: 'checklist-templates/:templateId',
    lazy: async () => ({ Component: (await import('./templates/TemplatePage')).TemplatePage }),
  },
];
