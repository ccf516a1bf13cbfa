/**
 * The Confluence host's "Create from template" action on a space's pages, as Confluence's Create menu offers
 * it: pick one of the space's page templates, give a title, and the sandbox creates the page with the
 * template's body and labels (POST /wiki/sandbox/pages/from-template, as the user picked in the top bar).
 * That is how people make pages from a bundle's templates, and what the catalogue's adoption counts.
 */
import { FROM_TEMPLATE_PATH } from '../confluence/from-template';

/** Text for a double-quoted HTML attribute (host-page.ts imports this file, so its helper is not reused). */
const attribute = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** The script of the panel: loads the space's templates when opened, creates the page on submit. */
const SCRIPT = `(function createFromTemplate() {
  'use strict';
  var panel = document.getElementById('create-from-template');
  if (!panel) return;
  var spaceKey = panel.getAttribute('data-space-key');
  var headers = { 'x-sandbox-act-as': panel.getAttribute('data-act-as'), 'content-type': 'application/json' };
  var select = document.getElementById('create-template');
  var title = document.getElementById('create-title');
  var status = document.getElementById('create-status');
  function say(text) { status.textContent = text; }
  function loadTemplates() {
    fetch('/wiki/rest/api/template/page?limit=200&spaceKey=' + encodeURIComponent(spaceKey), { headers: headers })
      .then(function (response) { return response.json(); })
      .then(function (page) {
        select.innerHTML = '';
        (page.results || []).forEach(function (template) {
          var option = document.createElement('option');
          option.value = template.templateId;
          option.textContent = template.name;
          select.appendChild(option);
        });
        say(select.options.length === 0 ? 'This space has no page templates yet.' : '');
      })
      .catch(function (error) { say('Could not read the templates: ' + error); });
  }
  panel.querySelector('details').addEventListener('toggle', function (event) {
    if (event.target.open) loadTemplates();
  });
  panel.querySelector('form').addEventListener('submit', function (event) {
    event.preventDefault();
    say('Creating…');
    fetch('${FROM_TEMPLATE_PATH}', {
      method: 'POST',
      headers: headers,
      body: JSON.stringify({ templateId: select.value, title: title.value, spaceKey: spaceKey }),
    })
      .then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      })
      .then(function (answer) {
        if (answer.ok) {
          say('Created “' + answer.body.title + '” from the template.');
          title.value = '';
        } else {
          var error = (answer.body.errors && answer.body.errors[0]) || {};
          say('Not created: ' + (error.detail || error.title || 'the sandbox refused.'));
        }
      })
      .catch(function (error) { say('Not created: ' + error); });
  });
})();`;

/** The panel's HTML for a space page of the Confluence host, acting as `actingAccountId`. */
export function createFromTemplatePanel(spaceKey: string, actingAccountId: string): string {
  return `<section id="create-from-template" class="create-menu" data-space-key="${attribute(spaceKey)}"
  data-act-as="${attribute(actingAccountId)}" aria-label="Create from template">
<details><summary>+ Create from template</summary>
<form>
  <label>Template <select id="create-template" name="templateId" required></select></label>
  <label>Title <input id="create-title" name="title" required maxlength="255"></label>
  <button id="create-submit" type="submit">Create</button>
</form>
<p id="create-status" role="status"></p>
</details>
</section>
<script>${SCRIPT}</script>`;
}
