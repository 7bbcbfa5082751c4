// The results as a picture: pre-test and post-test scores against the pass mark, then per
// lesson the questions it covers, right before and after. Inline SVG drawn from the core's
// view; the table under it says the same in figures for whoever cannot see it.
(function (cp) {
  'use strict';
  var t = cp.t;
  var WIDTH = 320, LABEL = 12, BAR = 14;

  function escape(text) {
    return String(text).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; });
  }
  function text(x, y, content, className) {
    return '<text x="' + x + '" y="' + y + '"' + (className ? ' class="' + className + '"' : '') + '>' + escape(content) + '</text>';
  }
  function bar(y, fraction, className) {
    return '<rect class="track" x="0" y="' + y + '" width="' + WIDTH + '" height="' + BAR + '"/>' +
      '<rect class="' + className + '" x="0" y="' + y + '" width="' + Math.round(fraction * WIDTH) + '" height="' + BAR + '"/>';
  }
  function svg(id, height, title, desc, body) {
    return '<svg viewBox="0 0 ' + WIDTH + ' ' + height + '" role="img" aria-labelledby="' + id + '-t ' + id + '-d">' +
      '<title id="' + id + '-t">' + escape(title) + '</title><desc id="' + id + '-d">' + escape(desc) + '</desc>' + body + '</svg>';
  }

  // `lessonTitle(i)` names lesson i; `percent(n)` formats a percentage for the page language.
  cp.drawChart = function (view, figure, lessonTitle, percent) {
    var pre = view.pretest_score, post = view.last_score, mastery = view.mastery_score;
    var pass = Math.round(mastery / 100 * WIDTH), rows = [
      [t('pretest_score'), pre.percent, 'pre'], [t('posttest_score'), post.percent, 'post']];
    var body = '', y = 0;
    rows.forEach(function (row) {
      body += text(0, y + LABEL, row[0] + ' ' + percent(row[1]), 'label') + bar(y + LABEL + 4, row[1] / 100, row[2]);
      y += LABEL + BAR + 14;
    });
    body += '<line class="pass" x1="' + pass + '" x2="' + pass + '" y1="' + (LABEL + 2) + '" y2="' + (y - 8) + '"/>' +
      text(Math.min(pass, WIDTH - 4), y + 4, t('chart_pass', { percent: percent(mastery) }), 'pass-label');
    var scores = rows.map(function (row) { return row[0] + ' ' + percent(row[1]); }).join(', ');
    var html = svg('chart-scores', y + 10, t('chart_title'), scores + '. ' + t('chart_pass', { percent: percent(mastery) }), body);

    // Per lesson: the questions that cover it, and how many of them were right.
    // The legend: which bar is before, which after.
    body = '';
    [[t('pretest_score'), 'pre', 0], [t('posttest_score'), 'post', WIDTH / 2]].forEach(function (key) {
      body += '<rect class="' + key[1] + '" x="' + key[2] + '" y="2" width="12" height="12"/>' + text(key[2] + 18, 12, key[0], 'label');
    });
    y = 24;
    var lines = [];
    view.mandatory.forEach(function (unused, lesson) {
      var total = 0, before = 0, after = 0;
      view.question_lessons.forEach(function (lessons, q) {
        if (lessons.indexOf(lesson) < 0) return;
        total++;
        if (view.pretest_right[q]) before++;
        if (view.review_right[q]) after++;
      });
      if (!total) return;
      var name = lessonTitle(lesson);
      lines.push(t('chart_lesson_line', { lesson: name, before: before, after: after, total: total }));
      body += text(0, y + LABEL, name.length > 48 ? name.slice(0, 47) + '…' : name, 'label') +
        bar(y + LABEL + 4, before / total, 'pre') + bar(y + LABEL + 4 + BAR + 2, after / total, 'post');
      y += LABEL + 2 * BAR + 16;
    });
    if (lines.length) html += '<h2>' + escape(t('chart_lessons')) + '</h2>' + svg('chart-lessons', y, t('chart_lessons'), lines.join('. '), body);
    figure.innerHTML = html;
    figure.hidden = false;
  };

  // One bar per row ([label, percent]) against a line at `mark` percent: the course-level
  // path's pre-test by module, against the threshold below which a module's lessons are
  // all required. `title` names the chart, `markLabel` the line.
  cp.drawModuleChart = function (rows, figure, mark, title, markLabel) {
    var body = '', y = 0, x = Math.round(mark / 100 * WIDTH);
    rows.forEach(function (row) {
      var name = row[0].length > 40 ? row[0].slice(0, 39) + '…' : row[0];
      body += text(0, y + LABEL, name + ' ' + cp.percent(row[1]), 'label') + bar(y + LABEL + 4, row[1] / 100, 'pre');
      y += LABEL + BAR + 14;
    });
    body += '<line class="pass" x1="' + x + '" x2="' + x + '" y1="' + (LABEL + 2) + '" y2="' + (y - 8) + '"/>' +
      text(Math.min(x, WIDTH - 4), y + 4, markLabel, 'pass-label');
    var desc = rows.map(function (row) { return row[0] + ' ' + cp.percent(row[1]); }).join(', ') + '. ' + markLabel;
    figure.innerHTML = svg('chart-modules', y + 10, title, desc, body);
    figure.hidden = false;
  };
})(window.coursepack = window.coursepack || {});
