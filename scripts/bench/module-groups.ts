/**
 * What a module in a content script is, for the size breakdown of case 4:
 * source paths grouped into the parts a reader of the report would name.
 */
const GROUPS: Array<[string, RegExp]> = [
  ['Readability', /@mozilla\/readability/],
  ['DOMPurify', /dompurify/],
  ['Preact', /node_modules\/preact/],
  ['webextension-polyfill', /webextension-polyfill/],
  ['WXT runtime', /node_modules\/(wxt|@wxt-dev)\/|rolldown|virtual:wxt|\0/],
  ['other libraries', /node_modules/],
  ['reader UI', /entrypoints\/page\.content\/reader|components\/reader|utils\/reader/],
  ['save / library', /entrypoints\/page\.content\/save|utils\/library|components\/library/],
  ['shield + listing filter', /entrypoints\/page\.content\/shield|utils\/filters/],
  ['fandom data', /utils\/fandoms/],
  ['metadata parsers', /utils\/metadata/],
  ['site adapters', /utils\/sites/],
  ['content script glue', /entrypoints\//],
];

export function moduleGroup(id: string): string {
  for (const [name, pattern] of GROUPS) if (pattern.test(id)) return name;
  return 'shared utils';
}

/** Bytes per group, largest first. */
export function groupSizes(modules: Record<string, number>): Array<{ group: string; bytes: number }> {
  const totals = new Map<string, number>();
  for (const [id, bytes] of Object.entries(modules)) totals.set(moduleGroup(id), (totals.get(moduleGroup(id)) ?? 0) + bytes);
  return [...totals].map(([group, bytes]) => ({ group, bytes })).sort((a, b) => b.bytes - a.bytes || a.group.localeCompare(b.group));
}
