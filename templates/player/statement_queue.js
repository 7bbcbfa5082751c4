// The statements waiting for the LRS, kept in localStorage until the LRS confirms them, so
// they survive reloads, offline periods and closed tabs.
//
// One key per statement, never one value for the whole queue: two tabs of the same course
// share this storage, and a queue read, changed and written back by each tab loses what
// the other wrote in between (issue 7: two tabs offline lost 7 of 17). Adding a statement
// writes its own key, sending removes its own key: no read-modify-write, nothing to lock.
// (Sending is serialised across tabs with Web Locks in xapi_store.js, to save requests.)
//
// Queues are named by LRS endpoint, learner and module, not by registration: statements
// made under one registration are still sent after the LMS relaunches with another, each
// with the registration it was made with.
(function (cp) {
  'use strict';

  // `storage`: window.localStorage (tests pass a stand-in). `name` identifies the queue.
  function StatementQueue(storage, name) {
    this.storage = storage;
    this.prefix = 'coursepack-xapi-queue|' + name + '|';
    this.sequence = 0;
  }
  StatementQueue.nameFor = function (endpoint, actorKey, activity) {
    return [endpoint, actorKey, activity].map(encodeURIComponent).join('|');
  };

  // Adds statements (each with an id) that go with the query string `echo`. Returns false
  // when the browser refused to store them (storage full or blocked).
  StatementQueue.prototype.add = function (statements, echo) {
    var now = Date.now();
    try {
      for (var i = 0; i < statements.length; i++) {
        var entry = { t: now, n: this.sequence++, q: echo || '', s: statements[i] };
        this.storage.setItem(this.prefix + statements[i].id, JSON.stringify(entry));
      }
      return true;
    } catch (e) {
      cp.log('cannot keep statements for the LRS in this browser (' + e.name + ')');
      return false;
    }
  };

  function keysOf(queue) {
    var keys = [], storage = queue.storage;
    try {
      for (var i = 0; i < storage.length; i++) {
        var key = storage.key(i);
        if (key !== null && key.lastIndexOf(queue.prefix, 0) === 0) keys.push(key);
      }
    } catch (e) { /* storage blocked: nothing queued */ }
    return keys;
  }

  StatementQueue.prototype.count = function () { return keysOf(this).length; };

  var reported = {};  // unreadable keys already logged
  // Every entry {t, n, q, s}, oldest first (several tabs may add in the same millisecond:
  // their order among themselves does not matter, only that each tab's stays in order).
  StatementQueue.prototype.list = function () {
    var queue = this, storage = this.storage;
    var entries = [];
    keysOf(this).forEach(function (key) {
      var entry = null;
      try { entry = JSON.parse(storage.getItem(key)); } catch (e) { /* below */ }
      if (entry && entry.s && typeof entry.s.id === 'string') {
        entries.push(entry);
      } else if (storage.getItem(key) !== null && !reported[key]) {
        reported[key] = true;  // said once, not at every attempt to send
        cp.log('unreadable queued statement ' + key.slice(queue.prefix.length) + ' left in place');
      }
    });
    return entries.sort(function (a, b) { return a.t - b.t || a.n - b.n || (a.s.id < b.s.id ? -1 : 1); });
  };

  StatementQueue.prototype.remove = function (ids) {
    for (var i = 0; i < ids.length; i++) {
      try { this.storage.removeItem(this.prefix + ids[i]); } catch (e) { /* sent again next time: harmless */ }
    }
  };

  // Did this storage event (from another tab) touch this queue?
  StatementQueue.prototype.owns = function (key) { return typeof key === 'string' && key.lastIndexOf(this.prefix, 0) === 0; };

  // Queues of players before this one: one JSON array per module, language and
  // registration, under "<legacyPrefix><registration>:xapi-queue". Their statements
  // join this queue, so an update of the package loses none.
  StatementQueue.prototype.adoptLegacy = function (legacyPrefix) {
    var storage = this.storage, found = [];
    try {
      for (var i = 0; i < storage.length; i++) {
        var key = storage.key(i);
        if (key !== null && key.lastIndexOf(legacyPrefix, 0) === 0 && /:xapi-queue$/.test(key)) found.push(key);
      }
    } catch (e) { return; }
    for (var k = 0; k < found.length; k++) {
      var statements;
      try { statements = JSON.parse(storage.getItem(found[k]) || '[]'); } catch (e) { continue; }
      if (Array.isArray(statements) && this.add(statements.filter(function (s) { return s && s.id; }), ''))
        storage.removeItem(found[k]);
    }
  };

  // localStorage, or, where the browser blocks it (a third-party frame with third-party
  // storage blocked), a stand-in that lasts as long as the page: statements are then
  // still sent, but a reload loses those not yet delivered.
  StatementQueue.storage = function () {
    try {
      var storage = window.localStorage;
      storage.getItem('coursepack-xapi-queue');
      return storage;
    } catch (e) {
      cp.log('this browser keeps nothing for this page (' + e.name + '): statements wait in memory only');
    }
    var map = {};
    return {
      get length() { return Object.keys(map).length; },
      key: function (i) { var keys = Object.keys(map); return i < keys.length ? keys[i] : null; },
      getItem: function (key) { return Object.prototype.hasOwnProperty.call(map, key) ? map[key] : null; },
      setItem: function (key, value) { map[key] = String(value); },
      removeItem: function (key) { delete map[key]; }
    };
  };

  cp.StatementQueue = StatementQueue;
})(window.coursepack = window.coursepack || {});
