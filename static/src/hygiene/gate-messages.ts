import { defineMessages } from '../shell/define-messages';

/** The Definition of Ready gate's strings, English and French (a catalogue of its own, `gate.*`). */
export const gateMessages = defineMessages({
  en: {
    'gate.heading': 'Definition of Ready gate',
    'gate.help':
      'Refuse moving an issue into the statuses below while one of the chosen rules fails on it. A Jira administrator first adds the “Vertebra Definition of Ready” validator to the transitions of the project’s workflow; the gate stays off until it is turned on here.',
    'gate.enabled': 'Refuse moves while a chosen rule fails',
    'gate.statuses': 'Guarded statuses',
    'gate.statusesHelp': 'Moves into these statuses are checked.',
    'gate.rules': 'Rules that must pass',
    'gate.rulesHelp': 'Only rules that judge the issue from its own fields can guard a move.',
    'gate.needsStatus': 'Choose at least one status to guard.',
    'gate.needsRule': 'Choose at least one rule that must pass.',
    'gate.save': 'Save gate',
    'gate.saved': 'Gate saved',
    'gate.readOnly': 'Only administrators of this project can change its gate.',
    'gate.failOpen':
      'If the app cannot check an issue (Jira or its storage unreachable), the move is allowed and logged.',
  },
  fr: {
    'gate.heading': 'Contrôle de la définition de prêt',
    'gate.help':
      'Refuser le passage d’un ticket dans les statuts ci-dessous tant qu’une des règles choisies échoue. Un administrateur Jira ajoute d’abord le validateur « Vertebra Definition of Ready » aux transitions du workflow du projet ; le contrôle reste inactif tant qu’il n’est pas activé ici.',
    'gate.enabled': 'Refuser le passage tant qu’une règle choisie échoue',
    'gate.statuses': 'Statuts contrôlés',
    'gate.statusesHelp': 'Les passages dans ces statuts sont vérifiés.',
    'gate.rules': 'Règles à respecter',
    'gate.rulesHelp':
      'Seules les règles qui jugent le ticket sur ses propres champs peuvent contrôler un passage.',
    'gate.needsStatus': 'Choisissez au moins un statut à contrôler.',
    'gate.needsRule': 'Choisissez au moins une règle à respecter.',
    'gate.save': 'Enregistrer le contrôle',
    'gate.saved': 'Contrôle enregistré',
    'gate.readOnly': 'Seuls les administrateurs de ce projet peuvent modifier son contrôle.',
    'gate.failOpen':
      'Si l’application ne peut pas vérifier un ticket (Jira ou son stockage injoignable), le passage est autorisé et journalisé.',
  },
});
