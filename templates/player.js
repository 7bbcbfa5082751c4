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
    var api = findApi();
    var store = api ? new ScormStore(api) : new LocalStore('coursepack:' + planLines[1] + ':' + planLines[2] + ':' + root.lang);
    var launch = store.open();
    if (!launch) { store = new LocalStore('coursepack:' + planLines[1] + ':' + planLines[2] + ':' + root.lang); launch = store.open(); api = null; }
    if (!api) {
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
      store.save(view, player.suspendData(), Math.round((now - sessionStart) / 10), runtime);
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
