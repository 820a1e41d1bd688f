#!/usr/bin/env node
// The `stagemig` command: loads the command line (launch.ts) and runs it on this process.
//
// Must not: hold anything else; the process wiring is in main.ts.
import { loadCli } from './launch.js';

loadCli().main();
