import { z } from 'zod';
import { appliesTo, issueTypesOption } from '../rule-kit';
import { defineRule } from '../types';
import { ruleWords } from '../words';

const words = ruleWords({
  en: {
    title: 'Description missing',
    agreement: 'Tickets have a description',
    rationale:
      'Without a description, whoever picks the ticket up has to chase its author for the context; hand-offs stall.',
    fixHint: 'Write what the problem or need is, who has it and why it matters now.',
    options: { issueTypes: 'Issue types (none: every type)' },
    messages: {
      'description-missing': 'The description is empty.',
    },
  },
  fr: {
    title: 'Description absente',
    agreement: 'Les tickets ont une description',
    rationale:
      'Sans description, la personne qui reprend le ticket doit relancer son auteur pour le contexte ; les passations bloquent.',
    fixHint: 'Écrivez le problème ou le besoin, qui le rencontre et pourquoi il compte maintenant.',
    options: { issueTypes: 'Types de ticket (aucun : tous les types)' },
    messages: {
      'description-missing': 'La description est vide.',
    },
  },
});

const EMPTY = words.say('description-missing');

export default defineRule({
  id: 'description-missing',
  words,
  severity: 'error',
  fields: ['description', 'issuetype'],
  options: z.object({ issueTypes: issueTypesOption([]) }).strict(),
  check(issue, options) {
    if (!appliesTo(issue, options.issueTypes)) return null;
    return issue.descriptionWords(1) === 0 ? EMPTY : null;
  },
  evidence: { applies: (issue, options) => appliesTo(issue, options.issueTypes) },
});
