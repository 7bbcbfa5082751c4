// coursepack player: the glue between the page, the WebAssembly core and the LMS.
// Decisions (scores, recommendations, what may happen next, what to report) are the
// core's; this file finds the SCORM 1.2 API, shows one screen at a time and forwards.
(function () {
  'use strict';
  var root = document.documentElement;
  root.classList.add('js');
  var $ = function (selector, scope) { return (scope || document).querySelector(selector); };
  var $$ = function (selector, scope) { return Array.prototype.slice.call((scope || document).querySelectorAll(selector)); };
  var strings = JSON.parse($('#coursepack-strings').textContent);
  var planText = $('#coursepack-plan').textContent;
  function t(key, values) {
    return strings[key].replace(/\{(\w+)\}/g, function (match, name) { return values && name in values ? values[name] : match; });
  }
  function announce(text) {
    var region = $('#announcer');
    region.textContent = '';
    setTimeout(function () { region.textContent = text; }, 50);
  }
  function log(message) { if (window.console) console.warn('coursepack: ' + message); }

  // ---- Where progress goes: the LMS's SCORM 1.2 API, or this browser -----------------

  // SCORM 1.2 RTE 3.3.6.1: look in each parent up to the top, then in the opener's chain.
  function findApiFrom(win) {
    for (var hops = 0; win && hops < 20; hops++) {
      try { if (win.API && typeof win.API.LMSInitialize === 'function') return win.API; } catch (e) { /* other origin */ }
      if (win.parent === win) break;
      win = win.parent;
    }
    return null;
  }
  function findApi() {
    var api = findApiFrom(window);
    try { if (!api && window.opener) api = findApiFrom(window.opener); } catch (e) { /* other origin */ }
    return api;
  }

  function ScormStore(api) {
    this.api = api;
    this.interactionsWork = true;
  }
  ScormStore.prototype.call = function (name, element, value) {
    var api = this.api;
    var result = element === undefined ? api[name]('') : value === undefined ? api[name](element) : api[name](element, String(value));
    var code = String(api.LMSGetLastError());
    if (code !== '0') {
      log(name + '(' + (element || '') + ') failed: error ' + code + ' ' + api.LMSGetErrorString(code));
      return { ok: false, value: result };
    }
    return { ok: true, value: result };
  };
  ScormStore.prototype.get = function (element) { return String(this.call('LMSGetValue', element).value || ''); };
  ScormStore.prototype.set = function (element, value) { return this.call('LMSSetValue', element, value).ok; };
  ScormStore.prototype.open = function () {
    if (!this.call('LMSInitialize').ok) return null;
    return {
      entry: this.get('cmi.core.entry'),
      suspendData: this.get('cmi.suspend_data'),
      location: this.get('cmi.core.lesson_location'),
      masteryScore: this.get('cmi.student_data.mastery_score'),
      studentName: this.get('cmi.core.student_name'),
      status: this.get('cmi.core.lesson_status')
    };
  };
  ScormStore.prototype.save = function (view, suspendData, sessionCentiseconds, runtime) {
    this.set('cmi.core.lesson_status', view.status);
    this.set('cmi.core.lesson_location', view.location);
    this.set('cmi.suspend_data', suspendData);
    if (view.finished) {
      this.set('cmi.core.score.min', 0);
      this.set('cmi.core.score.max', 100);
      this.set('cmi.core.score.raw', view.posttest_score.percent);
    }
    this.set('cmi.core.exit', view.finished ? '' : 'suspend');
    this.set('cmi.core.session_time', runtime.Player.sessionTime(sessionCentiseconds));
  };
  // Interactions are appended in order at cmi.interactions._count; an LMS that refuses
  // them must not stop the tracking of status and score.
  ScormStore.prototype.addInteractions = function (list) {
    if (!this.interactionsWork) return;
    for (var i = 0; i < list.length; i++) {
      var n = parseInt(this.get('cmi.interactions._count'), 10);
      if (isNaN(n)) n = 0;
      var item = list[i], at = 'cmi.interactions.' + n + '.';
      if (!this.set(at + 'id', item.id)) { this.interactionsWork = false; return; }
      this.set(at + 'objectives.0.id', item.objective);
      this.set(at + 'time', item.time);
      this.set(at + 'type', item.type);
      this.set(at + 'correct_responses.0.pattern', item.correct_pattern);
      this.set(at + 'student_response', item.student_response);
      this.set(at + 'result', item.result);
    }
  };
  ScormStore.prototype.commit = function () { this.call('LMSCommit'); };
  ScormStore.prototype.finish = function () { this.call('LMSFinish'); };

  // ---- xAPI (TinCan launch): statements to the LRS named on the launch URL ------------

  // The LMS launches index.html?endpoint=...&auth=...&actor=...&registration=...&activity_id=...
  function tincanLaunch() {
    var params = new URLSearchParams(window.location.search);
    if (!params.get('endpoint') || !params.get('actor')) return null;
    var actor;
    try { actor = JSON.parse(params.get('actor')); } catch (e) { log('launch actor is not JSON'); return null; }
    // TinCan launch actors may carry one-element arrays ({"name": ["Ada"], "mbox": [...]}).
    var one = function (v) { return Array.isArray(v) ? v[0] : v; };
    var agent = { objectType: 'Agent' };
    if (one(actor.name)) agent.name = one(actor.name);
    if (one(actor.mbox)) agent.mbox = one(actor.mbox);
    else if (one(actor.mbox_sha1sum)) agent.mbox_sha1sum = one(actor.mbox_sha1sum);
    else if (one(actor.openid)) agent.openid = one(actor.openid);
    else if (one(actor.account)) {
      var account = one(actor.account);
      agent.account = { homePage: account.homePage || account.accountServiceHomePage, name: account.name || account.accountName };
    }
    return {
      endpoint: params.get('endpoint').replace(/\/?$/, '/'),
      auth: params.get('auth') || '',
      actor: agent,
      registration: params.get('registration') || '',
      activityId: params.get('activity_id') || ''
    };
  }

  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64;
    b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  // Statements wait in a queue kept in localStorage until the LRS confirms them: they
  // survive reloads and offline periods. Ids are made once, so a resend after an unknown
  // outcome (a dropped connection, a keepalive send on the way out) changes nothing.
  function XapiStore(launch, key) {
    this.launch = launch;
    this.key = key;
    this.queueKey = key + ':xapi-queue';
    this.queue = [];
    try { this.queue = JSON.parse(window.localStorage.getItem(this.queueKey) || '[]'); } catch (e) { this.queue = []; }
    this.busy = false;
    this.delay = 1000;
    this.timer = null;
    var store = this;
    window.addEventListener('online', function () { store.pump(); });
  }
  XapiStore.prototype.open = function () {
    var saved = '';
    try { saved = window.localStorage.getItem(this.key) || ''; } catch (e) { /* storage blocked */ }
    return { entry: saved ? 'resume' : 'ab-initio', suspendData: saved, location: '', masteryScore: '', studentName: this.launch.actor.name || '', status: '' };
  };
  XapiStore.prototype.persist = function () {
    try { window.localStorage.setItem(this.queueKey, JSON.stringify(this.queue)); } catch (e) { log('cannot keep the statement queue'); }
  };
  XapiStore.prototype.save = function (view, suspendData, centiseconds, runtime, player) {
    try { window.localStorage.setItem(this.key, suspendData); } catch (e) { log('cannot save in this browser'); }
    var count = player.pendingStatements();
    if (!count) return;
    var ids = [];
    for (var i = 0; i < count; i++) ids.push(uuid());
    var made = JSON.parse(player.takeStatements(JSON.stringify(this.launch.actor), this.launch.registration, new Date().toISOString(), ids.join(',')));
    this.queue = this.queue.concat(made);
    this.persist();
  };
  XapiStore.prototype.request = function (batch, keepalive) {
    var headers = { 'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3' };
    if (this.launch.auth) headers.Authorization = this.launch.auth;
    return fetch(this.launch.endpoint + 'statements', { method: 'POST', headers: headers, body: JSON.stringify(batch), keepalive: !!keepalive });
  };
  XapiStore.prototype.forget = function (batch) {
    var sent = {};
    batch.forEach(function (statement) { sent[statement.id] = true; });
    this.queue = this.queue.filter(function (statement) { return !sent[statement.id]; });
    this.persist();
  };
  XapiStore.prototype.retryLater = function (seconds) {
    var store = this;
    this.busy = false;
    clearTimeout(this.timer);
    this.timer = setTimeout(function () { store.pump(); }, seconds ? seconds * 1000 : this.delay);
    this.delay = Math.min(this.delay * 2, 60000);
  };
  XapiStore.prototype.pump = function () {
    if (this.busy || !this.queue.length) return;
    this.busy = true;
    var store = this, batch = this.queue.slice(0, this.single ? 1 : 50);
    this.request(batch).then(function (response) {
      if (response.ok) {
        store.forget(batch);
        store.busy = false;
        store.delay = 1000;
        if (store.single && batch.length === 1) store.single = false;
        store.pump();
      } else if (response.status === 400 || response.status === 409) {
        // A batch is refused whole: find the statement at fault one by one, report it,
        // and let the others through.
        if (batch.length > 1) { store.single = true; store.busy = false; store.pump(); return; }
        response.text().then(function (body) { log('LRS refused statement ' + batch[0].id + ' (' + response.status + '): ' + body); });
        store.forget(batch);
        store.single = false;
        store.busy = false;
        store.pump();
      } else if (response.status === 401 || response.status === 403) {
        log('LRS refused the credentials (' + response.status + '); statements stay queued');
        store.busy = false;
      } else {
        store.retryLater(parseInt(response.headers.get('Retry-After'), 10) || 0);
      }
    }, function () { store.retryLater(0); });
  };
  XapiStore.prototype.commit = function () { this.pump(); };
  // On the way out: one keepalive request with what is queued (the browser finishes it
  // after the page is gone). The queue is kept: the next launch resends, harmlessly.
  XapiStore.prototype.finish = function () {
    if (this.queue.length) this.request(this.queue.slice(0, 50), true).catch(function () {});
  };
  XapiStore.prototype.addInteractions = function () {};

  // Standalone: no LMS, progress kept in localStorage and said so on screen.
  function LocalStore(key) { this.key = key; }
  LocalStore.prototype.open = function () {
    var saved = '';
    try { saved = window.localStorage.getItem(this.key) || ''; } catch (e) { /* storage blocked */ }
    return { entry: saved ? 'resume' : 'ab-initio', suspendData: saved, location: '', masteryScore: '', studentName: '', status: '' };
  };
  LocalStore.prototype.save = function (view, suspendData) {
    try { window.localStorage.setItem(this.key, suspendData); } catch (e) { log('cannot save in this browser'); }
  };
  LocalStore.prototype.addInteractions = function () {};
  LocalStore.prototype.commit = function () {};
  LocalStore.prototype.finish = function () {};

  // ---- The player -------------------------------------------------------------------

  function start(runtime) {
    var player = new runtime.Player(planText);
    if (player.error()) throw new Error(player.error());
    var planLines = planText.split('\n');
    var localKey = 'coursepack:' + planLines[1] + ':' + planLines[2] + ':' + root.lang;
    var tincan = tincanLaunch();
    var api = tincan ? null : findApi();
    var store = tincan ? new XapiStore(tincan, localKey + ':' + tincan.registration)
      : api ? new ScormStore(api) : new LocalStore(localKey);
    var launch = store.open();
    if (!launch) { store = new LocalStore(localKey); launch = store.open(); api = null; }
    if (!api && !tincan) {
      var banner = $('#mode-banner');
      banner.textContent = t('standalone');
      banner.hidden = false;
    }
    if (launch.studentName) {
      // SCORM 1.2 gives "Last, First"; people read "First Last".
      var parts = launch.studentName.split(',');
      var name = $('#learner-name');
      name.textContent = parts.length === 2 ? parts[1].trim() + ' ' + parts[0].trim() : launch.studentName;
      name.hidden = false;
    }
    var refused = player.restore(launch.suspendData, (Math.random() * 4294967296) >>> 0);
    if (refused) log('saved progress not used (' + refused + '); the LMS had the learner at "' + launch.location + '"');
    player.setMasteryScore(launch.masteryScore);

    var sessionStart = Date.now(), lastSave = sessionStart, finished = false, reviewing = false;
    var view = JSON.parse(player.view());

    function secondsOfDay() { var d = new Date(); return d.getHours() * 3600 + d.getMinutes() * 60 + d.getSeconds(); }
    function save(commit) {
      var now = Date.now();
      player.addSeconds(Math.floor((now - lastSave) / 1000));
      lastSave = now - (now - lastSave) % 1000;
      view = JSON.parse(player.view());
      store.save(view, player.suspendData(), Math.round((now - sessionStart) / 10), runtime, player);
      if (commit) store.commit();
    }
    function act(result, focus) {
      if (result) { log(result); return false; }
      save(true);
      render(focus);
      return true;
    }

    function render(focus) {
      view = JSON.parse(player.view());
      var screen = { home: 'home', pretest: 'quiz', posttest: 'quiz', results: 'results', lessons: 'lessons', finished: reviewing ? 'lessons' : 'final' }[view.phase];
      $$('.screen').forEach(function (section) { section.hidden = section.id !== 'screen-' + screen; });
      var heading;
      if (screen === 'home') heading = $('#home-title');
      if (screen === 'quiz') heading = renderQuiz();
      if (screen === 'results') heading = renderResults();
      if (screen === 'lessons') heading = renderLessons();
      if (screen === 'final') heading = renderFinal();
      if (focus && heading) heading.focus();
    }

    function renderQuiz() {
      var post = view.phase === 'posttest', answers = post ? view.posttest : view.pretest;
      var title = $('#quiz-title');
      title.textContent = t(post ? 'posttest_title' : 'pretest_title');
      $$('#quiz-form fieldset').forEach(function (fieldset, q) {
        var box = $('.choices', fieldset);
        var order = post ? view.posttest_order[q] : view.posttest_order[q].slice().sort(function (a, b) { return a - b; });
        order.forEach(function (choice) { box.appendChild($('[data-choice="' + choice + '"]', box)); });
        $$('input', fieldset).forEach(function (input) { input.checked = parseInt(input.value, 10) === answers[q]; });
        fieldset.classList.remove('missing');
      });
      return title;
    }

    function lessonTitle(i) { return $('#lesson-menu a[data-lesson="' + i + '"]').textContent; }

    function renderResults() {
      var score = view.pretest_score, list = $('#results-lessons');
      $('#results-score').textContent = t('score_line', score);
      var required = view.mandatory.filter(Boolean).length;
      var threshold = parseInt(planLines[3].split(' ')[1], 10);
      $('#results-explain').textContent = required === 0 ? t('none_required')
        : score.percent < threshold ? t('all_required', { threshold: threshold }) : t('some_required');
      list.textContent = '';
      view.mandatory.forEach(function (isRequired, i) {
        if (!isRequired) return;
        var item = document.createElement('li');
        item.textContent = lessonTitle(i);
        list.appendChild(item);
      });
      return $('#results-title');
    }

    function tagsFor(i) {
      var tags = '';
      if (view.mandatory[i]) tags += '<span class="tag required">' + t('required') + '</span>';
      if (view.viewed[i]) tags += '<span class="tag viewed">' + t('viewed') + '</span>';
      return tags;
    }

    function renderLessons() {
      $$('#lesson-menu li').forEach(function (item, i) {
        $('.tags', item).innerHTML = tagsFor(i);
        var link = $('a', item);
        if (i === view.lesson) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
      });
      var current;
      $$('article.lesson').forEach(function (article, i) {
        article.hidden = i !== view.lesson;
        $('.progress .tags', article).innerHTML = tagsFor(i);
        if (i === view.lesson) current = article;
      });
      var gate = $('#posttest-gate'), button = $('[data-action="posttest"]');
      button.hidden = view.finished;
      gate.hidden = view.finished;
      button.disabled = !view.posttest_allowed;
      gate.textContent = view.posttest_allowed ? t('posttest_ready') : t('lessons_left', { n: view.lessons_left });
      return current ? $('.lesson-title', current) : null;
    }

    function renderFinal() {
      var post = view.posttest_score, pre = view.pretest_score;
      $('#final-status').textContent = t(view.passed ? 'passed' : 'failed', { percent: post.percent, mastery: view.mastery_score });
      $('#final-pre').textContent = pre.percent + ' %';
      $('#final-post').textContent = post.percent + ' %';
      $('#final-gain').textContent = t('points', { n: (view.gain > 0 ? '+' : '') + view.gain });
      return $('#final-title');
    }

    // ---- Events -----------------------------------------------------------------------

    document.addEventListener('click', function (event) {
      var target = event.target.closest('[data-action], #lesson-menu a');
      if (!target) return;
      var action = target.getAttribute('data-action');
      if (!action) { event.preventDefault(); action = 'open'; }
      if (action === 'start') act(player.startPretest(), true);
      if (action === 'lessons') act(player.continueToLessons(), true);
      if (action === 'posttest') act(player.startPosttest(), true);
      if (action === 'review') { reviewing = true; act(player.openLesson(view.lesson), true); }
      if (action === 'open') act(player.openLesson(parseInt(target.getAttribute('data-lesson'), 10)), true);
    });

    $('#quiz-form').addEventListener('change', function (event) {
      var fieldset = event.target.closest('fieldset');
      if (!fieldset || event.target.name === undefined) return;
      player.answer(parseInt(fieldset.getAttribute('data-question'), 10), parseInt(event.target.value, 10));
      fieldset.classList.remove('missing');
      save(false);  // kept for resume; committed at the next step, not on every click
    });

    $('#quiz-form').addEventListener('submit', function (event) {
      event.preventDefault();
      var kind = view.phase === 'posttest' ? 1 : 0;
      var refused = player.submit();
      if (refused) {
        var answers = kind ? view.posttest : view.pretest, missing = [];
        $$('#quiz-form fieldset').forEach(function (fieldset, q) {
          var unanswered = answers[q] < 0;
          fieldset.classList.toggle('missing', unanswered);
          if (unanswered) missing.push(fieldset);
        });
        announce(t('answer_all', { n: missing.length }));
        if (missing.length) $('input', missing[0]).focus();
        return;
      }
      store.addInteractions(JSON.parse(player.interactions(kind, secondsOfDay())));
      save(true);
      render(true);
      announce(kind ? $('#final-status').textContent : t('score_line', view.pretest_score));
    });

    // Moodle's player frame blocks `unload`, and browsers refuse synchronous requests on
    // the way out: save when the page is hidden, finish when it goes.
    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState === 'hidden' && !finished) save(true);
    });
    window.addEventListener('pagehide', function () {
      if (finished) return;
      player.terminate();
      save(true);
      finished = true;
      store.finish();
    });

    save(true);  // the status leaves "not attempted" from the first launch on
    render(false);
    window.coursepackPlayer = { view: function () { return JSON.parse(player.view()); } };
  }

  function fail(error) {
    log('player failed to start: ' + error);
    root.classList.remove('js');
    var banner = $('#mode-banner');
    banner.textContent = t('runtime_failed');
    banner.hidden = false;
  }

  try {
    window.CoursepackRuntime().then(function (runtime) {
      try { start(runtime); } catch (error) { fail(error); }
    }, fail);
  } catch (error) {
    fail(error);
  }
})();
