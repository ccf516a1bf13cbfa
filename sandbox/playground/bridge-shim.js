/* global window, document, fetch, Headers, URL, ResizeObserver */
/**
 * The playground's stand-in for the Forge host, injected into the framed app before its bundle runs.
 * `@forge/bridge` only asks `window.__bridge.callBridge(name, payload)`; Jira answers over postMessage, this shim
 * answers in the frame: `getContext` from the frame element's `data-context` (the host page wrote it), `invoke`
 * through the playground server's real resolvers, `fetchProduct` (requestJira / requestConfluence) through
 * the sandbox's REST API as the chosen user, `createHistory` for the project page's sub-pages, router calls
 * by moving the host page, and `events.on` for the product events the host page hands over; the frame's height
 * follows the app's content.
 */
(function installBridge() {
  'use strict';
  var frame = window.frameElement;
  var context = JSON.parse((frame && frame.getAttribute('data-context')) || '{}');
  var host = window.parent !== window ? window.parent : window;

  function BridgeAPIError(message) {
    var error = new Error(message);
    error.name = 'BridgeAPIError';
    return error;
  }

  function invoke(request) {
    return fetch('/__playground/invoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ functionKey: request.functionKey, payload: request.payload, context: context }),
    }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) throw BridgeAPIError((body && body.message) || 'invoke failed: ' + response.status);
        return body;
      });
    });
  }

  function fetchProduct(request) {
    var init = request.fetchRequestInit || {};
    var headers = new Headers(init.headers || []);
    headers.set('x-sandbox-act-as', context.accountId);
    var path =
      request.product === 'confluence' && request.restPath.indexOf('/wiki/') !== 0
        ? '/wiki' + request.restPath
        : request.restPath;
    return fetch(path, { method: init.method || 'GET', headers: headers, body: init.body }).then(
      function (response) {
        return response.text().then(function (body) {
          var plain = {};
          response.headers.forEach(function (value, key) {
            plain[key] = value;
          });
          return {
            body: body,
            headers: plain,
            status: response.status,
            statusText: response.statusText,
            isAttachment: false,
          };
        });
      },
    );
  }

  function createHistory() {
    var listeners = [];
    var history = {
      action: 'POP',
      location: {
        pathname: '/' + (frame && frame.getAttribute('data-route') ? frame.getAttribute('data-route') : ''),
        search: '',
        hash: '',
        state: null,
        key: 'initial',
      },
      listen: function (listener) {
        listeners.push(listener);
        return function () {
          listeners = listeners.filter(function (other) {
            return other !== listener;
          });
        };
      },
      push: function (to, state) {
        move('PUSH', to, state);
      },
      replace: function (to, state) {
        move('REPLACE', to, state);
      },
      go: function () {},
      back: function () {},
      forward: function () {},
    };
    function move(action, to, state) {
      var target = typeof to === 'string' ? { pathname: to } : to || {};
      history.action = action;
      history.location = {
        pathname: target.pathname || '/',
        search: target.search || '',
        hash: target.hash || '',
        state: state || null,
        key: String(Date.now()),
      };
      listeners.forEach(function (listener) {
        listener(history.location, action);
      });
      if (host.__vertebraPlayground)
        host.__vertebraPlayground.frameNavigated(context.moduleKey, history.location.pathname);
    }
    return Promise.resolve(history);
  }

  /** Jira and Confluence URLs the app may open, mapped onto the playground's pages. */
  function playgroundUrl(target) {
    if (typeof target === 'string') {
      var browse = /^\/browse\/([A-Z][A-Z0-9_]*-\d+)/.exec(target);
      return browse ? '/jira/issue/' + browse[1] : target;
    }
    if (target && target.target === 'issue') return '/jira/issue/' + target.issueKey;
    if (target && target.target === 'projectSettingsDetails')
      return '/jira/project/' + target.projectKey + '/hygiene';
    return '/';
  }

  /** `events.on` subscriptions, by event name; the host page delivers product events (host-client.js). */
  var listeners = {};

  function on(request) {
    var callback = request.callback;
    (listeners[request.event] = listeners[request.event] || []).push(callback);
    return Promise.resolve({
      unsubscribe: function () {
        listeners[request.event] = (listeners[request.event] || []).filter(function (other) {
          return other !== callback;
        });
      },
    });
  }

  var handlers = {
    getContext: function () {
      return Promise.resolve(JSON.parse(JSON.stringify(context)));
    },
    invoke: invoke,
    fetchProduct: fetchProduct,
    on: on,
    createHistory: createHistory,
    enableTheming: function () {
      return Promise.resolve();
    },
    getUrl: function (location) {
      return Promise.resolve(new URL(playgroundUrl(location), host.location.href));
    },
    navigate: function (request) {
      var url = playgroundUrl(request.url !== undefined ? request.url : request);
      if (request.type === 'new-tab') window.open(url, '_blank');
      else host.location.assign(url);
      return Promise.resolve();
    },
    reload: function () {
      host.location.reload();
      return Promise.resolve();
    },
    refresh: function () {
      return Promise.resolve();
    },
    submit: function () {
      return Promise.resolve();
    },
    close: function () {
      return Promise.resolve();
    },
    changeWindowTitle: function (request) {
      document.title = String((request && request.title) || document.title);
      return Promise.resolve();
    },
    emitReadyEvent: function () {
      return Promise.resolve();
    },
  };

  /** Grows and shrinks the frame with the app's content, as Forge's iframe resizer does. */
  function fitFrameToContent() {
    var root = document.getElementById('root');
    if (!frame || !root) return;
    var minimum = Number(frame.getAttribute('data-min-height') || 60);
    var fit = function () {
      frame.style.height =
        Math.max(minimum, Math.ceil(root.getBoundingClientRect().bottom + window.scrollY)) + 'px';
    };
    new ResizeObserver(fit).observe(root);
    fit();
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fitFrameToContent);
  else fitFrameToContent();

  /** Called by the host page, as Jira posts a product event (e.g. JIRA_ISSUE_CHANGED) to the issue view's apps. */
  window.__vertebraPlaygroundEvent = function (event, payload) {
    (listeners[event] || []).slice().forEach(function (callback) {
      callback(JSON.parse(JSON.stringify(payload)));
    });
  };

  window.__bridge = {
    callBridge: function (name, payload) {
      var handler = handlers[name];
      if (!handler)
        return Promise.reject(
          BridgeAPIError('The playground does not emulate the bridge call "' + name + '" yet.'),
        );
      return handler(payload);
    },
  };
})();
