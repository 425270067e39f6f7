// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, normalizeSettings, type ReaderSettings } from '@/utils/settings';
import { loadSettings, saveSettings } from '@/utils/settings-store';
import { THEMES } from '@/utils/reader/themes';
import { OptionsApp } from '@/entrypoints/options/OptionsApp';

let container: HTMLElement;

function stubPermissions(origins: string[] = []) {
  let granted = [...origins];
  vi.spyOn(fakeBrowser.permissions, 'getAll').mockImplementation(async () => ({ origins: granted, permissions: [] }));
  const remove = vi.spyOn(fakeBrowser.permissions, 'remove').mockImplementation(async (p: { origins?: string[] }) => {
    granted = granted.filter((o) => !p.origins?.includes(o));
    return true;
  });
  for (const event of [fakeBrowser.permissions.onAdded, fakeBrowser.permissions.onRemoved]) {
    vi.spyOn(event, 'addListener').mockImplementation(() => undefined);
    vi.spyOn(event, 'removeListener').mockImplementation(() => undefined);
  }
  return { remove };
}

async function mount(hash = '#reader') {
  location.hash = hash;
  container = document.createElement('div');
  document.body.append(container);
  render(<OptionsApp />, container);
  if (hash === '#reader') await vi.waitFor(() => expect(container.querySelector('.reader-controls')).not.toBeNull());
}

const $ = <T extends Element = HTMLInputElement>(selector: string) => {
  const el = container.querySelector<T>(selector);
  if (!el) throw new Error(`no ${selector}`);
  return el;
};

/** Preact renders state changes a moment later: wait for the element to appear. */
async function find<T extends Element = HTMLInputElement>(selector: string): Promise<T> {
  return vi.waitFor(() => $<T>(selector));
}

function type(input: HTMLInputElement, value: string, event: 'input' | 'change' = 'input') {
  input.value = value;
  input.dispatchEvent(new Event(event, { bubbles: true }));
}

async function storedReader(): Promise<ReaderSettings> {
  return (await loadSettings()).reader;
}

async function expectStored(expected: Partial<ReaderSettings>) {
  await vi.waitFor(async () => expect(await storedReader()).toMatchObject(expected), { timeout: 2000 });
}

function previewRoot(): ShadowRoot {
  const root = $<HTMLElement>('[data-preview="reader"]').shadowRoot;
  if (!root) throw new Error('preview has no shadow root');
  return root;
}

/** The settings CSS in the preview, once the preview has rendered. */
async function previewStyle(): Promise<string> {
  return vi.waitFor(() => {
    const style = previewRoot().querySelector('style[data-style="reader"]');
    if (!style) throw new Error('preview not rendered yet');
    return style.textContent!;
  });
}

beforeEach(() => {
  fakeBrowser.reset();
  stubPermissions();
});

afterEach(async () => {
  render(null, container);
  container.remove();
  // Let a save that unmounting flushed land before the next test's reset.
  await new Promise((r) => setTimeout(r, 20));
  vi.restoreAllMocks();
});

describe('reader controls save what they show', () => {
  it('loads the stored settings into the form', async () => {
    await saveSettings(normalizeSettings({ reader: { fontSize: 27, theme: 'sepia', paragraphs: 'indented' } }));
    await mount();
    expect($('#fontSize-range').value).toBe('27');
    expect($('#fontSize-number').value).toBe('27');
    expect($('input[name="theme"][value="sepia"]').checked).toBe(true);
    expect($('input[name="paragraphs"][value="indented"]').checked).toBe(true);
  });

  it('sliders save their value', async () => {
    await mount();
    type($('#fontSize-range'), '23');
    type($('#lineHeight-range'), '1.85');
    type($('#width-range'), '55');
    type($('#letterSpacing-range'), '0.05');
    type($('#wordSpacing-range'), '0.25');
    await expectStored({ fontSize: 23, lineHeight: 1.85, width: 55, letterSpacing: 0.05, wordSpacing: 0.25 });
    // The number box beside each slider shows the same value.
    expect($('#width-number').value).toBe('55');
  });

  it('the number box can be typed in, and an out-of-range value is clamped when committed', async () => {
    await mount();
    type($('#fontSize-number'), '31');
    await expectStored({ fontSize: 31 });
    expect($('#fontSize-range').value).toBe('31');
    type($('#width-number'), '500');
    type($('#width-number'), '500', 'change');
    await expectStored({ width: 120 });
    expect($('#width-number').value).toBe('120');
  });

  it('a half-typed number is not clamped while typing', async () => {
    await mount();
    type($('#fontSize-number'), '2');
    expect($('#fontSize-number').value).toBe('2');
    await new Promise((r) => setTimeout(r, 250));
    expect((await storedReader()).fontSize).toBe(DEFAULT_SETTINGS.reader.fontSize);
    type($('#fontSize-number'), '25');
    await expectStored({ fontSize: 25 });
  });

  it('radio choices save theme, alignment and paragraph style', async () => {
    await mount();
    $('input[name="theme"][value="black"]').click();
    $('input[name="align"][value="justify"]').click();
    $('input[name="paragraphs"][value="indented"]').click();
    await expectStored({ theme: 'black', align: 'justify', paragraphs: 'indented' });
  });

  it('hyphenation is a checkbox', async () => {
    await mount();
    $('#hyphenate').click();
    await expectStored({ hyphenate: true });
    $('#hyphenate').click();
    await expectStored({ hyphenate: false });
  });

  it('each font choice saves, and "my own font" asks for its name', async () => {
    await mount();
    expect(container.querySelector('#customFont')).toBeNull();
    $('input[name="font"][value="dyslexic"]').click();
    await expectStored({ font: 'dyslexic' });
    $('input[name="font"][value="sans"]').click();
    await expectStored({ font: 'sans' });
    $('input[name="font"][value="custom"]').click();
    type(await find('#customFont'), 'Atkinson Hyperlegible');
    await expectStored({ font: 'custom', customFont: 'Atkinson Hyperlegible' });
    expect($('label[for="customFont"]').textContent).toBe('Font name');
  });

  it('a slider drag is written once, after it settles', async () => {
    await mount();
    const writes = vi.spyOn(fakeBrowser.storage.sync, 'set');
    for (const size of [20, 21, 22, 23, 24, 25]) type($('#fontSize-range'), String(size));
    await expectStored({ fontSize: 25 });
    const readerWrites = writes.mock.calls.filter(([item]) => 'settings.reader' in (item as object));
    expect(readerWrites).toHaveLength(1);
  });

  it('every control has a name', async () => {
    await mount();
    for (const input of container.querySelectorAll<HTMLInputElement>('.reader-controls input')) {
      const labelled = input.labels?.length || input.getAttribute('aria-label');
      expect(labelled, input.outerHTML).toBeTruthy();
    }
    expect([...container.querySelectorAll('.reader-controls fieldset legend')].map((l) => l.textContent)).toEqual(['Font', 'Theme', 'Alignment', 'Paragraphs']);
  });
});

describe('saving', () => {
  it('says when a change is saved', async () => {
    await mount();
    expect($('.save-note').textContent).toBe('Changes are saved as you make them.');
    type($('#fontSize-range'), '21');
    await vi.waitFor(() => expect($('.save-note').textContent).toContain('Saved.'));
  });

  it('says so, as an alert, when storage refuses the change', async () => {
    await mount();
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'));
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('disk full'));
    type($('#fontSize-range'), '21');
    const alert = await find<HTMLElement>('[role="alert"]');
    expect(alert.textContent).toBe('Your last change could not be saved: disk full');
  });
});

describe('reset', () => {
  it('restores the default look and keeps the site list', async () => {
    await saveSettings(
      normalizeSettings({ reader: { fontSize: 33, theme: 'dark', font: 'custom', customFont: 'Literata', align: 'justify', width: 90, alwaysOn: ['example.org'] } }),
    );
    await mount();
    expect($('#fontSize-range').value).toBe('33');
    $<HTMLButtonElement>('[data-action="reset-reader"]').click();
    const d = DEFAULT_SETTINGS.reader;
    await expectStored({ fontSize: d.fontSize, theme: d.theme, font: d.font, customFont: '', align: d.align, width: d.width, alwaysOn: ['example.org'] });
    expect($('#fontSize-range').value).toBe(String(d.fontSize));
    expect($(`input[name="theme"][value="${d.theme}"]`).checked).toBe(true);
  });
});

describe('live preview', () => {
  it('renders the sample story as reader mode does, in an open shadow root', async () => {
    await mount();
    await previewStyle();
    const root = previewRoot();
    expect(root.querySelector('.fs-title')?.textContent).toBe('The Ledger of Wick Lane');
    const text = root.querySelector('.fs-text')!;
    expect(text.querySelectorAll('p').length).toBeGreaterThanOrEqual(4);
    expect(text.querySelectorAll('hr.fs-scene-break')).toHaveLength(1);
    expect(text.querySelector('em')?.textContent).toBe('fog, light');
    // The reader's own component styles come along (vitest loads CSS files empty; the e2e checks they apply).
    expect(root.querySelector('style[data-style="article"]')).not.toBeNull();
  });

  it('its style follows the settings as they change', async () => {
    await mount();
    expect(await previewStyle()).toContain(`--fs-size: ${DEFAULT_SETTINGS.reader.fontSize}px`);
    type($('#fontSize-range'), '28');
    $('input[name="theme"][value="sepia"]').click();
    type($('#width-range'), '48');
    $('input[name="paragraphs"][value="indented"]').click();
    await vi.waitFor(async () => {
      const css = await previewStyle();
      expect(css).toContain('--fs-size: 28px');
      expect(css).toContain(`--fs-bg: ${THEMES.sepia.bg}`);
      expect(css).toContain('--fs-width: 48ch');
      expect(css).toContain('text-indent: 1.5em');
    });
  });

  it('follows the system colour scheme when the theme is "system"', async () => {
    await mount();
    const dark = window.matchMedia('(prefers-color-scheme: dark)').matches;
    expect(await previewStyle()).toContain(`--fs-bg: ${(dark ? THEMES.dark : THEMES.light).bg}`);
  });

  it('uses the custom font name in the preview', async () => {
    await mount();
    $('input[name="font"][value="custom"]').click();
    type(await find('#customFont'), 'Literata');
    await vi.waitFor(async () => expect(await previewStyle()).toMatch(/--fs-font: "Literata", /));
  });
});

describe('changes made elsewhere', () => {
  it('update the form and the preview', async () => {
    await mount();
    await saveSettings(normalizeSettings({ reader: { fontSize: 30, theme: 'dark', hyphenate: true } }));
    await vi.waitFor(async () => {
      expect($('#fontSize-range').value).toBe('30');
      expect($('input[name="theme"][value="dark"]').checked).toBe(true);
      expect($('#hyphenate').checked).toBe(true);
      expect(await previewStyle()).toContain('--fs-size: 30px');
    });
  });

  it('do not undo an edit in progress here', async () => {
    await mount();
    type($('#fontSize-range'), '22');
    // Another page changes another part while this edit waits to be saved.
    await saveSettings(normalizeSettings({ ratings: { max: 'teen' } }));
    await expectStored({ fontSize: 22 });
    expect((await loadSettings()).ratings.max).toBe('teen');
    expect($('#fontSize-range').value).toBe('22');
  });
});

describe('sites where reader mode opens by itself', () => {
  it('says so when there are none', async () => {
    await mount();
    expect($('[data-empty="always-on"]').textContent).toContain('None yet');
  });

  it('lists them, each with a remove button that saves', async () => {
    await saveSettings(normalizeSettings({ reader: { alwaysOn: ['archiveofourown.org', 'www.fanfiction.net'] } }));
    await mount();
    const items = [...container.querySelectorAll('[data-list="always-on"] li')].map((li) => li.getAttribute('data-host'));
    expect(items).toEqual(['archiveofourown.org', 'www.fanfiction.net']);
    $<HTMLButtonElement>('[data-host="archiveofourown.org"] button').click();
    await expectStored({ alwaysOn: ['www.fanfiction.net'] });
    expect(container.querySelectorAll('[data-list="always-on"] li')).toHaveLength(1);
  });
});

describe('sections', () => {
  it('opens on the library, with a clear empty state when nothing is saved', async () => {
    await mount('');
    expect((await find('[data-empty="library"]')).textContent).toContain('No saved stories yet. Open a story and press Save to library in the FicShelf button.');
    expect($('a[aria-current="page"]').getAttribute('href')).toBe('#library');
    expect(container.querySelector('.reader-controls')).toBeNull();
  });

  it('the nav moves between sections', async () => {
    await mount('#library');
    location.hash = '#sites';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await vi.waitFor(() => expect(container.querySelector('#sites-heading')).not.toBeNull());
    expect($('a[aria-current="page"]').getAttribute('href')).toBe('#sites');
    expect([...container.querySelectorAll('.options-nav a')].map((a) => a.textContent)).toEqual(['Library', 'Reader mode', 'Spoilers & ratings', 'Sites']);
  });
});

describe('sites section', () => {
  it('lists the sites the reader turned on, not the known ones, and turns one off', async () => {
    vi.restoreAllMocks();
    const { remove } = stubPermissions(['https://www.tthfanfic.org/*', '*://archiveofourown.org/*', 'http://fic.example.net/*', '*://*/*']);
    await mount('#sites');
    await vi.waitFor(() => expect(container.querySelectorAll('[data-list="enabled-sites"] li')).toHaveLength(2));
    const origins = [...container.querySelectorAll('[data-list="enabled-sites"] li')].map((li) => li.getAttribute('data-origin'));
    expect(origins).toEqual(['https://www.tthfanfic.org/*', 'http://fic.example.net/*']);
    const button = $<HTMLButtonElement>('[data-origin="https://www.tthfanfic.org/*"] button');
    expect(button.getAttribute('aria-label')).toBe('Turn off FicShelf on www.tthfanfic.org');
    button.click();
    await vi.waitFor(() => expect(container.querySelectorAll('[data-list="enabled-sites"] li')).toHaveLength(1));
    expect(remove).toHaveBeenCalledWith({ origins: ['https://www.tthfanfic.org/*'] });
  });

  it('has a clear empty state and lists the known sites', async () => {
    await mount('#sites');
    await vi.waitFor(() => expect($('[data-empty="enabled-sites"]').textContent).toContain('Enable FicShelf on this site'));
    const known = [...container.querySelectorAll('[data-list="known-sites"] li')].map((li) => li.textContent);
    expect(known).toContain('archiveofourown.org and its subdomains');
    expect(known).toContain('fanfiction.net and its subdomains');
    expect(known).toContain('hpfanficarchive.com and its subdomains');
    expect(known).toContain('archiveofourown.gay');
  });
});
