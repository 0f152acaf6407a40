// The page-check worker run from its TypeScript source (tests, browser mode and the command line
// before they are built): a worker thread does not inherit the loader tsx registered for the thread
// that started it, so this registers tsx's require hook, then loads the worker. Built apps start the
// built page-check-worker.cjs instead and never load this file, nor tsx.
/* eslint-disable @typescript-eslint/no-require-imports -- a worker's entry file, loaded by require() */
require('tsx/cjs/api').register()
require('./page-check-worker.ts')
