// coursepack player: the glue between the page, the WebAssembly core and the LMS.
// Decisions (scores, recommendations, what may happen next, what to report) are the
// core's; this file picks where progress goes (an xAPI launch, the SCORM 1.2 API, this
// browser), wires the page's events to the core and saves after each step.
(function (cp) {
  'use strict';
  var $ = cp.$, $$ = cp.$$, t = cp.t, log = cp.log;
  var root = document.documentElement;
  root.classList.add('js');
  var planText = $('#coursepack-plan').textContent;
  // A click on the home screen's start button before the runtime is ready is kept and
  // done once it is: the button is usable from the first paint.
  var early = null;
  function keepEarly(event) { if (event.target.closest('[data-action="start"]')) early = 'start'; }
  document.addEventListener('click', keepEarly);

  // An xAPI launch if the URL has one (checked: a refused launch reports nothing and
  // keeps progress in this browser), else the LMS's SCORM API, else this browser.
  function chooseStore(player, planLines) {
    var localKey = 'coursepack:' + planLines[1] + ':' + planLines[2] + ':' + root.lang;
    var read = cp.readLaunch(window.location.search);
    if (read && read.error) {
      log('launch refused: ' + read.error.parameter + ' ' + read.error.reason + '. Nothing is sent to the LRS; ' +
          'statements queued by earlier launches stay queued for the next valid one.');
      cp.showLaunchError(read.error.parameter);
      return { store: new cp.LocalStore(localKey), mode: 'refused' };
    }
    if (read) {
      var launch = read.launch;
      player.setLaunch(launch.activityId, launch.grouping, launch.platform);
      var queue = new cp.StatementQueue(cp.StatementQueue.storage(),
        cp.StatementQueue.nameFor(launch.endpoint, launch.actorKey, planLines[1] + ':' + planLines[2]));
      queue.adoptLegacy(localKey + ':');
      return { store: new cp.XapiStore(launch, localKey + ':' + launch.registration, queue, cp.renderQueueStatus), mode: 'xapi' };
    }
    var api = cp.findScormApi();
    return api ? { store: new cp.ScormStore(api), mode: 'scorm' } : { store: new cp.LocalStore(localKey), mode: 'local' };
  }

  function start(runtime) {
    var player = new runtime.Player(planText);
    if (player.error()) throw new Error(player.error());
    var planLines = planText.split('\n');
    var threshold = parseInt(planLines[3].split(' ')[1], 10);
    var chosen = chooseStore(player, planLines), store = chosen.store;
    var launch = store.open();
    if (!launch) { store = new cp.LocalStore('coursepack:' + planLines[1] + ':' + planLines[2] + ':' + root.lang); launch = store.open(); chosen.mode = 'local'; }
    if (chosen.mode === 'local') cp.showBanner(t('standalone'));
    // Storage that fails is said, in place of "saved in this browser": never a promise of
    // progress kept that a reload would break.
    function checkStorage() {
      if (store.failed) cp.showBanner(t(chosen.mode === 'scorm' ? 'lms_refused' : 'storage_failed'));
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
    player.setLmsMode(launch.lessonMode || '', launch.credit || '');

    var sessionStart = Date.now(), lastSave = sessionStart, finished = false, commitTimer = null;
    var wanted = null;  // the screen the learner asked for; null: the one the core's phase gives
    var view = JSON.parse(player.view());
    // The LMS's mode changes what counts: said once, at the top of every screen.
    var modeNote = view.lesson_mode !== 'normal' ? 'mode_' + view.lesson_mode : view.credit ? '' : 'mode_no_credit';
    if (modeNote) cp.showBanner(t(modeNote));
    // Saved progress that no longer fits the module (a re-upload changed the quiz) starts
    // the module again: said after whatever the banner already says, not silent.
    if (refused && launch.suspendData) {
      var banner = $('#mode-banner');
      cp.showBanner((banner.hidden ? '' : banner.textContent + ' ') + t('progress_reset'));
    }
    if (launch.entry) log('launched with entry "' + launch.entry + '", lesson_mode "' + view.lesson_mode + '", credit ' + view.credit);

    function secondsOfDay() { var d = new Date(); return d.getHours() * 3600 + d.getMinutes() * 60 + d.getSeconds(); }
    function save(commit) {
      var now = Date.now();
      player.addSeconds(Math.floor((now - lastSave) / 1000));
      lastSave = now - (now - lastSave) % 1000;
      view = JSON.parse(player.view());
      store.save(view, player.suspendData(), Math.round((now - sessionStart) / 10), runtime, player);
      if (commit) { clearTimeout(commitTimer); commitTimer = null; store.commit(); }
      checkStorage();
    }
    // Answers are saved as they are given; the commits that follow them are batched, at
    // most one every COMMIT_MS, so an LMS is not called on every click.
    var COMMIT_MS = 2000;
    function commitSoon() {
      if (commitTimer) return;
      commitTimer = setTimeout(function () { commitTimer = null; store.commit(); checkStorage(); }, COMMIT_MS);
    }
    // Shows `asked` (or the core's screen) and keeps it in the browser's history; `replace`
    // when the entry is already there (Back, Forward, the first screen).
    function render(focus, asked, replace) {
      view = JSON.parse(player.view());
      wanted = cp.renderScreen(view, asked || null, threshold, focus);
      cp.remember(wanted, replace);
    }
    function act(result, focus) {
      if (result) { log(result); return false; }
      save(true);
      render(focus);
      return true;
    }
    // A lesson: opened by the core when it may (it counts as viewed), else only shown
    // (browse and review before the pre-test: nothing is recorded there).
    function openLesson(i, replace) {
      var refused = player.openLesson(i);
      if (!refused) { save(true); render(true, { screen: 'lessons' }, replace); return; }
      if (view.lesson_mode !== 'normal') return render(true, { screen: 'lessons', lesson: i }, replace);
      log(refused);
      if (replace) render(true, null, true);  // Back to a lesson during the post-test: stay there
    }
    cp.onHistory(function (state) {
      if (state.screen === 'lessons' && state.lesson !== undefined) openLesson(state.lesson, true);
      else render(true, state, true);
    });

    document.addEventListener('click', function (event) {
      var target = event.target.closest('[data-action], #lesson-menu a');
      if (!target) return;
      var action = target.getAttribute('data-action');
      if (!action) { event.preventDefault(); action = 'open'; }
      if (action === 'start') { if (!act(player.startPretest(), true)) render(true); }
      // Back on the pre-test's results after moving on: the lessons are open already.
      if (action === 'lessons' && !act(player.continueToLessons(), true)) render(true, { screen: 'lessons' });
      if (action === 'posttest' || action === 'posttest-end' || action === 'retake') act(player.startPosttest(), true);
      if (action === 'confirm-submit') submitQuiz();
      if (action === 'cancel-submit') { cp.hideConfirm(); $('#quiz-form [type="submit"]').focus(); }
      if (action === 'review') openLesson(view.lesson);
      if (action === 'open') { cp.closeMenuOnPhone(); openLesson(parseInt(target.getAttribute('data-lesson'), 10)); }
    });

    $('#quiz-form').addEventListener('change', function (event) {
      var fieldset = event.target.closest('fieldset');
      if (!fieldset || event.target.name === undefined) return;
      player.answer(parseInt(fieldset.getAttribute('data-question'), 10), parseInt(event.target.value, 10));
      fieldset.classList.remove('missing');
      save(false);  // kept for resume at once; committed with the answers around it
      commitSoon();
    });

    // A post-test that counts asks first (an in-page step, not window.confirm: it is read
    // out, styled and localized); the core says when it counts and what is unanswered.
    $('#quiz-form').addEventListener('submit', function (event) {
      event.preventDefault();
      if (view.submit_counts && view.unanswered === 0) cp.showConfirm(view); else submitQuiz();
    });

    function submitQuiz() {
      cp.hideConfirm();
      var kind = view.phase === 'posttest' ? 1 : 0;
      var refusal = player.submit();
      if (refusal) {
        var answers = kind ? view.posttest : view.pretest, missing = [];
        $$('#quiz-form fieldset').forEach(function (fieldset, q) {
          var unanswered = answers[q] < 0;
          fieldset.classList.toggle('missing', unanswered);
          if (unanswered) missing.push(fieldset);
        });
        cp.announce(t('answer_all', { n: missing.length }));
        if (missing.length) $('input', missing[0]).focus();
        return;
      }
      store.addInteractions(JSON.parse(player.interactions(kind, secondsOfDay())));
      save(true);
      render(true);
      cp.announce(kind ? $('#final-status').textContent : t('score_line', view.pretest_score));
    }

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
    cp.fitMenu();
    render(false, null, true);
    root.classList.add('ready');
    document.removeEventListener('click', keepEarly);
    if (early && view.phase === 'home') act(player.startPretest(), true);
    window.coursepackPlayer = {
      view: function () { return JSON.parse(player.view()); },
      mode: chosen.mode,
      xapi: function () { return store.state ? store.state() : null; }
    };
  }

  // Without the player the page stays a plain document: every screen shows, no button.
  function fail(error, message) {
    log('player failed to start: ' + error);
    root.classList.remove('js');
    root.classList.add('plain');
    cp.showBanner(t(message || 'runtime_failed'));
  }

  if (typeof WebAssembly !== 'object' || typeof Promise !== 'function' || !window.history.pushState) {
    fail('this browser has no WebAssembly', 'unsupported');
    return;
  }
  try {
    window.CoursepackRuntime().then(function (runtime) {
      try { start(runtime); } catch (error) { fail(error); }
    }, fail);
  } catch (error) {
    fail(error);
  }
})(window.coursepack = window.coursepack || {});
