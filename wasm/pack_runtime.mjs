// Writes coursepack-runtime.js, the one file every package carries for the runtime:
// Emscripten's glue followed by the WebAssembly module as a JS string, one character per
// byte (U+0000 to U+00FF), handed to the glue as Module.wasmBinary.
//
// Why not a separate .wasm file: browsers refuse to fetch one from file://, and an LMS may
// serve it with a MIME type WebAssembly's streaming compile rejects. Why not Emscripten's
// SINGLE_FILE: its base64 hides the module's byte patterns from gzip (39.6 KB gzip where
// the module alone is 29.7 KB); a string of the bytes themselves keeps them, and gzips to
// within 3% of the module. Bytes 0x80-0xFF take two bytes each in UTF-8, so the file must
// be read as UTF-8 whatever charset a server claims: it starts with a byte order mark,
// which wins over the HTTP header, and the loader checks the length it got.
//
// Usage: node pack_runtime.mjs glue.js module.wasm out.js
import { readFileSync, writeFileSync, renameSync } from 'node:fs';

const [gluePath, wasmPath, outPath] = process.argv.slice(2);
const glue = readFileSync(gluePath, 'utf8');
const bytes = readFileSync(wasmPath);

// Only what a double-quoted string literal cannot hold is escaped. A NUL stays raw: it is
// legal in a string literal and common in a wasm module.
const escapes = { 0x22: '\\"', 0x5c: '\\\\', 0x0a: '\\n', 0x0d: '\\r' };
let text = '';
for (const byte of bytes) text += escapes[byte] ?? String.fromCharCode(byte);

const loader = `
(function (create) {
  var text = "${text}";
  CoursepackRuntime = function () {
    if (text.length !== ${bytes.length}) {
      return Promise.reject(new Error('coursepack-runtime.js was not read as UTF-8 (' + text.length + ' bytes of WebAssembly, ${bytes.length} expected)'));
    }
    var wasm = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) wasm[i] = text.charCodeAt(i);
    return create({ wasmBinary: wasm });
  };
})(CoursepackRuntime);
`;
// Written beside and renamed, so a failed run never leaves half a runtime to embed.
writeFileSync(outPath + '.tmp', '\ufeff' + glue.trimEnd() + '\n' + loader, 'utf8');
renameSync(outPath + '.tmp', outPath);
