/**
 * A merchant Content-Security-Policy without the JS origin in `frame-src` blocks every Soxara frame
 * (security.md §6 C3). The browser's own console line quotes the page's policy but not the fix, and the
 * form only reports `loaderror`; so say once, in the console, which directive to add.
 */
const VIOLATION = 'securitypolicyviolation';

export function explainBlockedFrames(jsOrigin: string): void {
  const onViolation = (event: SecurityPolicyViolationEvent): void => {
    // A report-only policy blocks nothing; `frame-src` is the effective directive even when the policy
    // only has `child-src` or `default-src` (CSP 3).
    if (event.disposition === 'enforce' && /^(frame|child)-src/.test(event.effectiveDirective) && `${event.blockedURI}/`.startsWith(`${jsOrigin}/`)) {
      document.removeEventListener(VIOLATION, onViolation);
      console.error(`Soxara: your Content-Security-Policy blocks the payment frames. Add frame-src ${jsOrigin}`);
    }
  };
  document.addEventListener(VIOLATION, onViolation);
}
