// Writes the page as one file: web/index.html with its stylesheet, its
// script and the compiled engine (eds3-page.js, the WebAssembly inside)
// put in place of the markers. Deterministic: the output depends only on
// the input files.
//   node inline.mjs WEB_DIR ENGINE_JS OUT_HTML
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [webDir, engineJs, outHtml] = process.argv.slice(2);
const read = (path) => readFileSync(path, 'utf8');

// Text inside <script> must not close the element early.
const scriptSafe = (text) => text.replace(/<\/(script)/gi, '<\\/$1');

let html = read(join(webDir, 'index.html'));
const parts = {
  '/*INLINE style.css*/': read(join(webDir, 'style.css')),
  '/*INLINE eds3-page.js*/': scriptSafe(read(engineJs)),
  '/*INLINE app.js*/': scriptSafe(read(join(webDir, 'app.js'))),
};
for (const [marker, text] of Object.entries(parts)) {
  if (!html.includes(marker)) throw new Error(`index.html lacks ${marker}`);
  html = html.split(marker).join(text);
}
writeFileSync(outHtml, html);
