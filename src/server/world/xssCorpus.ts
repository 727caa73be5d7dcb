// Hostile strings for the `--world xss` seed and rendering tests, written by hand after the categories of the OWASP XSS
// Filter Evasion Cheat Sheet. Anything that renders user or log text should show each of these
// as inert text: no script runs, no element, attribute or URL scheme comes from them.
// Every payload that could run calls `xss()`, so a test hooks `window.xss` (and alert/confirm/
// prompt) and asserts nothing was called.

const LONG = "A".repeat(20_000);

export const xssCorpus: readonly string[] = [
  // Script tags, plain and mangled.
  `<script>xss(1)</script>`,
  `<SCRIPT SRC=//xss.example/x.js></SCRIPT>`,
  `<scr<script>ipt>xss(2)</scr</script>ipt>`,
  `<script/xss src="data:text/javascript,xss(3)"></script>`,
  `"><script>xss(4)</script>`,
  `'';!--"<XSS>=&{()}`,
  `</title></textarea></style></noscript><script>xss(5)</script>`,
  // Image and media error handlers.
  `<img src=x onerror=xss(6)>`,
  `<IMG SRC=/ onerror="xss(7)"></img>`,
  `<img src="x" onerror="&#0000120;ss(8)">`,
  `<video><source onerror="xss(9)"></video>`,
  `<audio src=x onerror=xss(10)>`,
  // SVG.
  `<svg onload=xss(11)>`,
  `<svg/onload=xss(12)//`,
  `<svg><script>xss(13)</script></svg>`,
  `<svg><animate onbegin=xss(14) attributeName=x dur=1s>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=xss(15)>`,
  // javascript: and other dangerous URL schemes.
  `<a href="javascript:xss(16)">click</a>`,
  `javascript:xss(17)`,
  `JaVaScRiPt:xss(18)`,
  `java\tscript:xss(19)`,
  `  javascript:xss(20)`,
  `javascript://https://example.com/%0axss(21)`,
  `data:text/html;base64,PHNjcmlwdD54c3MoMjIpPC9zY3JpcHQ+`,
  `vbscript:msgbox("xss")`,
  `<iframe src="javascript:xss(23)"></iframe>`,
  `<object data="javascript:xss(24)"></object>`,
  `<embed src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9eHNzKDI1KT4=">`,
  `<form><button formaction=javascript:xss(26)>x</button></form>`,
  `<meta http-equiv="refresh" content="0;url=javascript:xss(27)">`,
  `<base href="javascript:xss(28)//">`,
  `<link rel=import href="data:text/html,<script>xss(29)</script>">`,
  // Encoded variants.
  `&lt;script&gt;xss(30)&lt;/script&gt;`,
  `&#60;script&#62;xss(31)&#60;/script&#62;`,
  `&#x3C;img src=x onerror=xss(32)&#x3E;`,
  `%3Cscript%3Exss(33)%3C%2Fscript%3E`,
  `\\u003cscript\\u003exss(34)\\u003c/script\\u003e`,
  `\u003cimg src=x onerror=xss(35)\u003e`,
  `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;xss(36)">x</a>`,
  `<a href="jav&#x09;ascript:xss(37)">x</a>`,
  `<img src="jav&#x0A;ascript:xss(38)">`,
  `＜script＞xss(39)＜/script＞`,
  `+ADw-script+AD4-xss(40)+ADw-/script+AD4-`,
  // Event handlers on ordinary elements.
  `<body onload=xss(41)>`,
  `<div onmouseover="xss(42)" style="position:fixed;inset:0">hover</div>`,
  `<input autofocus onfocus=xss(43)>`,
  `<details open ontoggle=xss(44)>`,
  `<marquee onstart=xss(45)>`,
  `<select autofocus onfocus=xss(46)>`,
  `<textarea autofocus onfocus=xss(47)>`,
  `<x contenteditable onblur=xss(48)>lose focus!</x>`,
  `<style>@import 'javascript:xss(49)';</style>`,
  `<div style="background:url(javascript:xss(50))">`,
  `<div style="width:expression(xss(51))">`,
  `" onfocus="xss(52)" autofocus="`,
  `' onmouseover='xss(53)'`,
  `<template><img src=x onerror=xss(54)></template>`,
  `<noscript><p title="</noscript><img src=x onerror=xss(55)>">`,
  // Markup that breaks layout rather than running code.
  `<h1 style="font-size:500px">BIG</h1>`,
  `<table><tr><td>cell`,
  `<!-- unterminated comment`,
  `<![CDATA[<script>xss(56)</script>]]>`,
  `{{constructor.constructor('xss(57)')()}}`,
  `\${xss(58)}`,
  // Very long unbroken strings.
  LONG,
  `https://example.com/${"a".repeat(5000)}`,
  `<img src=x onerror=xss(59)>${"B".repeat(10_000)}`,
  // Bidirectional override and zero-width characters.
  `\u202Etxt.exe\u202C invoice`,
  `admin\u202E<script>xss(60)</script>`,
  `\u2066\u2067\u2068isolates\u2069`,
  `zero\u200Bwidth\u200C join\u200D er\uFEFF`,
  `java\u200Bscript:xss(61)`,
  `<scr\u200Bipt>xss(62)</scr\u200Bipt>`,
  // Control characters and NUL.
  `<scr\u0000ipt>xss(63)</scr\u0000ipt>`,
  `line\rbreak<script>xss(64)</script>`,
  `\u001b]8;;javascript:xss(65)\u001b\\click\u001b]8;;\u001b\\`,
  `\u001b[31m<img src=x onerror=xss(66)>\u001b[0m`,
];
