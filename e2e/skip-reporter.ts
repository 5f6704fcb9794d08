import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

// The list reporter shows a skipped test without its reason; this prints the reason.
export class SkipReasonReporter implements Reporter {
  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    const reasons = test.annotations.filter((a) => a.type === 'skip').map((a) => a.description ?? '');
    console.log(
      `\n  [skipped] ${test.titlePath().slice(1).join(' › ')}\n            ${reasons.join('; ') || '(no reason given)'}`,
    );
  }
}

export default SkipReasonReporter;
