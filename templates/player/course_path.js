// The course-level path (one pre-test of every module, the course's lessons, one post-test):
// what a course page shows beyond a module's. The core's view carries `parts` (each
// module's place in the lists and its scores) only for a course plan; screens.js calls
// these when it is there. The tables are in the page (module_pages.cc); this fills them.
(function (cp) {
  'use strict';
  var $ = cp.$, $$ = cp.$$, t = cp.t;

  function cells(tableId, part) { return $$('#' + tableId + ' tr[data-part="' + part + '"] td'); }
  function signed(n) { return (n > 0 ? '+' : '') + n; }
  function lessonTitle(i) { return $('#lesson-menu a[data-lesson="' + i + '"]').textContent; }
  function moduleTitle(part) { return $('#results-modules tr[data-part="' + part + '"] th').textContent; }

  // The home screen's rules: the threshold applies per module.
  cp.courseRules = function (view, list, threshold) {
    if (!view.parts) return;
    var item = document.createElement('li');
    item.textContent = t('rules_course', { threshold: cp.percent(threshold) });
    list.appendChild(item);
  };

  // Pre-test results: per module its score and what became required; the suggested
  // lessons grouped under their module; a chart of each module against the threshold.
  cp.renderCourseResults = function (view, threshold) {
    if (!view.parts) return;
    var list = $('#results-lessons');
    list.textContent = '';
    $('#results-explain').textContent = t('rules_course', { threshold: cp.percent(threshold) });
    view.parts.forEach(function (part, p) {
      var required = [];
      for (var i = part.first_lesson; i < part.first_lesson + part.lesson_count; i++) if (view.mandatory[i]) required.push(i);
      var row = cells('results-modules', p), percent = part.pretest_score.percent;
      row[0].textContent = cp.percent(percent);
      row[1].textContent = percent < threshold ? t('required_all', { threshold: cp.percent(threshold) })
        : required.length ? String(required.length) : t('required_none');
      if (!required.length) return;
      var group = document.createElement('li'), inner = document.createElement('ul');
      group.textContent = moduleTitle(p);
      required.forEach(function (lesson) {
        var item = document.createElement('li');
        item.textContent = lessonTitle(lesson);
        inner.appendChild(item);
      });
      group.appendChild(inner);
      list.appendChild(group);
    });
    cp.drawModuleChart(view.parts.map(function (part, p) { return [moduleTitle(p), part.pretest_score.percent]; }),
      $('#results-chart'), threshold, t('chart_modules'), t('chart_threshold', { percent: cp.percent(threshold) }));
  };

  // Final results: per module the pre-test, the post-test, the gain and passed or not.
  cp.renderCourseFinal = function (view) {
    if (!view.parts) return;
    view.parts.forEach(function (part, p) {
      var row = cells('final-modules', p);
      row[0].textContent = cp.percent(part.pretest_score.percent);
      row[1].textContent = cp.percent(part.posttest_score.percent);
      row[2].textContent = signed(part.gain);
      row[3].textContent = t(part.passed ? 'module_passed' : 'module_failed');
    });
  };
})(window.coursepack = window.coursepack || {});
