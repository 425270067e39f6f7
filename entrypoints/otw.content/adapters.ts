import { otw } from '@/utils/sites/otw';
import type { SiteAdapter } from '@/utils/sites/types';

/**
 * The families the OTW hosts' page script carries: only the OTW adapter can
 * claim their pages (tests/sites/otw-script.test.ts checks it reads them as
 * the full registry does).
 */
export const OTW_ADAPTERS: readonly SiteAdapter[] = [otw];
