/* global window, document */
/**
 * The host page's own script: the top-bar switches (stored in cookies, then the page reloads so every frame
 * gets the new context), issue contexts expanding on click, and the project page's URL following the app's
 * `history.push`, and Jira's issue-changed events passed to an issue's frames. Frames size
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

  // Jira tells the apps on an issue view when the issue changes; the playground hears of edits made through the
  // sandbox's REST API by server-sent events and hands them to every loaded frame's bridge.
  var issueKey = document.body.getAttribute('data-issue-key');
  if (issueKey && window.EventSource) {
    var source = new window.EventSource(
      '/__playground/issue-events?issueKey=' + encodeURIComponent(issueKey),
    );
    source.addEventListener('JIRA_ISSUE_CHANGED', function (message) {
      var payload = JSON.parse(message.data);
      document.querySelectorAll('iframe[data-module-key]').forEach(function (frame) {
        var target = frame.contentWindow;
        if (target && typeof target.__vertebraPlaygroundEvent === 'function')
          target.__vertebraPlaygroundEvent('JIRA_ISSUE_CHANGED', payload);
      });
    });
  }

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
