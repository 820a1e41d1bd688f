// Loaded with `node --import` by the benchmark: writes the process's peak resident memory (KiB) to
// the file named by STAGEMIG_BENCH_RSS when it exits.
import { writeFileSync } from 'node:fs';

const file = process.env.STAGEMIG_BENCH_RSS;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
