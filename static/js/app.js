// Small behaviours that must work without inline scripts (CSP forbids them).
// Nothing here yet is required: every page works without JavaScript, and
// Bootstrap's bundle handles menus and alerts.
