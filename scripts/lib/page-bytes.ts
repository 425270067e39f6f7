import { JSDOM, VirtualConsole } from 'jsdom';

/**
 * Builds the DOM a browser would for a saved page. Story sites send
 * "charset=utf-8" in their HTTP headers, which a saved file loses; a file that
 * declares no charset but is valid UTF-8 is read as UTF-8 (jsdom would
 * otherwise fall back to windows-1252 and garble every curly quote).
 */
export function domFromBytes(bytes: Buffer, url: string): JSDOM {
  const options = { url, contentType: 'text/html', virtualConsole: new VirtualConsole() };
  if (!declaresCharset(bytes) && isUtf8(bytes)) return new JSDOM(bytes.toString('utf8').replace(/^\uFEFF/, ''), options);
  return new JSDOM(bytes, options);
}

export function declaresCharset(bytes: Buffer): boolean {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return true;
  if ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe)) return true;
  const head = bytes.subarray(0, 2048).toString('latin1');
  return /<meta[^>]+charset\s*=/i.test(head);
}

export function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
