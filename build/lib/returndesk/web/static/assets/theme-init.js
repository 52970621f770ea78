// Set the theme before the first paint so a dark page never flashes white.
// A file rather than an inline script: the page's Content-Security-Policy allows only 'self'.
(function () {
  var theme = null;
  try {
    theme = localStorage.getItem('returndesk.theme');
  } catch (e) {}
  if (theme !== 'light' && theme !== 'dark') {
    theme =
      window.matchMedia && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }
  document.documentElement.setAttribute('data-theme', theme);
})();
