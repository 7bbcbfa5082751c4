// Orientation: the step indicator and what is left, the page title, the lesson menu's
// shape, and the browser's Back and Forward between screens. main.js decides which screen
// may be shown; this file only says where the learner is.
(function (cp) {
  'use strict';
  var $ = cp.$, $$ = cp.$$, t = cp.t;
  var STEPS = ['home', 'pretest', 'lessons', 'posttest', 'results'];
  var moduleTitle = document.title;

  // The step a screen belongs to: the pre-test's results close the pre-test step.
  function stepOf(shown, view) {
    if (shown.screen === 'quiz') return view.phase === 'posttest' ? 'posttest' : 'pretest';
    return { home: 'home', results: 'pretest', lessons: 'lessons', final: 'results' }[shown.screen] || 'home';
  }

  // What is left, counted on the required lessons only ("2 required lessons left").
  function leftLine(view) {
    if (view.phase === 'finished' && !view.retake_allowed) return t('step_done');
    if (view.phase === 'home') return t('step_home');
    if (view.phase === 'pretest') return t('step_pretest_left');
    if (view.phase === 'posttest') return t('step_posttest');
    return view.lessons_left ? cp.tn('step_left', view.lessons_left) : t('step_none_left');
  }

  cp.renderSteps = function (shown, view) {
    var at = STEPS.indexOf(stepOf(shown, view));
    $$('.steps li').forEach(function (item, i) {
      if (i === at) item.setAttribute('aria-current', 'step'); else item.removeAttribute('aria-current');
      item.classList.toggle('done', i < at);
    });
    $('#steps-left').textContent = leftLine(view);
  };

  // The page title names the screen first: it is what a tab, a window list and a screen
  // reader announce.
  cp.setTitle = function (shown, view, lessonTitle) {
    var name = shown.screen === 'lessons' ? lessonTitle
      : shown.screen === 'quiz' ? t(view.phase === 'posttest' ? 'posttest_title' : 'pretest_title')
      : t('screen_' + shown.screen);
    document.title = name + ' – ' + moduleTitle;
  };

  // Wide screens show the lesson menu as a column beside the text; phones keep it closed
  // above the text, one line high, so the lesson comes first.
  var wide = window.matchMedia('(min-width: 60em)');
  function fitMenu() { $('#lesson-menu-box').open = wide.matches; }
  cp.fitMenu = fitMenu;
  cp.closeMenuOnPhone = function () { if (!wide.matches) $('#lesson-menu-box').open = false; };
  if (wide.addEventListener) wide.addEventListener('change', fitMenu);

  // Each screen the learner moves to is an entry in the browser's history, so Back and
  // Forward move between screens inside the module (and inside the LMS's frame).
  function same(a, b) { return a && b && a.screen === b.screen && a.lesson === b.lesson; }
  cp.remember = function (shown, replace) {
    var state = { coursepack: 1, screen: shown.screen, lesson: shown.lesson };
    if (same(history.state, state)) return;
    try {
      if (replace || !history.state || !history.state.coursepack) history.replaceState(state, ''); else history.pushState(state, '');
    } catch (e) { /* a sandboxed frame may refuse history: Back then leaves, as before */ }
  };
  cp.onHistory = function (go) {
    window.addEventListener('popstate', function (event) {
      if (event.state && event.state.coursepack) go({ screen: event.state.screen, lesson: event.state.lesson });
    });
  };
})(window.coursepack = window.coursepack || {});
