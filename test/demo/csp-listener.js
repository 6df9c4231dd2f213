// Loaded first by pages under test: records Content-Security-Policy and Trusted Types
// violations (and uncaught errors) in window.__problems, for test/demo/pages.ts.
window.__problems = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__problems.push(`CSP ${event.violatedDirective}: ${event.blockedURI || event.sample || ''}`);
});
window.addEventListener('error', (event) => {
  window.__problems.push(`error: ${event.message}`);
});
window.addEventListener('unhandledrejection', (event) => {
  window.__problems.push(`unhandled rejection: ${event.reason}`);
});
