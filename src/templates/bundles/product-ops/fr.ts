import type { ProductOpsPhrases } from './build';

/** Phrases françaises du bundle « opérations produit ». */
export const fr: ProductOpsPhrases = {
  title: 'Opérations produit',
  description:
    "Accords de travail (Definition of Ready, Definition of Done, hygiène Jira), calendrier des rituels, et modèles d'alignement trimestriel, de postmortem et de rétrospective.",
  varOrgName: "Nom de l'organisation ou de la tribu",
  varOpsLead: 'Responsable product ops',
  varTeams: 'Équipes (séparées par des virgules)',
  varQuarterStart: 'Premier jour du trimestre',
  homeTitle: '{{orgName}} : opérations produit',
  homePanelTitle: 'Comment nous travaillons ensemble',
  homePanelBody:
    'Les accords et rituels de {{orgName}}. Demandez à {{opsLead}} pour les changer ; proposez vos idées en rétrospective.',
  colRole: 'Rôle',
  colPerson: 'Personne',
  roleLead: 'Responsable product ops',
  roleTeams: 'Équipes',
  homeMap: 'Pages',
  agreementsTitle: '{{orgName}} : accords de travail',
  agreementsIntro:
    "Ce sur quoi toutes les équipes de {{orgName}} se sont accordées. Les contrôles d'hygiène Jira signalent les tickets qui s'en écartent.",
  dorTitle: '{{orgName}} : Definition of Ready',
  dorPanelTitle: 'Une story est prête quand',
  dorPanelBody:
    "toutes les cases ci-dessous sont cochées. L'équipe ne commence pas une story qui n'est pas prête.",
  dorItems: [
    "Elle a des critères d'acceptation testables",
    'Elle est estimée',
    "Ses dépendances envers d'autres équipes sont liées dans Jira",
    'Les maquettes sont jointes ou inutiles',
  ],
  dodTitle: '{{orgName}} : Definition of Done',
  dodPanelTitle: 'Une story est terminée quand',
  dodPanelBody: 'elle est entre les mains des utilisateurs, pas quand le code est fusionné.',
  dodItems: [
    'Code relu et fusionné',
    'Les tests passent en CI',
    'Livrée en production derrière son flag',
    "Critères d'acceptation vérifiés par le product manager",
    'Notes de version mises à jour',
  ],
  hygieneTitle: "{{orgName}} : règles d'hygiène Jira",
  hygienePanelTitle: 'Pourquoi ces règles',
  hygienePanelBody:
    'Chaque règle protège la planification : un ticket qui en enfreint une est signalé dans Jira avec un lien vers sa section ici.',
  rules: {
    'acceptance-criteria-missing': {
      title: "Les stories ont des critères d'acceptation",
      why: 'Sans eux, personne ne sait quand la story est terminée.',
    },
    'estimate-missing': {
      title: 'Les stories du sprint sont estimées',
      why: "Du travail non estimé transforme l'engagement du sprint en pari.",
    },
    'assignee-missing': {
      title: 'Le travail en cours a un responsable',
      why: 'Un ticket en cours sans personne dessus est bloqué.',
    },
    'description-missing': {
      title: 'Les tickets ont une description',
      why: "Le résumé seul ne suffit jamais pour qu'un autre le reprenne.",
    },
    'stale-in-progress': {
      title: 'Rien ne reste en cours sans bouger',
      why: 'Un ticket intouché depuis deux semaines est bloqué ou abandonné : dites lequel.',
    },
    'blocked-without-link': {
      title: 'Les tickets bloqués lient leur bloqueur',
      why: 'Les rapports de dépendances ne montrent que les bloqueurs liés.',
    },
    'due-date-passed': {
      title: 'Les échéances sont tenues ou déplacées',
      why: 'Une échéance dépassée sur un ticket ouvert trompe tous ceux qui planifient avec.',
    },
    'sprint-carry-over': {
      title: 'Les tickets ne glissent pas de sprint en sprint',
      why: 'Le travail reporté cache un plan trop ambitieux.',
    },
    'description-too-short': {
      title: "Les descriptions disent pourquoi et jusqu'où",
      why: "Une seule ligne porte rarement le pourquoi et le périmètre : l'équipe finit par deviner.",
    },
    'acceptance-criteria-vague': {
      title: "Les critères d'acceptation sont vérifiables",
      why: 'Des critères comme « doit marcher » ou « rapide » laissent les mêmes débats que pas de critères du tout.',
    },
    'parent-missing': {
      title: 'Le travail appartient à une epic',
      why: 'Le travail hors epic est invisible dans les roadmaps et dans le temps passé par initiative.',
    },
    'long-in-progress': {
      title: "Le travail en cours se termine en moins d'un mois",
      why: 'Un travail qui reste en cours aussi longtemps est trop gros : découpez-le pour avoir du retour plus tôt.',
    },
    'resolution-mismatch': {
      title: 'La résolution correspond au statut',
      why: 'Les rapports distinguent le travail ouvert du travail fini par la résolution : une incohérence fausse les deux.',
    },
    'blocker-resolved': {
      title: 'Les tickets dont les bloqueurs sont terminés avancent',
      why: "Un ticket qui attend encore un travail terminé peut avancer, et personne ne l'a remarqué.",
    },
    'bug-missing-repro': {
      title: 'Les bugs disent comment les reproduire',
      why: "Un bug que personne ne sait reproduire fait des allers-retours entre rapporteur et développeur avant d'être corrigé.",
    },
    'summary-placeholder': {
      title: "Les résumés disent ce qu'est le travail",
      why: 'Tableaux, rapports et notifications affichent le résumé : « À définir » ne dit rien à personne.',
    },
    'epic-empty': {
      title: 'Les epics sont découpées en travail',
      why: "Une epic vide apparaît dans la roadmap comme du travail prévu que personne n'a découpé.",
    },
  },
  ritualsTitle: '{{orgName}} : calendrier des rituels',
  ritualsIntro: 'Les réunions récurrentes de {{orgName}}, pour {{teams}}.',
  colRitual: 'Rituel',
  colWhen: 'Quand',
  colWho: 'Qui',
  colStatus: 'Statut',
  statusActive: 'ACTIF',
  rituals: [
    ['Planification de sprint', 'Un lundi sur deux', 'Chaque équipe'],
    ['Revue produit', 'Mensuelle, premier jeudi', 'Product managers, leads'],
    ['Alignement trimestriel', 'Première semaine du trimestre', 'Toutes les équipes'],
    ['Rétrospective', 'Fin de chaque sprint', 'Chaque équipe'],
  ],
  quarterPanelTitle: 'Prochain alignement trimestriel',
  quarterPanelBody:
    "Le trimestre commence le {{quarterStart}}. Créez la page d'alignement avec le modèle Alignement trimestriel.",
  alignmentName: 'Alignement trimestriel',
  alignmentDescription: 'Objectifs, dépendances entre équipes et risques du trimestre.',
  alignmentGoals: 'Objectifs par équipe',
  colTeam: 'Équipe',
  colGoal: 'Objectif',
  colMetric: 'Indicateur',
  alignmentDependencies: 'Dépendances entre équipes',
  alignmentDependenciesPanel: 'Depuis le rapport de dépendances',
  alignmentDependenciesBody:
    "Publiez dans Confluence depuis la page Alignement trimestriel de Vertebra dans Jira pour remplir cette section, puis convenez d'un responsable et d'une date pour chaque bloqueur dans le tableau ci-dessous.",
  colNeeds: 'Besoin',
  colFrom: 'Équipe sollicitée',
  statusOpen: 'OUVERT',
  alignmentRisks: 'Risques',
  alignmentRisksHint: 'Ce qui pourrait nous arrêter, et ce que nous faisons',
  postmortemName: "Postmortem d'incident",
  postmortemDescription: 'Postmortem sans reproche : impact, chronologie, causes, actions.',
  postmortemBlameless: 'Sans reproche',
  postmortemBlamelessBody:
    'Nous cherchons les causes dans les systèmes et les processus, jamais chez les personnes.',
  colField: 'Champ',
  colValue: 'Valeur',
  pmSeverity: 'Gravité',
  pmStarted: 'Début',
  pmResolved: 'Résolution',
  pmImpact: 'Impact utilisateurs',
  pmTimeline: 'Chronologie',
  colTime: 'Heure',
  colEvent: 'Événement',
  pmCauses: 'Causes',
  pmCausesHint: 'Demandez pourquoi cinq fois',
  pmActions: 'Actions',
  pmActionTask: 'Action avec un responsable et une date',
  retroName: 'Rétrospective',
  retroDescription: "Ce qui a marché, ce qu'il faut améliorer, actions.",
  retroWell: 'Ce qui a bien marché',
  retroBetter: "Ce qu'il faut améliorer",
  retroActions: 'Actions',
  retroActionTask: 'Une action sur laquelle nous nous engageons',
};
