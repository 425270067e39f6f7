import type { Feature } from './feature';
import { filtersListing } from './applies';
import { createListingCollapse } from '../shield/listing-collapse';
import { markFiltered } from '../shield/ready';
import { reportFilterState } from '../shield/report';

/**
 * Listing filter (issue 4): collapses the entries of a works list, series,
 * bookmarks, search results, eFiction browse list or FFN story list whose
 * verdict hides them. Settings changes re-judge the page live.
 */
export const listingFilter: Feature = {
  id: 'listing-filter',
  runsOn: filtersListing,
  start(context) {
    try {
      const collapse = createListingCollapse(document, new URL(location.href), context.page.site, context.page.listing!.items, (hiddenCount) =>
        reportFilterState(context.page, { hiddenCount }),
      );
      collapse.evaluate(context.settings);
      context.onCommand((command) => command === 'reveal' && collapse.revealAll());
      context.onSettings((settings) => collapse.evaluate(settings));
    } finally {
      markFiltered(document);
    }
  },
};
