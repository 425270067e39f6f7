import { h, render, type VNode } from 'preact';
import shieldCss from '@/components/shield/shield.css?inline';

/**
 * Page-side pieces of the filters: one style element that hides what is
 * covered, and shadow-root hosts for the shield and placeholders. Hidden by
 * attribute (not by moving or removing nodes), so the site's own scripts
 * still find their elements and showing again is removing an attribute.
 */
export const COVERED = 'data-ficshelf-covered';
export const HIDDEN = 'data-ficshelf-hidden';

const PAGE_CSS = `
[${COVERED}] { display: none !important; }
[${HIDDEN}] { visibility: hidden !important; font-size: 0 !important; line-height: 0 !important; min-height: 0 !important; }
[${HIDDEN}] > :not([data-ficshelf="placeholder"]) { display: none !important; }
[${HIDDEN}] > [data-ficshelf="placeholder"] { visibility: visible !important; display: block !important; font-size: 14px !important; line-height: 1.4 !important; }
`;

export function ensurePageStyle(doc: Document): void {
  if (doc.querySelector('style[data-ficshelf="filter-style"]')) return;
  const style = doc.createElement('style');
  style.dataset.ficshelf = 'filter-style';
  style.textContent = PAGE_CSS;
  (doc.head ?? doc.documentElement).appendChild(style);
}

/** A host element with an open shadow root holding the shield styles and a rendered component. */
export function createHost(doc: Document, role: 'shield' | 'placeholder', reasons: string[]): HTMLElement {
  const host = doc.createElement('div');
  host.dataset.ficshelf = role;
  // Inline !important: no site or other extension rule (AO3 helpers fold blurbs' children) can hide or restyle it.
  host.setAttribute('style', 'all: initial; display: block !important; visibility: visible !important; font-size: 14px !important; line-height: 1.4 !important;');
  setReasons(host, reasons);
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = shieldCss;
  root.appendChild(style);
  root.appendChild(doc.createElement('div'));
  return host;
}

export function setReasons(host: HTMLElement, reasons: string[]): void {
  host.dataset.reasons = JSON.stringify(reasons);
}

export function renderInHost(host: HTMLElement, content: VNode<any> | null): void {
  const mount = host.shadowRoot?.lastElementChild;
  if (mount) render(content, mount);
}

export function removeHost(host: HTMLElement): void {
  renderInHost(host, null);
  host.remove();
}

export { h };
