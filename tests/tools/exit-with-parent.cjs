// Preloaded into the Azurite that tests start (NODE_OPTIONS=--require this file): ends the process within a second of
// its parent's end. The test host stops its Azurite from an exit handler, but a test host that is killed runs none, and
// its Azurite ran on, orphaned (seen after most full runs on 2026-12-07 and 2026-12-08; test.sh stopped them).
'use strict';

const parent = process.ppid;
setInterval(() => {
  // Orphans are adopted (by init or a subreaper), so a changed parent id means the one that started us is gone.
  if (process.ppid !== parent) {
    process.exit(0);
  }
}, 1000).unref();
