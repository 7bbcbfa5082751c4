// The LMS side of the browser tests: a parent page that plays Moodle's part for one SCORM 1.2
// SCO. It creates window.API from scorm-again, preloads the learner's cmi data, records
// every LMS* call the SCO makes, then loads the SCO in an iframe.
//
// harness.mjs drives it: page.evaluate(config => startLms(config), config), then reads
// window.lms.* back. Plain ES5-ish script on purpose: no build step, no modules.
(function () {
  'use strict';

  var API_FUNCTIONS = [
    'LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit',
    'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic'
  ];

  var calls = [];      // every LMS* call, in order
  var commits = [];    // cmi snapshot after each successful LMSCommit / LMSFinish
  var logs = [];       // scorm-again's own log messages (onLogMessage)
  var api = null;
  var frame = null;

  function clone(value) {
    return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
  }

  function stateOf(a) {
    if (a.isTerminated()) return 'finished';
    if (a.isInitialized()) return 'initialized';
    return 'not-initialized';
  }

  // What scorm-again would send to an LMS on the final commit: the whole cmi tree, with
  // core.total_time = launch total_time + the session_time the SCO reported.
  function snapshot() {
    return api.renderCommitCMI(true, true).cmi;
  }

  // The cmi data an LMS hands to a (re)launched SCO. `saved` is what cmi() returned for an
  // earlier session (or any partial cmi tree); write-only and per-session elements are
  // dropped and cmi.core.entry is set the way the brief (and Moodle) expect.
  function launchData(config) {
    var saved = config.cmi ? clone(config.cmi) : null;
    if (saved && saved.cmi) saved = saved.cmi;
    var data = saved || {};
    data.core = data.core || {};
    var previousExit = data.core.exit || '';
    delete data.core.exit;          // write-only, belongs to the previous session
    delete data.core.session_time;  // write-only, already folded into total_time by cmi()

    var entry;
    if (config.entry !== undefined && config.entry !== null) entry = config.entry;
    else if (!saved) entry = 'ab-initio';
    else if (data.suspend_data || previousExit === 'suspend') entry = 'resume';
    else entry = '';
    data.core.entry = entry;

    if (config.studentName !== undefined && config.studentName !== null) {
      data.core.student_name = config.studentName;
    } else if (!data.core.student_name) {
      data.core.student_name = 'Learner, Test';
    }
    if (config.studentId !== undefined && config.studentId !== null) {
      data.core.student_id = config.studentId;
    } else if (!data.core.student_id) {
      data.core.student_id = 'learner-1';
    }
    data.core.credit = config.credit || data.core.credit || 'credit';
    data.core.lesson_mode = config.lessonMode || data.core.lesson_mode || 'normal';
    if (config.masteryScore !== undefined && config.masteryScore !== null) {
      data.student_data = data.student_data || {};
      data.student_data.mastery_score = String(config.masteryScore);
    }
    if (config.launchData !== undefined && config.launchData !== null) {
      data.launch_data = config.launchData;
    }
    return data;
  }

  function record(name, original) {
    return function () {
      var args = Array.prototype.slice.call(arguments);
      var call = {
        seq: calls.length,
        fn: name,
        args: clone(args),
        state: stateOf(api),            // API state before the call
        time: Math.round(performance.now())
      };
      calls.push(call);
      var ret;
      try {
        ret = original.apply(api, arguments);
      } catch (e) {
        call.exception = String((e && e.stack) || e);
        call.error = String(api.lastErrorCode);
        throw e;
      }
      call.ret = ret;
      // The getter, not LMSGetLastError: no listeners fire, nothing is logged or recorded.
      call.error = String(api.lastErrorCode);
      if (call.error !== '0') call.diagnostic = api.getLmsErrorMessageDetails(call.error, true);
      if ((name === 'LMSCommit' || name === 'LMSFinish') && ret === 'true') {
        commits.push({ seq: call.seq, fn: name, cmi: snapshot() });
      }
      return ret;
    };
  }

  window.startLms = function (config) {
    config = config || {};
    if (api) throw new Error('startLms: already started');
    if (typeof window.Scorm12API !== 'function') {
      throw new Error('startLms: scorm-again bundle did not load (window.Scorm12API missing)');
    }

    api = new window.Scorm12API({
      autocommit: false,              // commits happen when the SCO calls LMSCommit / LMSFinish
      lmsCommitUrl: false,            // nothing is posted anywhere
      logLevel: config.logLevel === undefined ? 4 : config.logLevel,
      // scorm-again turns this on by default for SCORM 1.2 when settings are given: on
      // LMSFinish it would replace the SCO's lesson_status by passed/failed from
      // score.raw vs mastery_score. Off unless a test asks, so cmi holds what the SCO set.
      mastery_override: !!config.masteryOverride,
      onLogMessage: function (level, message) {
        logs.push({ level: level, message: String(message) });
      }
    });

    // Preload before LMSInitialize: loadFromJSON refuses once the SCO has initialized, and
    // throws (a Scorm12ValidationError) on a value scorm-again rejects.
    var data = launchData(config);
    api.loadFromJSON(data);

    API_FUNCTIONS.forEach(function (name) {
      api[name] = record(name, api[name]);
    });
    window.API = api;

    return new Promise(function (resolve, reject) {
      frame = document.createElement('iframe');
      frame.id = 'scorm_object';   // as Moodle's player names it
      frame.name = 'scorm_object';
      frame.title = 'Course content';
      frame.addEventListener('load', function () { resolve({ launched: data }); }, { once: true });
      frame.addEventListener('error', function () { reject(new Error('iframe failed to load')); }, { once: true });
      frame.src = config.launchUrl || '/package/index.html';
      document.body.appendChild(frame);
    });
  };

  window.lms = {
    cmi: function () { return snapshot(); },
    calls: function () { return clone(calls); },
    commits: function () { return clone(commits); },
    logs: function () { return clone(logs); },
    state: function () { return stateOf(api); },
    // Navigate the SCO frame away, as a learner leaving the activity does: the SCO's
    // unload / pagehide handlers run (many SCOs call LMSFinish there).
    unload: function () {
      return new Promise(function (resolve) {
        frame.addEventListener('load', function () { resolve(); }, { once: true });
        frame.src = 'about:blank';
      });
    }
  };
})();
