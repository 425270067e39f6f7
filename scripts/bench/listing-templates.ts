import { loadPage } from '../../tests/helpers/fixtures';
import { listingPages } from './pages';

/**
 * The markup of every work blurb on the AO3 listing fixtures (394 entries,
 * 371 works), for buildSyntheticListing's templates. Read in Node with the
 * test DOM; the page parses it back with templatesFromHtml.
 */
export function listingTemplatesHtml(): string {
  const parts: string[] = [];
  for (const page of listingPages()) {
    for (const li of loadPage(page.fixture, page.url).querySelectorAll('li.work.blurb')) parts.push(li.outerHTML);
  }
  return parts.join('\n');
}
