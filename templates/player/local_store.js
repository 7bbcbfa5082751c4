// Where progress goes with no LMS (or a launch that was refused): this browser's
// localStorage, and nothing is reported anywhere. `failed` is set when the browser refuses
// it (storage blocked, or full): main.js then says that progress is not kept.
(function (cp) {
  'use strict';
  function LocalStore(key) { this.key = key; }
  LocalStore.prototype.open = function () {
    var saved = '';
    try { saved = window.localStorage.getItem(this.key) || ''; } catch (e) { this.failed = true; }
    return { entry: saved ? 'resume' : 'ab-initio', suspendData: saved, location: '', masteryScore: '', studentName: '', status: '' };
  };
  LocalStore.prototype.save = function (view, suspendData) {
    if (!view.save_progress) return;
    try { window.localStorage.setItem(this.key, suspendData); this.failed = false; } catch (e) { this.failed = true; cp.log('cannot save in this browser'); }
  };
  LocalStore.prototype.addInteractions = function () {};
  LocalStore.prototype.commit = function () {};
  LocalStore.prototype.finish = function () {};
  cp.LocalStore = LocalStore;
})(window.coursepack = window.coursepack || {});
