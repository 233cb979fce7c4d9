import { activitiesDemo } from './activities.demo.js';
import { awarenessDemo } from './awareness.demo.js';
import type { DemoPart } from './demo-part.js';
import { monitoringDemo } from './monitoring.demo.js';
import { publicSiteDemo } from './public-site.demo.js';

/** The demonstration data set, in the order its parts load (a later part may use an earlier one's records). */
export const demoParts: DemoPart[] = [activitiesDemo, monitoringDemo, publicSiteDemo, awarenessDemo];
