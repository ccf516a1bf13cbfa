import { DEPENDENCIES_ERRORS } from '@contract/dependencies';
import { defineMessages, reasonMessages } from '../shell/define-messages';

/**
 * Why the dependencies services refused (`src/shared/dependencies-errors.ts`), as the screens say it: English is the
 * catalogue's own text, what the CLI prints; French beside it. Part of the dependencies catalogue (`messages.ts`).
 */
export const dependenciesRefusalMessages = defineMessages({
  en: reasonMessages('dependencies.error.', DEPENDENCIES_ERRORS),
  fr: {
    'dependencies.error.spaceNotFound': 'Aucun espace de clé {space}, ou vous ne pouvez pas le voir.',
    'dependencies.error.mayNotAddPages': 'Vous ne pouvez pas ajouter de pages à l’espace {space}.',
    'dependencies.error.noHomePage': 'L’espace {space} n’a pas de page d’accueil sous laquelle publier.',
    'dependencies.error.noPublishSpace': 'Indiquez l’espace où publier.',
    'dependencies.error.badWords': 'La liste de mots n’a pas été enregistrée : {problems}.',
    'dependencies.error.badRiskRules': 'Les règles de risque n’ont pas été enregistrées : {problems}.',
    'dependencies.error.notJiraAdmin':
      'Seuls les administrateurs Jira peuvent modifier ce qui se lit comme bloquant.',
    'dependencies.error.workSignIn':
      'Le travail sur les dépendances s’exécute pour une personne connectée ; connectez-vous à Jira.',
    'dependencies.error.workGone': 'Ce travail n’est plus disponible ; relancez-le.',
    'dependencies.error.unknownTeamBy': 'Regroupement d’équipes inconnu : {teamBy}',
    'dependencies.error.noTeamField':
      'Ce site n’a pas de champ Équipe Atlassian : choisissez un autre regroupement.',
    'dependencies.error.issueNotFound': 'Le ticket {issue} n’existe pas ou vous ne pouvez pas le voir.',
    'dependencies.error.dayPassed': 'Le {day} est passé : indiquez aujourd’hui ou un jour à venir.',
    'dependencies.error.notADay': '{day} n’est pas un jour du calendrier.',
    'dependencies.error.noReason': 'Dites pourquoi, en 1 à 500 caractères.',
    'dependencies.error.notBlocking': '{blocker} ne bloque pas {blocked} : aucun lien de blocage.',
    'dependencies.error.mayNotAsk':
      'Seules les personnes qui peuvent modifier {issue} peuvent demander sur cette dépendance.',
    'dependencies.error.mayNotCommit':
      'Seules les personnes qui peuvent modifier {issue} peuvent s’engager sur cette dépendance.',
    'dependencies.error.mayNotDecline':
      'Seules les personnes qui peuvent modifier {issue} peuvent refuser cette dépendance.',
    'dependencies.error.agreementsUnreadable':
      'Les accords conservés sur {issue} sont illisibles ({problem}) ; rien n’a changé. Une personne qui peut modifier {issue} peut supprimer sa propriété {property} pour repartir de zéro.',
    'dependencies.error.tooManyAgreements':
      '{issue} porte déjà des accords avec {limit} tickets, le maximum pour un ticket.',
  },
});
