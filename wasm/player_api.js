// runtime.Player for the player's scripts: the same class, methods and static sessionTime
// that embind used to give, over the C functions of bindings.cc. Linked with --post-js, so
// it sees the module's memory (HEAPU8) and allocator.
//
// Each method: the kinds of its arguments ('s' a string, 'n' a number) and of its result
// ('s', 'n', or '' for none). A string argument that is not a string is refused, as
// embind refused it, rather than sent to the core as "undefined".
var playerMethods = {
  error: ['', 's'], restore: ['sn', 's'], setMasteryScore: ['s', ''], setLmsMode: ['ss', ''],
  startPretest: ['', 's'], answer: ['nn', 's'], submit: ['', 's'], continueToLessons: ['', 's'],
  openLesson: ['n', 's'], startPosttest: ['', 's'], addSeconds: ['n', ''], suspendData: ['', 's'],
  view: ['', 's'], interactions: ['nn', 's'], setLaunch: ['sss', ''], terminate: ['', ''],
  pendingStatements: ['', 'n'], takeStatements: ['ssss', 's']
};

function callCore(name, kinds, returns, leading, args) {
  var values = leading, allocated = [];
  for (var i = 0; i < kinds.length; i++) {
    if (kinds[i] !== 's') {
      values.push(args[i]);
      continue;
    }
    if (typeof args[i] !== 'string') throw new TypeError('Player.' + name + ': argument ' + (i + 1) + ' is not a string');
    var bytes = new TextEncoder().encode(args[i]);
    var pointer = _malloc(bytes.length + 1);
    HEAPU8.set(bytes, pointer);
    allocated.push(pointer);
    values.push(pointer, bytes.length);
  }
  var number = Module['_Player_' + name].apply(null, values);
  allocated.forEach(_free);
  if (returns === 'n') return number;
  if (returns !== 's') return undefined;
  var data = _result_data();
  return new TextDecoder().decode(HEAPU8.subarray(data, data + _result_size()));
}

function Player(planText) {
  this.pointer = callCore('new', 's', 'n', [], [planText]);
}
Object.keys(playerMethods).forEach(function (name) {
  Player.prototype[name] = function () {
    return callCore(name, playerMethods[name][0], playerMethods[name][1], [this.pointer], arguments);
  };
});
Player.prototype['delete'] = function () { callCore('delete', '', '', [this.pointer], []); };
Player['sessionTime'] = function (centiseconds) { return callCore('sessionTime', 'n', 's', [], [centiseconds]); };
Module['Player'] = Player;
