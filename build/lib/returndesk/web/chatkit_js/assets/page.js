// ReturnDesk with OpenAI's ChatKit web component (RETURNDESK_UI=chatkit-js).
// The element talks to this server's /chatkit endpoint; the page only
// configures it from the JSON the server put in #returndesk-config.
(function () {
  'use strict';

  var TOKEN_PARAM = 'customer_token';
  var TOKEN_KEY = 'returndesk.customerToken';
  var config = JSON.parse(document.getElementById('returndesk-config').textContent);

  // Embedded mode, as in ReturnDesk's own UI: a token given as
  // #customer_token=... is kept for the tab, taken out of the address bar and
  // sent as X-Customer-Token with every request.
  function takeCustomerToken() {
    var fragment = new URLSearchParams(window.location.hash.replace(/^#/, ''));
    var given = fragment.get(TOKEN_PARAM);
    try {
      if (given === null) return window.sessionStorage.getItem(TOKEN_KEY);
    } catch (error) {
      return null;
    }
    fragment.delete(TOKEN_PARAM);
    var rest = fragment.toString();
    window.history.replaceState(
      window.history.state,
      '',
      window.location.pathname + window.location.search + (rest ? '#' + rest : ''),
    );
    var token = given.trim() || null;
    try {
      if (token) window.sessionStorage.setItem(TOKEN_KEY, token);
      else window.sessionStorage.removeItem(TOKEN_KEY);
    } catch (error) {
      // Without storage the token lasts as long as the page.
    }
    return token;
  }

  var token = takeCustomerToken();
  var dark = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;

  customElements.whenDefined('openai-chatkit').then(function () {
    document.getElementById('chatkit').setOptions({
      api: {
        url: config.apiUrl,
        domainKey: config.domainKey,
        fetch: function (input, init) {
          var options = Object.assign({}, init || {});
          var headers = new Headers(options.headers);
          if (token) headers.set('X-Customer-Token', token);
          options.headers = headers;
          options.credentials = 'same-origin';
          return window.fetch(input, options);
        },
      },
      frameTitle: config.name,
      theme: {
        colorScheme: dark ? 'dark' : 'light',
        color: { accent: { primary: config.primaryColor, level: 2 } },
      },
      header: { title: { text: config.name } },
      history: { enabled: true },
      startScreen: { greeting: config.tagline, prompts: config.prompts },
      composer: { placeholder: 'Message ' + config.name + '…' },
    });
  });
})();
