import type { Feature } from './feature';
import { shieldsStory } from './applies';
import { updateSettings } from '@/utils/settings-store';
import { createStoryShield } from '../shield/story-shield';
import { markFiltered } from '../shield/ready';
import { reportFilterState } from '../shield/report';

/**
 * Spoiler and rating shield (issue 4): covers a story page whose verdict
 * hides it, before the early content script lets the text show. Reasons and
 * choices (show once, always show, "I've seen it") are on the shield; the
 * `reveal` command shows it too.
 */
export const spoilerShield: Feature = {
  id: 'spoiler-shield',
  runsOn: shieldsStory,
  start(context) {
    try {
      const shield = createStoryShield({
        doc: document,
        story: context.page.story!,
        site: context.page.site,
        update: updateSettings,
        onChange: (covered) => reportFilterState(context.page, { covered }),
      });
      shield.evaluate(context.settings);
      context.onCommand((command) => command === 'reveal' && shield.reveal());
      context.onSettings((settings) => shield.evaluate(settings));
    } finally {
      // Covered or not (or failed), the page's early hiding has done its job.
      markFiltered(document);
    }
  },
};
