import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '@/entrypoints/background';
import { isMessage } from '@/utils/messages';

describe('reader mode messages', () => {
  beforeEach(() => fakeBrowser.reset());

  it('opens the options page for the reader\'s Settings button (content scripts cannot)', async () => {
    const open = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue(undefined as never);
    expect(isMessage({ type: 'ficshelf:open-options' })).toBe(true);
    expect(await handleMessage({ type: 'ficshelf:open-options' }, { tab: { id: 3 } })).toEqual({ ok: true });
    expect(open).toHaveBeenCalledTimes(1);
  });
});
