// Where progress goes in an xAPI package: statements to the LRS that the TinCan launch
// names (xapi_launch.js checked it), through the queue of statement_queue.js.
//
// Statement ids are made once, when a statement is made: sending one again after an
// unknown outcome (a dropped connection, the keepalive request of a closing page, two tabs
// sending at once) stores nothing twice.
(function (cp) {
  'use strict';

  // How the player sends, and why these numbers (docs/lrs.md, "In the browser").
  var BATCH = 50;                     // statements per request at most
  var FIRST_RETRY_MS = 1000;          // backoff after a first failure...
  var MAX_BACKOFF_MS = 60000;         // ...doubling up to a minute
  var MAX_RETRY_AFTER_MS = 300000;    // an LRS asking for an hour is asked again in 5 minutes
  var REQUEST_TIMEOUT_MS = 30000;     // an LRS that never answers must not hold the send lock
  var KEEPALIVE_BYTES = 60000;        // browsers refuse keepalive bodies over 64 KiB

  // Milliseconds to wait after `failures` failures in a row (1 or more). `retryAfter` is
  // the LRS's Retry-After header as fetch() shows it: null when absent, and also when the
  // LRS is on another origin and does not list it in Access-Control-Expose-Headers. With
  // a value (seconds or an HTTP date) it is honoured, at least 1 s and at most 5 minutes.
  // Without one, exponential backoff with jitter (`random` in [0, 1)): the browsers of a
  // whole class coming back after an outage must not all call the LRS in the same second.
  cp.retryDelay = function (failures, retryAfter, random, now) {
    if (retryAfter !== null && retryAfter !== undefined && String(retryAfter).trim() !== '') {
      var text = String(retryAfter).trim();
      var ms = /^\d+$/.test(text) ? Number(text) * 1000 : Date.parse(text) - now;
      if (!isNaN(ms)) return Math.min(Math.max(ms, FIRST_RETRY_MS), MAX_RETRY_AFTER_MS);
    }
    var step = Math.min(MAX_BACKOFF_MS, FIRST_RETRY_MS * Math.pow(2, Math.max(0, failures - 1)));
    return Math.round(step / 2 + random * step / 2);
  };

  // Why the LRS refused a statement, for the console: its JSON `message` or `warnings`,
  // without the "Received '...'" parts that quote the statement's content (an e-mail
  // address, a name), and never the statement itself.
  cp.refusalReason = function (body) {
    var parsed = null;
    try { parsed = JSON.parse(body); } catch (e) { /* not JSON: say nothing of it */ }
    var parts = [];
    if (parsed && typeof parsed.message === 'string') parts.push(parsed.message);
    if (parsed && Array.isArray(parsed.warnings)) parts = parts.concat(parsed.warnings.filter(function (w) { return typeof w === 'string'; }));
    var reason = parts.map(function (part) { return part.replace(/\s*Received .*$/, ''); }).join('; ');
    return reason.length > 200 ? reason.slice(0, 199) + '…' : reason || 'no reason given';
  };

  // One tab sends at a time (Web Locks), so two tabs do not post the same statements. Where
  // there are no Web Locks (http:// pages are not a secure context) each tab sends on its
  // own; the ids keep that harmless.
  function withLock(name, work) {
    if (typeof navigator === 'undefined' || !navigator.locks || !navigator.locks.request) return Promise.resolve().then(work);
    var ran = false;
    return navigator.locks.request(name, function () { ran = true; return work(); }).catch(function (error) {
      if (ran) throw error;
      return work();  // no lock to be had (a sandboxed frame): send anyway
    });
  }

  function idsOf(statements) { return statements.map(function (s) { return s.id; }); }

  // `launch` from cp.readLaunch; `progressKey` where suspend data is kept (per
  // registration: a new registration is a new attempt); `queue` a StatementQueue;
  // `onStatus(count, waiting)` is told how many statements wait and whether the LRS
  // could not be reached (or refused the credentials) at the last attempt.
  function XapiStore(launch, progressKey, queue, onStatus) {
    this.launch = launch;
    this.progressKey = progressKey;
    this.queue = queue;
    this.onStatus = onStatus || function () {};
    this.lockName = 'coursepack-xapi-send|' + queue.prefix;
    this.limit = BATCH;         // halved by each 413
    this.suspects = 0;          // leading statements of a refused batch still to settle
    this.probe = 0;             // batch size while they are looked through
    this.echoRefused = false;   // the LRS refused the LMS's parameters: sent without them
    this.failures = 0;
    this.waiting = false;
    this.stopped = 0;           // 401, 403, 404...: nothing more until the next launch
    this.running = false;
    this.again = false;
    this.timer = null;
    this.retryAt = 0;
    var store = this;
    window.addEventListener('online', function () { store.pump(true); });
    window.addEventListener('storage', function (event) {
      if (!queue.owns(event.key)) return;
      store.status();
      // Another tab queued statements: should it close before the LRS answers, this one
      // sends them.
      if (event.newValue !== null && !store.timer && !store.running)
        store.schedule(cp.retryDelay(Math.max(store.failures, 1), null, Math.random(), Date.now()));
    });
  }

  XapiStore.prototype.open = function () {
    var saved = '';
    try { saved = window.localStorage.getItem(this.progressKey) || ''; } catch (e) { /* storage blocked */ }
    return { entry: saved ? 'resume' : 'ab-initio', suspendData: saved, location: '', masteryScore: '', studentName: this.launch.actor.name || '', status: '' };
  };

  XapiStore.prototype.save = function (view, suspendData, centiseconds, runtime, player) {
    try { window.localStorage.setItem(this.progressKey, suspendData); this.failed = false; } catch (e) { this.failed = true; cp.log('cannot save in this browser'); }
    var count = player.pendingStatements();
    if (!count) return;
    var ids = [];
    for (var i = 0; i < count; i++) ids.push(cp.uuid());
    var made = JSON.parse(player.takeStatements(JSON.stringify(this.launch.actor), this.launch.registration, new Date().toISOString(), ids.join(',')));
    // Each statement keeps the parameters of its own launch, as it keeps its registration.
    this.queue.add(made, this.launch.echo);
    this.status();
  };

  XapiStore.prototype.status = function () {
    this.onStatus(this.queue.count(), this.waiting || this.stopped !== 0);
  };

  // For the tests and for whoever debugs a learner's browser from the console.
  XapiStore.prototype.state = function () {
    return {
      queued: this.queue.count(), waiting: this.waiting, stopped: this.stopped, batchLimit: this.limit,
      echoRefused: this.echoRefused, failures: this.failures,
      retryInMs: this.timer ? Math.max(0, this.retryAt - Date.now()) : null
    };
  };

  XapiStore.prototype.post = function (statements, echo, keepalive) {
    var headers = { 'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3' };
    if (this.launch.auth) headers.Authorization = this.launch.auth;
    var init = { method: 'POST', headers: headers, body: JSON.stringify(statements), keepalive: !!keepalive };
    var url = this.launch.endpoint + 'statements' + (echo ? '?' + echo : '');
    if (keepalive) return fetch(url, init);  // its answer comes after the page is gone
    var controller = typeof AbortController === 'function' ? new AbortController() : null;
    var timer = controller && setTimeout(function () { controller.abort(); }, REQUEST_TIMEOUT_MS);
    if (controller) init.signal = controller.signal;
    // The answer as settle() reads it; the timeout covers reading the body (a refusal's reason).
    return fetch(url, init).then(function (response) {
      return response.text().then(function (body) {
        clearTimeout(timer);
        return { status: response.status, ok: response.ok, body: body, retryAfter: response.headers.get('Retry-After') };
      });
    }, function (error) { clearTimeout(timer); throw error; });
  };

  // The statements to send next: the oldest, as many as allowed, all sent with the same
  // echoed parameters (they go on the request's query string).
  XapiStore.prototype.nextBatch = function (entries) {
    var size = Math.min(this.limit, this.suspects ? Math.min(this.probe, this.suspects) : BATCH);
    var echo = this.echoRefused ? '' : entries[0].q;
    var statements = [];
    for (var i = 0; i < entries.length && statements.length < size; i++) {
      if (!this.echoRefused && entries[i].q !== echo) break;
      statements.push(entries[i].s);
    }
    return { statements: statements, echo: echo };
  };

  // Sends until the queue is empty or a request fails; resolves when done.
  XapiStore.prototype.drain = function () {
    var store = this, entries = this.queue.list();
    if (!entries.length) {
      this.failures = 0;
      this.waiting = false;
      this.status();
      return Promise.resolve();
    }
    var batch = this.nextBatch(entries);
    return this.post(batch.statements, batch.echo).then(function (response) {
      return store.settle(batch, response);
    }, function () {
      store.retryLater(null);  // offline, connection refused or dropped, CORS failure, timeout
      return false;
    }).then(function (more) { return more ? store.drain() : undefined; });
  };

  // What an answer means for the batch (xAPI-Communication.md 2.1.2, 3.2). Returns
  // true to go on sending.
  XapiStore.prototype.settle = function (batch, response) {
    var status = response.status, n = batch.statements.length;
    if (response.ok) {
      this.queue.remove(idsOf(batch.statements));
      this.failures = 0;
      this.waiting = false;
      if (this.suspects) this.suspects = Math.max(0, this.suspects - n);
      this.status();
      return true;
    }
    if (status === 413 && n > 1) {
      // Too large for this LRS: smaller batches, never the same one again.
      this.limit = Math.max(1, Math.floor(n / 2));
      cp.log('the LRS refused ' + n + ' statements in one request as too large (413); sending ' + this.limit + ' at a time');
      return true;
    }
    if ((status === 400 || status === 409) && batch.echo) {
      // An LRS MUST refuse parameters it does not know (xAPI-Communication.md 3.2): one
      // that is not the LMS's own LRS refuses the echoed ones. They are not worth a statement.
      this.echoRefused = true;
      cp.log('the LRS refused the request with the launch\'s own parameters (' + status + '); sending without them');
      return true;
    }
    if (status === 400 || status === 409 || status === 413) {
      // A batch is refused whole: halve it until the statements at fault stand alone.
      if (n > 1) {
        this.suspects = n;
        this.probe = Math.ceil(n / 2);
        return true;
      }
      cp.log('the LRS refused statement ' + batch.statements[0].id + ' (' + status + ': ' + cp.refusalReason(response.body) + '); it is not sent again');
      this.queue.remove(idsOf(batch.statements));
      if (this.suspects) this.suspects--;
      this.status();
      return true;
    }
    if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
      // Refused credentials or a wrong endpoint: asking again will not help, and the
      // statements are not at fault. They wait for the next launch.
      this.stopped = status;
      cp.log('the LRS answered ' + status + '; ' + this.queue.count() + ' statements stay queued for the next launch');
      this.status();
      return false;
    }
    this.retryLater(response.retryAfter);
    return false;
  };

  XapiStore.prototype.schedule = function (ms) {
    var store = this;
    clearTimeout(this.timer);
    this.retryAt = Date.now() + ms;
    this.timer = setTimeout(function () { store.timer = null; store.pump(true); }, ms);
  };

  XapiStore.prototype.retryLater = function (retryAfter) {
    this.failures++;
    this.waiting = true;
    this.schedule(cp.retryDelay(this.failures, retryAfter, Math.random(), Date.now()));
    this.status();
  };

  // `now`: send even if a retry is scheduled for later (the browser is back online, the
  // retry time has come). A learner's click does not cut short what the LRS asked for.
  XapiStore.prototype.pump = function (now) {
    if (this.stopped) return;
    if (this.running) { this.again = true; return; }
    if (this.timer && !now) return;
    clearTimeout(this.timer);
    this.timer = null;
    this.running = true;
    this.again = false;
    var store = this;
    withLock(this.lockName, function () { return store.drain(); }).catch(function (error) {
      cp.log('sending statements failed: ' + error);
    }).then(function () {
      store.running = false;
      // Statements made while this tab was sending or waiting for the lock.
      if (store.again && !store.timer) store.pump(false);
    });
  };

  XapiStore.prototype.commit = function () { this.pump(false); };

  // On the way out: one keepalive request with what is queued (the browser finishes it
  // after the page is gone). Its answer is never read, so the queue is kept: the next
  // launch sends again, harmlessly.
  XapiStore.prototype.finish = function () {
    if (this.stopped) return;
    var entries = this.queue.list();
    if (!entries.length) return;
    var batch = this.nextBatch(entries), body = [], bytes = 2;
    for (var i = 0; i < batch.statements.length; i++) {
      var size = new TextEncoder().encode(JSON.stringify(batch.statements[i])).length + 1;
      if (bytes + size > KEEPALIVE_BYTES) break;
      body.push(batch.statements[i]);
      bytes += size;
    }
    if (body.length) this.post(body, batch.echo, true).catch(function () {});
  };

  XapiStore.prototype.addInteractions = function () {};

  cp.XapiStore = XapiStore;
})(window.coursepack = window.coursepack || {});
