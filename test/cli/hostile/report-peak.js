// Preloaded into the CLI under test (node --require): writes the process's peak resident memory
// (KB) when it exits, to the file named by PLUMBLINE_TEST_PEAK_FILE. A process that crashes writes none.
// On Linux it is VmHWM, the high-water mark of this program's own memory: getrusage's maxRSS would
// also count the test runner's memory at the fork, which Linux carries across exec.
const { readFileSync, writeFileSync } = require('node:fs');

function peakKb() {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]);
  } catch {
    // Not Linux: getrusage's figure, an upper bound.
  }
  return process.resourceUsage().maxRSS;
}

process.on('exit', () => {
  const file = process.env.PLUMBLINE_TEST_PEAK_FILE;
  if (file) writeFileSync(file, String(peakKb()));
});
