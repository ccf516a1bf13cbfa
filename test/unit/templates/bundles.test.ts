import { describe, expect, it } from 'vitest';
import { RULES } from '../../../src/hygiene/rules';
import { SHIPPED_BUNDLES } from '../../../src/templates/bundles';
import { flattenPages, LANGUAGES } from '../../../src/templates/model';
import { bundleProblems, renderBundle } from '../../../src/templates/plan';
import { storageError } from '../../../src/templates/storage';
import { resolveVariables } from '../../../src/templates/variables';

const every = SHIPPED_BUNDLES.flatMap((byLanguage) => LANGUAGES.map((language) => byLanguage[language]));
const hostile = '<script>alert(1)</script> ]]> & "quotes"';

/** Values for every variable of a bundle, hostile where the type allows free text. */
function valuesFor(declared: (typeof every)[number]['variables']): Record<string, string> {
  const sample = {
    text: hostile,
    user: '712020:a0000000-0000-4000-8000-000000000002',
    date: '2026-11-16',
    teamList: `Payments, ${hostile}`,
  };
  return Object.fromEntries(declared.map((variable) => [variable.name, sample[variable.type]]));
}

describe('the bundles we ship', () => {
  it('are the three the product promises, each in English and French', () => {
    expect(SHIPPED_BUNDLES.map((byLanguage) => byLanguage.en.id)).toEqual([
      'product-knowledge',
      'product-ops',
      'pm-onboarding',
    ]);
    for (const byLanguage of SHIPPED_BUNDLES) {
      expect(byLanguage.en.language).toBe('en');
      expect(byLanguage.fr.language).toBe('fr');
      expect(byLanguage.fr.title).not.toBe(byLanguage.en.title);
    }
  });

  it.each(every.map((bundle) => [`${bundle.id} (${bundle.language})`, bundle] as const))(
    '%s has no undeclared variable and only well-formed bodies',
    (_name, bundle) => {
      expect(bundleProblems(bundle)).toEqual([]);
    },
  );

  it.each(every.map((bundle) => [`${bundle.id} (${bundle.language})`, bundle] as const))(
    '%s still parses as XML once rendered with hostile values',
    (_name, bundle) => {
      const resolved = resolveVariables(bundle.variables, valuesFor(bundle.variables));
      if (!resolved.ok) throw new Error(JSON.stringify(resolved.problems));
      const rendered = renderBundle(bundle, resolved.values);
      for (const page of rendered.pages) {
        expect(storageError(page.body), page.key).toBeNull();
        // Inside CDATA (code blocks) `<script>` is inert text; everywhere else it must have been escaped.
        expect(page.body.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '')).not.toContain('<script>');
        expect(page.body).not.toContain('{{');
      }
    },
  );

  it('English and French versions have the same pages and templates, so a space can switch language', () => {
    for (const byLanguage of SHIPPED_BUNDLES) {
      const keys = (language: 'en' | 'fr') =>
        flattenPages(byLanguage[language].pages).map(({ page }) => page.key);
      expect(keys('fr')).toEqual(keys('en'));
      expect(byLanguage.fr.templates.map((template) => template.key)).toEqual(
        byLanguage.en.templates.map((template) => template.key),
      );
      expect(byLanguage.fr.version).toBe(byLanguage.en.version);
    }
  });

  it('use panels, status lozenges, tables, task lists and tables of contents', () => {
    const bodies = every
      .flatMap((bundle) => [
        ...flattenPages(bundle.pages).map(({ page }) => page.body),
        ...bundle.templates.map((template) => template.body),
      ])
      .join('');
    for (const piece of [
      'ac:name="info"',
      'ac:name="status"',
      '<table',
      '<ac:task-list>',
      'ac:name="toc"',
      'ac:name="note"',
      'ac:name="tip"',
    ]) {
      expect(bodies).toContain(piece);
    }
  });

  it('include the PRD, discovery, quarterly alignment, postmortem and retrospective templates', () => {
    const templates = SHIPPED_BUNDLES.flatMap((byLanguage) =>
      byLanguage.en.templates.map((template) => template.key),
    );
    expect(templates).toEqual([
      'prd',
      'discovery-notes',
      'quarterly-alignment',
      'postmortem',
      'retrospective',
    ]);
  });

  it.each(LANGUAGES)(
    'the Jira hygiene rules page (%s) has a section, under an anchor, for every rule the hygiene capability checks',
    (language) => {
      const bundle = SHIPPED_BUNDLES[1]?.[language];
      const page = flattenPages(bundle?.pages ?? []).find(
        ({ page: candidate }) => candidate.key === 'jira-hygiene',
      );
      const anchors = [
        ...(page?.page.body ?? '').matchAll(
          /<ac:structured-macro ac:name="anchor"[^>]*><ac:parameter ac:name="">rule-([a-z-]+)<\/ac:parameter>/g,
        ),
      ].map((match) => match[1]);
      expect(anchors).toEqual(RULES.map((rule) => rule.id));
      // Each anchor is followed by the rule's own heading, not an empty one.
      expect(page?.page.body).not.toContain('<h2></h2>');
    },
  );
});
