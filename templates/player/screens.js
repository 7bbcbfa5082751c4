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

  // Makes an element once, at `where` (a function that puts it in the page), and returns it.
  function ensure(id, tag, where) {
    var el = document.getElementById(id);
    if (!el) { el = document.createElement(tag); el.id = id; where(el); }
    return el;
  }
  function add(parent, tag, text, className) {
    var el = document.createElement(tag);
    if (text) el.textContent = text;
    if (className) el.className = className;
    parent.appendChild(el);
    return el;
  }
  function attemptLine(n, max) { return max ? t('attempt_of', { n: n, max: max }) : t('attempt_n', { n: n }); }

  // The rules, stated before anything counts: pass mark, attempts, what the pre-test does.
  function renderHome(view, threshold) {
    // Browse and review: every lesson opens from here at once.
    if (view.lesson_mode !== 'normal') $$('.lesson-list li').forEach(function (item) {
      var name = $('.lesson-name', item);
      if (name.tagName === 'BUTTON') return;
      var link = document.createElement('button');
      link.type = 'button';
      link.className = 'lesson-name link';
      link.setAttribute('data-action', 'open');
      link.setAttribute('data-lesson', item.getAttribute('data-lesson'));
      link.textContent = name.textContent;
      name.replaceWith(link);
    });
    var list = ensure('home-rules', 'ul', function (el) { $('#screen-home .panel').appendChild(el); });
    list.className = 'rules';
    list.textContent = '';
    add(list, 'li', t('rules_pass', { mastery: view.mastery_score }));
    add(list, 'li', view.max_attempts ? cp.tn('rules_attempts', view.max_attempts) : t('rules_attempts_any'));
    add(list, 'li', t('rules_pretest'));
    cp.courseRules(view, list, threshold);
    add(list, 'li', t('rules_feedback'));
    return $('#home-title');
  }

  function lessonTitle(i) { return $('#lesson-menu a[data-lesson="' + i + '"]').textContent; }
  // A course page groups the menu by module: each lesson's entry, in lesson order.
  function menuItems() { return $$('#lesson-menu a[data-lesson]').map(function (link) { return link.parentNode; }); }

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
    cp.renderCourseResults(view, threshold);
    return $('#results-title');
  }

  function tagsFor(view, i) {
    var tags = '';
    if (view.mandatory[i]) tags += '<span class="tag required">' + t('required') + '</span>';
    if (view.viewed[i]) tags += '<span class="tag viewed">' + t('viewed') + '</span>';
    return tags;
  }

  function renderLessons(view, lesson) {
    menuItems().forEach(function (item, i) {
      $('.tags', item).innerHTML = tagsFor(view, i);
      var link = $('a', item);
      if (i === lesson) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
    });
    var current;
    $$('article.lesson').forEach(function (article, i) {
      article.hidden = i !== lesson;
      $('.progress .tags', article).innerHTML = tagsFor(view, i);
      if (i === lesson) current = article;
    });
    // After a post-test the button is the retake, shown only while one is allowed. The
    // menu's button says why it is not open yet; the one ending each lesson only shows
    // when it can be used.
    var gate = $('#posttest-gate'), button = $('[data-action="posttest"]');
    var closed = view.finished && !view.retake_allowed;
    button.hidden = closed;
    gate.hidden = closed;
    button.disabled = !view.posttest_allowed;
    $$('[data-action^="posttest"]').forEach(function (each) {
      each.textContent = t(view.finished ? 'retake' : 'take_posttest');
      if (each !== button) each.hidden = !view.posttest_allowed;
    });
    gate.textContent = view.posttest_allowed ? (view.finished ? attemptLine(view.attempts + 1, view.max_attempts)
      : t('posttest_ready')) : t('lessons_left', { n: view.lessons_left });
    return current ? $('.lesson-title', current) : null;
  }

  // Per question of the last attempt: right or wrong and the lessons covering it; the
  // correct answer and the feedback only when the core reveals them.
  function renderReview(view, screen) {
    var title = ensure('final-review-title', 'h2', function (el) { screen.insertBefore(el, $('.actions', screen)); });
    title.textContent = t('review_title');
    var list = ensure('final-review', 'ol', function (el) { screen.insertBefore(el, $('.actions', screen)); });
    list.className = 'review';
    list.setAttribute('aria-labelledby', 'final-review-title');
    list.textContent = '';
    $$('#quiz-form fieldset').forEach(function (fieldset, q) {
      var item = add(list, 'li');
      add(item, 'p', $('legend', fieldset).textContent, 'review-question');
      var right = view.review_right[q];
      add(item, 'p', t(right ? 'correct' : 'incorrect'), 'verdict ' + (right ? 'correct' : 'incorrect'));
      add(item, 'p', t('covered_by', { lessons: view.question_lessons[q].map(lessonTitle).join(', ') }));
      var correct = view.review_correct[q];
      if (correct < 0) return;
      add(item, 'p', t('correct_answer', { answer: $('[data-choice="' + correct + '"] label', fieldset).textContent }));
      var feedback = $('.feedback', fieldset);
      if (feedback) add(item, 'p', feedback.textContent, 'feedback-text');
    });
  }

  function renderFinal(view) {
    var post = view.last_score, pre = view.pretest_score, screen = $('#screen-final');
    $('#final-status').textContent = t(!view.graded ? 'practice_result' : view.passed ? 'passed' : 'failed',
      { percent: post.percent, mastery: view.mastery_score });
    var attempts = ensure('final-attempts', 'p', function (el) { $('#final-status').after(el); });
    attempts.textContent = attemptLine(view.attempts, view.max_attempts) + ' ' +
      (view.retake_allowed ? t('retake_note') : view.passed || !view.graded ? '' : t('attempts_spent'));
    var retake = ensure('retake-button', 'button', function (el) { $('.actions', screen).prepend(el); });
    retake.type = 'button';
    retake.className = 'primary';
    retake.setAttribute('data-action', 'retake');
    retake.textContent = t('retake');
    retake.hidden = !view.retake_allowed;
    renderReview(view, screen);
    $('#final-pre').textContent = cp.percent(pre.percent);
    $('#final-post').textContent = cp.percent(post.percent);
    $('#final-gain').textContent = cp.tn('points', view.gain).replace(/^-?\d/, function (d) { return (view.gain > 0 ? '+' : '') + d; });
    cp.drawChart(view, $('#final-chart'), lessonTitle, cp.percent);
    cp.renderCourseFinal(view);
    return $('#final-title');
  }

  // The screen the core's phase puts the learner on.
  cp.currentScreen = function (view) {
    return { home: 'home', pretest: 'quiz', posttest: 'quiz', results: 'results', lessons: 'lessons', finished: 'final' }[view.phase];
  };
  // Whether `wanted` ({screen, lesson}) may be shown now: home always, the pre-test's
  // results once it is in, the lessons after it (any of them in browse and review), the
  // quiz only while one is open, the final results once there are some.
  function reachable(wanted, view) {
    var after = view.phase !== 'home' && view.phase !== 'pretest' && view.phase !== 'posttest';
    return wanted.screen === 'home' || wanted.screen === cp.currentScreen(view) ||
      (wanted.screen === 'results' && after) ||
      (wanted.screen === 'lessons' && (after || view.lesson_mode !== 'normal')) ||
      (wanted.screen === 'final' && view.phase === 'finished');
  }

  // Shows `wanted` ({screen, lesson}, lesson only for a lesson the core did not open: browse
  // mode before the pre-test) if it may be shown, else the core's current screen; returns
  // what it showed. `threshold` is the pre-test percentage below which every lesson is required.
  cp.renderScreen = function (view, wanted, threshold, focus) {
    var shown = wanted && reachable(wanted, view) ? wanted : { screen: cp.currentScreen(view) };
    var screen = shown.screen, lesson = shown.lesson === undefined ? view.lesson : shown.lesson;
    if (screen === 'lessons') shown = { screen: screen, lesson: lesson };
    $$('.screen').forEach(function (section) { section.hidden = section.id !== 'screen-' + screen; });
    var heading;
    if (screen !== 'quiz') cp.hideConfirm();
    if (screen === 'home') heading = renderHome(view, threshold);
    if (screen === 'quiz') heading = renderQuiz(view);
    if (screen === 'results') heading = renderResults(view, threshold);
    if (screen === 'lessons') heading = renderLessons(view, lesson);
    if (screen === 'final') heading = renderFinal(view);
    cp.renderSteps(shown, view);
    cp.setTitle(shown, view, screen === 'lessons' ? lessonTitle(lesson) : '');
    if (focus && heading) heading.focus();
    return shown;
  };

  // The confirm step before a post-test that counts: in the form, under its button; the
  // focus goes to its question so that it is read out.
  cp.showConfirm = function (view) {
    var box = ensure('submit-confirm', 'div', function (el) { $('#quiz-form').appendChild(el); });
    box.className = 'confirm';
    box.setAttribute('role', 'group');
    box.setAttribute('aria-labelledby', 'submit-confirm-text');
    box.textContent = '';
    var text = add(box, 'p', t('confirm_submit') + ' ' + attemptLine(view.attempts + 1, view.max_attempts));
    text.id = 'submit-confirm-text';
    text.tabIndex = -1;
    var actions = add(box, 'p', '', 'actions');
    var yes = add(actions, 'button', t('confirm_yes'), 'primary'), no = add(actions, 'button', t('confirm_no'));
    yes.type = no.type = 'button';
    yes.setAttribute('data-action', 'confirm-submit');
    no.setAttribute('data-action', 'cancel-submit');
    box.hidden = false;
    text.focus();
  };
  cp.hideConfirm = function () {
    var box = document.getElementById('submit-confirm');
    if (box) box.hidden = true;
  };

  // Percentages as the page's language writes them ("40%", "40 %").
  cp.percent = function (n) {
    try { return new Intl.NumberFormat(document.documentElement.lang, { style: 'percent' }).format(n / 100); } catch (e) { return n + '%'; }
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
