/**
 * The strict checker for issue 7: does a piece of HTML (or an exported file)
 * hold anything that could run code, load from elsewhere, or clobber the
 * page's globals? Decisions, stricter than "DOMPurify's defaults":
 * - no data: URLs, except a raster image in an <img src> (it cannot run
 *   script, loads nothing, and keeps an inline picture readable offline);
 * - no style attributes or <style> in story HTML (url() beacons);
 * - no id or name attributes in story HTML (DOM clobbering);
 * - sanitised HTML must survive a second parse unchanged (mutation XSS).
 */
import { JSDOM } from 'jsdom';

const FORBIDDEN_ELEMENTS = new Set([
  'script', 'style', 'form', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'meta', 'base', 'link',
  'svg', 'math', 'input', 'button', 'textarea', 'select', 'isindex', 'portal', 'template', 'noscript', 'xmp',
  'noembed', 'noframes', 'plaintext', 'param', 'video', 'audio', 'source', 'track', 'picture', 'keygen', 'handler',
]);
/** Attributes that hold a URL (or a list of them). */
const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'cite', 'longdesc', 'codebase', 'ping', 'lowsrc', 'dynsrc', 'manifest', 'icon', 'profile', 'usemap', 'srcdoc', 'srcset', 'imagesrcset']);
const ALWAYS_FORBIDDEN_ATTRS = new Set(['style', 'srcset', 'imagesrcset', 'srcdoc', 'ping', 'action', 'formaction', 'background', 'poster', 'xmlns', 'is']);
const BAD_SCHEME = /^(javascript|vbscript|data|file|blob|filesystem|chrome|chrome-extension|moz-extension|about):/i;

const dom = new JSDOM('<!DOCTYPE html><html><body></body></html>');
export const checkerWindow = dom.window as unknown as Window;

/** As a browser reads a URL attribute: control characters and outer spaces stripped, tabs/newlines removed. */
function schemeOf(value: string): string {
  return value.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '');
}

/** A data: raster image as an img's source: allowed. */
function inlineImage(tag: string, attr: string, value: string): boolean {
  return tag === 'img' && attr === 'src' && /^data:image\/(png|gif|jpeg|webp|avif|bmp)[;,]/i.test(schemeOf(value));
}

export interface CheckOptions {
  /** Ids the exporter itself writes (chapter anchors, its own headings). */
  allowId?: (id: string) => boolean;
  /** Inside exported documents: the exporter's own head elements are checked apart. */
  skip?: (el: Element) => boolean;
}

/** Every reason the elements under `root` are not inert. */
export function elementHazards(root: ParentNode, options: CheckOptions = {}): string[] {
  const problems: string[] = [];
  const visit = (parent: ParentNode) => {
    for (const el of Array.from(parent.children)) {
      if (options.skip?.(el)) continue;
      const tag = el.localName.toLowerCase();
      if (FORBIDDEN_ELEMENTS.has(tag)) problems.push(`<${tag}>`);
      if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml') problems.push(`<${tag}> in ${el.namespaceURI}`);
      for (const attr of Array.from(el.attributes)) {
        const name = attr.name.toLowerCase();
        if (name.startsWith('on')) problems.push(`<${tag} ${name}>`);
        if (ALWAYS_FORBIDDEN_ATTRS.has(name)) problems.push(`<${tag} ${name}>`);
        if ((name === 'id' || name === 'name') && !options.allowId?.(attr.value)) problems.push(`<${tag} ${name}="${attr.value}">`);
        if (URL_ATTRS.has(name) && BAD_SCHEME.test(schemeOf(attr.value)) && !inlineImage(tag, name, attr.value)) problems.push(`<${tag} ${name}="${attr.value.slice(0, 40)}">`);
        if (/^\s*(javascript|vbscript):/i.test(attr.value)) problems.push(`<${tag} ${name}> holds a script URL`);
      }
      if (tag === 'template') visit((el as HTMLTemplateElement).content);
      visit(el);
    }
  };
  visit(root);
  return problems;
}

/** Parses an HTML fragment as an extension page would (body context). */
function parseFragment(html: string): HTMLTemplateElement {
  const template = checkerWindow.document.createElement('template');
  template.innerHTML = html;
  return template;
}

/** Story HTML (chapter text, notes) as the sanitiser left it: empty list when inert. */
export function storyHtmlHazards(html: string): string[] {
  const first = parseFragment(html);
  const problems = elementHazards(first.content);
  // Mutation XSS: what the library stores is parsed again when a page shows it.
  const once = first.innerHTML;
  const twice = parseFragment(once).innerHTML;
  if (once !== twice) problems.push('changes when parsed a second time (mutation)');
  return problems;
}

/** A plain-text field, rendered as FicShelf renders text (a text node): must stay one text node. */
export function textFieldHazards(text: string): string[] {
  const holder = checkerWindow.document.createElement('div');
  holder.textContent = text;
  const reparsed = parseFragment(holder.innerHTML);
  return reparsed.content.children.length === 0 ? [] : ['text became markup'];
}

/** A URL field (author, chapter, story, series link): http(s) only. */
export function urlFieldHazards(url: string | undefined): string[] {
  if (url === undefined || url === '') return [];
  return /^https?:\/\//i.test(url.trim()) ? [] : [`url ${url.slice(0, 60)}`];
}
