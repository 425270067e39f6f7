/**
 * Run by shapes.test.ts in a child Node: a story page nested `depth`
 * elements deep, parsed by happy-dom and classified, printed as one JSON line.
 * A child of its own because happy-dom's querySelector recurses once per level
 * (a browser's does not): it needs a larger stack than the test runner's.
 * FicShelf's own walkers are iterative; shapes.test.ts checks blockText at the
 * default stack size in-process.
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { classifyCatching, cpuMs } from './generators';

const [file, url, depthArg, generic] = process.argv.slice(2) as [string, string, string, string];
const depth = Number(depthArg);

const html = readFileSync(file, 'utf8');
const body = /<body[^>]*>([^]*)<\/body>/i.exec(html)?.[1] ?? html;
const nested = `<!DOCTYPE html><html><head><title>Deep</title></head><body>${'<div><span>'.repeat(depth / 2)}${body}${'</span></div>'.repeat(depth / 2)}</body></html>`;
const window = new Window({ url });
const doc = window.document as unknown as Document;
doc.write(nested);
let levels = 0;
for (let el: Element | null = doc.body; el; el = el.firstElementChild) levels++;
const c0 = cpuMs();
const { result, caught } = classifyCatching(doc, url, generic === 'true');
const classifyCpuMs = cpuMs() - c0;
const story = result.story;
console.log(
  JSON.stringify({
    levels,
    classifyCpuMs,
    caught: caught.map(String),
    kind: result.kind,
    site: result.site,
    title: story?.title,
    authors: story?.authors.map((a) => a.name),
    words: story?.chapters[0]?.words,
    textStart: story?.chapters[0]?.text.slice(0, 60),
  }),
);
// Not closed: happy-dom's teardown recurses per level; the process ends here.
