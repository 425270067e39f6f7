// @vitest-environment node
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fixturePath, htmlDocument } from '../helpers/fixtures';
import { recordFigures, resultProblems, runBytes, runDoc, type Run } from './generators';

/**
 * Pages of strange shape: empty, framesets, a story inside an iframe's
 * srcdoc. No exception, bounded CPU time, and a clear none.
 * (10,000-deep nesting overflows the stack in an adapter today, and the 20 MB
 * and 50,000-link pages are not yet measured: they join this file once fixed.)
 */

const HEADER_PAGE = 'pages/header-br-lines.html';
const HEADER_URL = 'https://example.org/fic/lost-soul.html';
const measured: Record<string, { cpuMs: number; wallMs: number; kind: string }> = {};

function sound(name: string, run: Run, boundMs: number): Run {
  measured[name] = { cpuMs: Math.round(run.classifyCpuMs), wallMs: Math.round(run.classifyMs), kind: run.result.kind };
  expect(run.caught.map(String), `${name}: adapter threw`).toEqual([]);
  expect(resultProblems(run.result), name).toEqual([]);
  expect(run.classifyCpuMs, `${name}: classify CPU ms`).toBeLessThan(boundMs);
  return run;
}

/** Classifies with and without the generic fallback; returns the run without it. */
function both(name: string, doc: Document, url: string, boundMs: number): Run {
  const plain = sound(name, runDoc(doc, url, false), boundMs);
  sound(`${name} (generic)`, runDoc(doc, url, true), boundMs);
  return plain;
}

const headerHtml = () => readFileSync(fixturePath(HEADER_PAGE), 'utf8');
const original = () => runBytes(Buffer.from(headerHtml()), HEADER_URL, false).result;

describe('empty and framed pages', () => {
  it('an empty body, an empty file and a body of white space are none', () => {
    for (const [name, html] of [['empty body', '<!DOCTYPE html><html><head><title>x</title></head><body></body></html>'], ['empty file', ''], ['white space', ' \n\t ']]) {
      const run = both(name!, htmlDocument(html!, HEADER_URL), HEADER_URL, 2_000);
      expect(run.result.kind, name).toBe('none');
    }
  });

  it('a frameset page (document.body is the frameset) is none', () => {
    const html = '<!DOCTYPE html><html><head><title>Lost Soul</title></head><frameset cols="20%,80%"><frame src="menu.html"><frame src="story.html"></frameset></html>';
    const doc = htmlDocument(html, HEADER_URL);
    expect(doc.body?.tagName).toBe('FRAMESET');
    expect(both('frameset', doc, HEADER_URL, 2_000).result.kind).toBe('none');
  });

  it('a story inside an iframe srcdoc is not read from the outer page (the frame is a page of its own)', () => {
    const srcdoc = headerHtml().replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    const doc = htmlDocument(`<!DOCTYPE html><html><body><h1>My fic</h1><iframe srcdoc="${srcdoc}"></iframe></body></html>`, HEADER_URL);
    expect(both('iframe srcdoc', doc, HEADER_URL, 2_000).result.kind).toBe('none');
  });
});

afterAll(() => {
  recordFigures('shapes', { measured });
});
