/* global window, document */
/**
 * The host page's own script: the top-bar switches (stored in cookies, then the page reloads so every frame
 * gets the new context), issue contexts expanding on click, and the project page's URL following the app's
 * `history.push`. Frames size
 * themselves from inside (bridge-shim.js), as Forge's frames do.
 */
(function hostPage() {
  'use strict';
  document.querySelectorAll('select[data-cookie]').forEach(function (select) {
    select.addEventListener('change', function () {
      document.cookie =
        select.getAttribute('data-cookie') +
        '=' +
        encodeURIComponent(select.value) +
        '; path=/; SameSite=Lax';
      window.location.reload();
    });
  });

  // Issue contexts open and close as Jira's do; the app's frame loads the first time one opens.
  document.querySelectorAll('button[data-glance]').forEach(function (toggle) {
    toggle.addEventListener('click', function () {
      var body = document.getElementById(toggle.getAttribute('aria-controls'));
      if (!body) return;
      var open = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', String(open));
      body.hidden = !open;
      var frame = body.querySelector('iframe[data-src]');
      if (open && frame && !frame.getAttribute('src'))
        frame.setAttribute('src', frame.getAttribute('data-src'));
    });
  });

  window.__vertebraPlayground = {
    frameNavigated: function (moduleKey, pathname) {
      var project = /^\/jira\/project\/([^/]+)/.exec(window.location.pathname);
      if (moduleKey === 'vertebra-project-page' && project) {
        var route = pathname.split('/').filter(Boolean)[0] || 'hygiene';
        window.history.replaceState(null, '', '/jira/project/' + project[1] + '/' + route);
      }
    },
  };
})();
