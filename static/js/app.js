// Small behaviours that must work without inline scripts (CSP forbids them).
document.addEventListener("DOMContentLoaded", () => {
  // A language <select> marked data-autosubmit submits its form on change; the
  // form's own button stays for keyboard and no-JavaScript use.
  document.querySelectorAll("select[data-autosubmit]").forEach((select) => {
    select.addEventListener("change", () => select.form.requestSubmit());
  });
});
