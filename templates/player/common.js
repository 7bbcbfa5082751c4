// coursepack player, shared helpers. The player is a few plain scripts loaded in order (no
// bundler, no modules: an LMS may serve the package from anywhere, file:// included);
// they meet in one namespace, window.coursepack. Nothing here touches the page on load,
// so the files without DOM work (launch, queue) also load under node for their tests.
(function (cp) {
  'use strict';
  cp.$ = function (selector, scope) { return (scope || document).querySelector(selector); };
  cp.$$ = function (selector, scope) { return Array.prototype.slice.call((scope || document).querySelectorAll(selector)); };

  var strings = null;
  // The page's UI strings (module_pages.cc writes the ones the script needs).
  cp.t = function (key, values) {
    if (!strings) strings = JSON.parse(cp.$('#coursepack-strings').textContent);
    return strings[key].replace(/\{(\w+)\}/g, function (match, name) { return values && name in values ? values[name] : match; });
  };
  // A count in a sentence: `key_FORM`, FORM the CLDR category of the page language's plural
  // rules (French "0 résultat", Polish "2 wyniki" few, "5 wyników" many). A strings file
  // writes only the forms its language reaches with whole counts (docs/typography.md), so a
  // missing one ("many" in French, for millions) reads as `key_other`.
  cp.tn = function (key, n) {
    var form = n === 1 ? 'one' : 'other';
    try { form = new Intl.PluralRules(document.documentElement.lang).select(n); } catch (e) { /* no Intl: English rule */ }
    if (!strings) strings = JSON.parse(cp.$('#coursepack-strings').textContent);
    var name = key + '_' + form;
    return cp.t(name in strings ? name : key + '_other', { n: n });
  };

  cp.announce = function (text) {
    var region = cp.$('#announcer');
    region.textContent = '';
    setTimeout(function () { region.textContent = text; }, 50);
  };
  cp.log = function (message) { if (typeof console !== 'undefined') console.warn('coursepack: ' + message); };

  cp.uuid = function () {
    if (crypto.randomUUID) return crypto.randomUUID();
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64;   // version 4
    b[8] = (b[8] & 63) | 128;  // RFC 4122 variant
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  };
})(window.coursepack = window.coursepack || {});
