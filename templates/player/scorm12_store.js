// Where progress goes in a SCORM 1.2 package: the LMS's API. One store interface for all
// three modes (open, save, addInteractions, commit, finish); see local_store.js and
// xapi_store.js for the others.
(function (cp) {
  'use strict';

  // SCORM 1.2 RTE 3.3.6.1: look in each parent up to the top, then in the opener's chain.
  function findApiFrom(win) {
    for (var hops = 0; win && hops < 20; hops++) {
      try { if (win.API && typeof win.API.LMSInitialize === 'function') return win.API; } catch (e) { /* other origin */ }
      if (win.parent === win) break;
      win = win.parent;
    }
    return null;
  }
  cp.findScormApi = function () {
    var api = findApiFrom(window);
    try { if (!api && window.opener) api = findApiFrom(window.opener); } catch (e) { /* other origin */ }
    return api;
  };

  function ScormStore(api) {
    this.api = api;
    this.interactionsWork = true;
  }
  ScormStore.prototype.call = function (name, element, value) {
    var api = this.api;
    var result = element === undefined ? api[name]('') : value === undefined ? api[name](element) : api[name](element, String(value));
    var code = String(api.LMSGetLastError());
    if (code !== '0') {
      cp.log(name + '(' + (element || '') + ') failed: error ' + code + ' ' + api.LMSGetErrorString(code));
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
      lessonMode: this.get('cmi.core.lesson_mode'),
      credit: this.get('cmi.core.credit'),
      suspendData: this.get('cmi.suspend_data'),
      location: this.get('cmi.core.lesson_location'),
      masteryScore: this.get('cmi.student_data.mastery_score'),
      studentName: this.get('cmi.core.student_name'),
      status: this.get('cmi.core.lesson_status')
    };
  };
  // What is written is the core's decision (view.status, exit, report_score,
  // save_progress): browse, review and no-credit launches record nothing graded.
  ScormStore.prototype.save = function (view, suspendData, sessionCentiseconds, runtime) {
    if (view.status) this.set('cmi.core.lesson_status', view.status);
    if (view.save_progress) {
      this.set('cmi.core.lesson_location', view.location);
      // An LMS that refuses the progress (too long, or no attempt open) is said to the learner.
      this.failed = !this.set('cmi.suspend_data', suspendData);
    }
    if (view.report_score) {
      this.set('cmi.core.score.min', 0);
      this.set('cmi.core.score.max', 100);
      this.set('cmi.core.score.raw', view.last_score.percent);
    }
    this.saveObjectives(view.objectives || []);
    this.set('cmi.core.exit', view.exit);
    this.set('cmi.core.session_time', runtime.Player.sessionTime(sessionCentiseconds));
  };
  // The course-level path: one cmi.objectives.n per module (RTE 3.4.6), in course order,
  // as the core decides them (score -1: none yet). Written again only when they change.
  ScormStore.prototype.saveObjectives = function (objectives) {
    var text = JSON.stringify(objectives);
    if (text === this.objectivesWritten) return;
    this.objectivesWritten = text;
    for (var n = 0; n < objectives.length; n++) {
      var at = 'cmi.objectives.' + n + '.', objective = objectives[n];
      this.set(at + 'id', objective.id);
      if (objective.score >= 0) {
        this.set(at + 'score.min', 0);
        this.set(at + 'score.max', 100);
        this.set(at + 'score.raw', objective.score);
      }
      this.set(at + 'status', objective.status);
    }
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
      for (var k = 0; k < item.objectives.length; k++) this.set(at + 'objectives.' + k + '.id', item.objectives[k]);
      this.set(at + 'time', item.time);
      this.set(at + 'type', item.type);
      this.set(at + 'correct_responses.0.pattern', item.correct_pattern);
      this.set(at + 'student_response', item.student_response);
      this.set(at + 'result', item.result);
    }
  };
  ScormStore.prototype.commit = function () { if (!this.call('LMSCommit').ok) this.failed = true; };
  ScormStore.prototype.finish = function () { this.call('LMSFinish'); };

  cp.ScormStore = ScormStore;
})(window.coursepack = window.coursepack || {});
