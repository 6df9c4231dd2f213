// Prints one plain closing line, `wtr: N passed, N failed, N skipped`, that CI can count.
// It prints from an exit hook because the runner's terminal UI swallows output from stop().
export function countingReporter() {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  const count = (suite) => {
    for (const test of suite.tests) {
      if (test.skipped) totals.skipped += 1;
      else if (test.passed) totals.passed += 1;
      else totals.failed += 1;
    }
    for (const child of suite.suites) count(child);
  };
  return {
    onTestRunFinished({ sessions }) {
      for (const session of sessions) {
        if (session.testResults) count(session.testResults);
        // A file that failed to load has no test results; count it as a failure.
        else if (session.errors?.length) totals.failed += 1;
      }
      process.on('exit', () => {
        console.log(`wtr: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
      });
    },
  };
}
