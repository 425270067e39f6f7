/**
 * Why a file cannot be a saved web page, or null when it may be one. The
 * command line reports this instead of printing "none" for an empty file or a
 * picture, so a reader who picked the wrong file is told so.
 */
export function notAPage(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return 'is empty';
  if (hasUtf16Bom(bytes)) return null;
  const head = bytes.subarray(0, 8192);
  // Text never holds NUL bytes; images, archives and executables do, early on.
  if (head.includes(0)) return 'is not a web page (binary data)';
  let control = 0;
  for (const b of head) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  return control > head.length / 20 ? 'is not a web page (binary data)' : null;
}

function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}
