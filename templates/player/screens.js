// What the learner sees: one screen at a time, filled in from the core's view, and the
// lines in the header (mode, refused launch, results waiting). The HTML of every screen
// is already in the page (module_pages.cc); nothing here decides anything.
(function (cp) {
  'use strict';
  var $ = cp.$, $$ = cp.$$, t = cp.t;

  function renderQuiz(view) {
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

  function renderResults(view, threshold) {
    var score = view.pretest_score, list = $('#results-lessons');
    $('#results-score').textContent = t('score_line', score);
    var required = view.mandatory.filter(Boolean).length;
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

  function tagsFor(view, i) {
    var tags = '';
    if (view.mandatory[i]) tags += '<span class="tag required">' + t('required') + '</span>';
    if (view.viewed[i]) tags += '<span class="tag viewed">' + t('viewed') + '</span>';
    return tags;
  }

  function renderLessons(view) {
    $$('#lesson-menu li').forEach(function (item, i) {
      $('.tags', item).innerHTML = tagsFor(view, i);
      var link = $('a', item);
      if (i === view.lesson) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
    });
    var current;
    $$('article.lesson').forEach(function (article, i) {
      article.hidden = i !== view.lesson;
      $('.progress .tags', article).innerHTML = tagsFor(view, i);
      if (i === view.lesson) current = article;
    });
    var gate = $('#posttest-gate'), button = $('[data-action="posttest"]');
    button.hidden = view.finished;
    gate.hidden = view.finished;
    button.disabled = !view.posttest_allowed;
    gate.textContent = view.posttest_allowed ? t('posttest_ready') : t('lessons_left', { n: view.lessons_left });
    return current ? $('.lesson-title', current) : null;
  }

  function renderFinal(view) {
    var post = view.posttest_score, pre = view.pretest_score;
    $('#final-status').textContent = t(view.passed ? 'passed' : 'failed', { percent: post.percent, mastery: view.mastery_score });
    $('#final-pre').textContent = pre.percent + ' %';
    $('#final-post').textContent = post.percent + ' %';
    $('#final-gain').textContent = t('points', { n: (view.gain > 0 ? '+' : '') + view.gain });
    return $('#final-title');
  }

  // Shows the screen for `view`; `reviewing` shows the lessons after the post-test;
  // `threshold` is the pre-test percentage below which every lesson is required.
  cp.renderScreen = function (view, reviewing, threshold, focus) {
    var screen = { home: 'home', pretest: 'quiz', posttest: 'quiz', results: 'results', lessons: 'lessons', finished: reviewing ? 'lessons' : 'final' }[view.phase];
    $$('.screen').forEach(function (section) { section.hidden = section.id !== 'screen-' + screen; });
    var heading;
    if (screen === 'home') heading = $('#home-title');
    if (screen === 'quiz') heading = renderQuiz(view);
    if (screen === 'results') heading = renderResults(view, threshold);
    if (screen === 'lessons') heading = renderLessons(view);
    if (screen === 'final') heading = renderFinal(view);
    if (focus && heading) heading.focus();
  };

  cp.showBanner = function (text) {
    var banner = $('#mode-banner');
    banner.textContent = text;
    banner.hidden = false;
  };

  // A refused TinCan launch: said on the page (an alert, read out at once) in the page's
  // language. Only the parameter's name is shown: the details are in the console.
  cp.showLaunchError = function (parameter) {
    var box = $('#launch-error');
    box.textContent = t('launch_refused', { parameter: parameter });
    box.hidden = false;
  };

  // "3 results waiting to be sent": only while the LRS cannot be reached, and gone once
  // they are delivered. A polite live region, so a screen reader says it between other
  // things. The element stays in the page (empty), as live regions must.
  var shownCount = -1;
  cp.renderQueueStatus = function (count, waiting) {
    var shown = waiting && count > 0 ? count : 0;
    if (shown === shownCount) return;
    shownCount = shown;
    $('#queue-status').textContent = shown ? cp.tn('queue_waiting', shown) : '';
  };
})(window.coursepack = window.coursepack || {});
