#!/usr/bin/env node
// The `stagemig` command: loads the command line (launch.cts) and runs it on this process. CommonJS,
// like launch.cts, so that a start does not set up node's ES module loader only to load the bundle.
//
// Must not: hold anything else; the process wiring is in main.ts.
import { loadCli } from './launch.cjs';

loadCli().main();
