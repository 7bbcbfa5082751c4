// TinCan launch (tincan-launch.md, "Launch"): the LMS opens
// index.html?endpoint=...&auth=...&actor=...&registration=...&activity_id=...&grouping=...
// This file reads and checks those parameters, and nothing else. A launch with one bad
// parameter is refused whole: every statement built from it would be refused by the LRS
// (a registration that is not a UUID made the LRS refuse all 26 statements of a session,
// issue 7) or, worse, stored against the wrong learner or activity.
(function (cp) {
  'use strict';

  // The parameters tincan-launch.md defines ("Launch" and "Private Content Access"). Any
  // other one is the LMS's own and is echoed back to the LRS with every statement request:
  // "Any parameters that are not defined here which are passed on a launch link should be
  // echoed back to the LRS" (the same reading as TinCanJS, which puts them on the query
  // string of its LRS requests).
  var DEFINED = ['endpoint', 'auth', 'actor', 'registration', 'activity_id', 'activity_platform',
    'Accept-Language', 'grouping', 'content_token', 'content_endpoint'];

  // xAPI-Data.md 2.4.6 (registration) and RFC 4122: the LRS checks the variant too.
  var UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
  // An absolute IRI (RFC 3987), as far as a launch can get it wrong: a scheme, then no
  // space or character that IRIs exclude. The LRS's full grammar is not worth its size.
  var IRI = /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]+$/i;
  // xAPI-Data.md 2.4.2.3: the inverse functional identifiers of an Agent.
  var IFIS = ['mbox', 'mbox_sha1sum', 'openid', 'account'];
  var MBOX = /^mailto:[^@\s:\/?#]+@[^@\s\/?#]+\.[^@\s\/?#]+$/i;
  var SHA1 = /^[0-9a-f]{40}$/i;

  function httpUrl(text) {
    var url;
    try { url = new URL(text); } catch (e) { return null; }
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  }

  // TinCan launch actors may carry one-element arrays ({"name": ["Ada"], "mbox": [...]}),
  // and the legacy account field names.
  function single(value) {
    if (!Array.isArray(value)) return { value: value };
    return value.length === 1 ? { value: value[0] } : { error: 'has ' + value.length + ' values' };
  }

  // Returns {agent, key} (key identifies the learner, for the queue) or {error}.
  function readAgent(text) {
    var actor;
    try { actor = JSON.parse(text); } catch (e) { return { error: 'is not JSON' }; }
    if (!actor || typeof actor !== 'object' || Array.isArray(actor)) return { error: 'is not a JSON object' };
    if (actor.objectType !== undefined && actor.objectType !== 'Agent') return { error: 'is not an Agent (objectType ' + actor.objectType + ')' };
    var agent = { objectType: 'Agent' }, found = [];
    var name = single(actor.name);
    if (name.error) return { error: 'name ' + name.error };
    if (name.value !== undefined && name.value !== null) {
      if (typeof name.value !== 'string') return { error: 'name is not a string' };
      if (name.value) agent.name = name.value;
    }
    for (var i = 0; i < IFIS.length; i++) {
      var field = single(actor[IFIS[i]]);
      if (field.error) return { error: IFIS[i] + ' ' + field.error };
      if (field.value !== undefined && field.value !== null && field.value !== '') found.push({ name: IFIS[i], value: field.value });
    }
    if (found.length !== 1) {
      return { error: found.length ? 'has ' + found.length + ' identifiers (' + found.map(function (f) { return f.name; }).join(', ') + '), xAPI allows one'
        : 'has no identifier (mbox, mbox_sha1sum, openid or account)' };
    }
    var ifi = found[0], value = ifi.value;
    if (ifi.name === 'mbox' && !(typeof value === 'string' && MBOX.test(value))) return { error: 'mbox is not a mailto: address' };
    if (ifi.name === 'mbox_sha1sum' && !(typeof value === 'string' && SHA1.test(value))) return { error: 'mbox_sha1sum is not 40 hexadecimal digits' };
    if (ifi.name === 'openid' && !(typeof value === 'string' && IRI.test(value))) return { error: 'openid is not a URI' };
    if (ifi.name === 'account') {
      if (!value || typeof value !== 'object') return { error: 'account is not an object' };
      var homePage = value.homePage !== undefined ? value.homePage : value.accountServiceHomePage;
      var accountName = value.name !== undefined ? value.name : value.accountName;
      if (typeof homePage !== 'string' || !httpUrl(homePage)) return { error: 'account has no homePage URL' };
      if (typeof accountName !== 'string' || !accountName) return { error: 'account has no name' };
      value = { homePage: homePage, name: accountName };
    }
    agent[ifi.name] = value;
    return { agent: agent, key: ifi.name + '=' + (ifi.name === 'account' ? value.homePage + ' ' + value.name : value) };
  }

  function refuse(parameter, reason) { return { error: { parameter: parameter, reason: reason } }; }

  // `search` is location.search. Returns null when this is not a TinCan launch (no
  // endpoint and no actor: a SCORM or standalone page), {error: {parameter, reason}} for
  // a refused launch, else {launch: {endpoint, auth, actor, actorKey, registration,
  // activityId, grouping, platform, echo}}: `endpoint` ends with "/", `echo` is the query
  // string of the LMS's own parameters ("" when none).
  cp.readLaunch = function (search) {
    var params = new URLSearchParams(search);
    if (!params.has('endpoint') && !params.has('actor')) return null;
    for (var d = 0; d < DEFINED.length; d++)
      if (params.getAll(DEFINED[d]).length > 1) return refuse(DEFINED[d], 'is given more than once');

    var endpoint = httpUrl(params.get('endpoint') || '');
    if (!endpoint) return refuse('endpoint', params.has('endpoint') ? 'is not an http(s) URL' : 'is missing');
    // fetch() refuses URLs with credentials, and statements are sent to <endpoint>statements.
    if (endpoint.username || endpoint.password) return refuse('endpoint', 'carries credentials (user:password@); they belong in auth');
    if (endpoint.search || endpoint.hash) return refuse('endpoint', 'has a query or a fragment');

    if (!params.has('actor')) return refuse('actor', 'is missing');
    var agent = readAgent(params.get('actor'));
    if (agent.error) return refuse('actor', agent.error);

    var auth = params.get('auth') || '';
    // A header value with a line break or control character makes fetch() throw.
    if (/[\u0000-\u001f\u007f]/.test(auth)) return refuse('auth', 'contains control characters');

    var registration = params.get('registration') || '';
    if (params.has('registration') && !UUID.test(registration)) return refuse('registration', 'is not a UUID');
    var iris = { activity_id: '', grouping: '' };
    for (var name in iris) {
      iris[name] = params.get(name) || '';
      if (params.has(name) && !IRI.test(iris[name])) return refuse(name, 'is not an absolute IRI');
    }

    var echo = new URLSearchParams();
    params.forEach(function (value, key) { if (DEFINED.indexOf(key) < 0) echo.append(key, value); });
    return {
      launch: {
        endpoint: endpoint.href.replace(/\/?$/, '/'),
        auth: auth,
        actor: agent.agent,
        actorKey: agent.key,
        registration: registration,
        activityId: iris.activity_id,
        grouping: iris.grouping,
        platform: params.get('activity_platform') || '',
        echo: echo.toString()
      }
    };
  };
})(window.coursepack = window.coursepack || {});
