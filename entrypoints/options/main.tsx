import { render } from 'preact';
import { installDomPurify } from '@/utils/dompurify';
import '@/components/theme.css';
import './options.css';
import { fontFaceCss } from '@/utils/reader/css';
import { OptionsApp } from './OptionsApp';
import { registerAllGuides } from '@/utils/fandoms/all-guides';

// Extension pages show spoiler reasons and episode pickers: every guide, at once.
registerAllGuides();

// Story HTML (saved, or read from fetched pages) is sanitised where it is shown: this page brings DOMPurify.
installDomPurify();

/** OpenDyslexic for the preview: Chrome ignores @font-face inside a shadow root, so it is declared on the page. */
function declareBundledFonts(): void {
  const style = document.createElement('style');
  style.dataset.ficshelf = 'fonts';
  style.textContent = fontFaceCss(browser.runtime.getURL('/'));
  document.head.append(style);
}

declareBundledFonts();
render(<OptionsApp />, document.getElementById('app')!);
