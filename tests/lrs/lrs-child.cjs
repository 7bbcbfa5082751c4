'use strict';
// Child-process entry for the Learning Locker xapi-statements service.
//
// Spawned by lrs.mjs (startLrs) with an IPC channel and an environment that
// selects memory mode + fetch auth. Responsibilities:
//   * force every listen() in this process onto 127.0.0.1 (the service calls
//     app.listen(port) without a host, which would bind all interfaces);
//   * report the real bound port to the parent over IPC (EXPRESS_PORT=0 works);
//   * exit when the parent goes away (IPC disconnect), so no orphan LRS.
//
// The service itself installs SIGINT/SIGTERM handlers that call process.exit().

const net = require('net');
const path = require('path');

const BIND_HOST = '127.0.0.1';
const originalListen = net.Server.prototype.listen;

function isPortLike(value) {
  return typeof value === 'number' ||
    (typeof value === 'string' && /^\d+$/.test(value));
}

net.Server.prototype.listen = function patchedListen(...args) {
  const first = args[0];
  if (first === undefined || typeof first === 'function') {
    // listen() / listen(cb): random port, all interfaces -> loopback.
    args.splice(0, first === undefined ? 1 : 0, 0, BIND_HOST);
  } else if (isPortLike(first)) {
    // listen(port[, host][, backlog][, cb])
    if (typeof args[1] === 'string') {
      args[1] = BIND_HOST;
    } else {
      args.splice(1, 0, BIND_HOST);
    }
  } else if (first !== null && typeof first === 'object' &&
             first.path === undefined && first.fd === undefined &&
             first._handle === undefined && first.handle === undefined) {
    // listen({port, host, ...}[, cb])
    args[0] = Object.assign({}, first, { host: BIND_HOST });
  }
  // Pipes / handles are left alone (none are used by the service).
  this.once('listening', () => {
    const address = this.address();
    if (process.send && address && typeof address === 'object') {
      process.send({ type: 'listening', address: address.address, port: address.port });
    }
  });
  return originalListen.apply(this, args);
};

if (process.send) {
  process.on('disconnect', () => process.exit(0));
}
// Registered before the service's own handlers (which log an empty error line
// for a signal and then exit): a plain, quiet exit is all that is needed.
process.once('SIGTERM', () => process.exit(0));
process.once('SIGINT', () => process.exit(0));

const entry = require.resolve('xapi-statements/dist/index.js', {
  paths: [path.join(__dirname)],
});
require(entry);
