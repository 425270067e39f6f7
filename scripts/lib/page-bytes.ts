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
  // A download cut mid-character still is UTF-8: ignore an incomplete sequence in the last 3 bytes.
  let end = bytes.length;
  for (let k = 1; k <= 3 && end - k >= 0; k++) {
    const b = bytes[end - k]!;
    if (b < 0x80) break; // ASCII: the text ends whole
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      if (k < need) end -= k; // the lead byte of a character whose tail is missing
      break;
    }
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}
