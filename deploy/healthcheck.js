#!/usr/bin/env node
// Container health check without curl (the slim image has none): exits 0 when
// GET http://127.0.0.1:<port>/health/live answers 2xx within the timeout, 1 otherwise.
//   node deploy/healthcheck.js            -> port from PORT (default 8080): the gateway, `start`
//   node deploy/healthcheck.js 8081       -> an explicit port (command-api, query-api)
//   node deploy/healthcheck.js --process  -> the worker roles (mirror, projections, processors)
//     serve no HTTP yet, so this only proves PID 1 (the CLI) is still running.
'use strict';

const argument = process.argv[2];

if (argument === '--process') {
  try {
    process.kill(1, 0);
    process.exit(0);
  } catch (error) {
    // EPERM: PID 1 exists but belongs to another user, which still means it runs.
    process.exit(error.code === 'EPERM' ? 0 : 1);
  }
}

const port = Number(argument || process.env.PORT || 8080);
fetch(`http://127.0.0.1:${port}/health/live`, { signal: AbortSignal.timeout(4000) }).then(
  (response) => process.exit(response.ok ? 0 : 1),
  (error) => {
    process.stderr.write(`health check failed: ${error.message}\n`);
    process.exit(1);
  },
);
