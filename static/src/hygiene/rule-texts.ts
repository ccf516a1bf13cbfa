/**
 * French titles, reasons and fixes of the built-in rules (the English ones come from the rules themselves, through
 * the resolvers). Keyed by rule id, which is part of the app's interface; a rule missing here shows in English.
 */
export const RULE_TEXTS_FR: Readonly<Record<string, { title: string; rationale: string; fixHint: string }>> =
  {
    'description-missing': {
      title: 'Description absente',
      rationale:
        'Sans description, la personne qui reprend le ticket doit relancer son auteur pour le contexte ; les passations bloquent.',
      fixHint: 'Écrivez le problème ou le besoin, qui le rencontre et pourquoi il compte maintenant.',
    },
    'description-too-short': {
      title: 'Description trop courte',
      rationale:
        'Une description d’une ligne porte rarement le pourquoi et le périmètre ; l’équipe finit par deviner.',
      fixHint: 'Ajoutez le contexte, le résultat attendu et ce qui est hors périmètre.',
    },
    'acceptance-criteria-missing': {
      title: 'Critères d’acceptation absents',
      rationale:
        'Sans critères d’acceptation, « terminé » est une affaire d’opinion : revues et démos tournent à la négociation.',
      fixHint:
        'Remplissez le champ des critères, ou ajoutez un titre « Critères d’acceptation » avec des éléments vérifiables.',
    },
    'acceptance-criteria-vague': {
      title: 'Critères d’acceptation invérifiables',
      rationale:
        'Des critères qu’un testeur ne peut pas vérifier (« doit fonctionner », « rapide », « etc. ») valent l’absence de critères.',
      fixHint:
        'Écrivez chaque critère en case à cocher, en liste numérotée ou en Étant donné / Quand / Alors, avec des mots mesurables.',
    },
    'assignee-missing': {
      title: 'En cours sans responsable',
      rationale:
        'Un travail en cours que personne ne porte est un travail dont personne ne parle au point quotidien.',
      fixHint: 'Assignez le ticket à la personne qui fait le travail, ou remettez-le dans le backlog.',
    },
    'estimate-missing': {
      title: 'Estimation absente',
      rationale:
        'Du travail non estimé dans un sprint fausse la vélocité et les prévisions de tous ceux qui s’y fient.',
      fixHint: 'Estimez le ticket (points ou estimation initiale) au prochain affinage.',
    },
    'parent-missing': {
      title: 'Sans epic parent',
      rationale:
        'Le travail hors epic est invisible dans les feuilles de route et dans le temps passé par initiative.',
      fixHint: 'Rattachez le ticket à l’epic auquel il contribue.',
    },
    'stale-in-progress': {
      title: 'En cours mais à l’arrêt',
      rationale:
        'Un ticket en cours que personne n’a touché depuis des semaines est souvent bloqué ou abandonné.',
      fixHint: 'Indiquez où il en est, signalez-le s’il est bloqué, ou remettez-le dans le backlog.',
    },
    'long-in-progress': {
      title: 'En cours depuis longtemps',
      rationale:
        'Un travail en cours depuis plus d’un mois est souvent trop gros pour avancer ; le découper raccourcit les retours.',
      fixHint: 'Découpez le ticket en morceaux qui se terminent dans un sprint.',
    },
    'due-date-passed': {
      title: 'Échéance dépassée',
      rationale: 'Une échéance passée annonce aux parties prenantes une promesse qui n’est plus vraie.',
      fixHint: 'Terminez le ticket, ou convenez d’une nouvelle échéance avec qui en dépend.',
    },
    'resolution-mismatch': {
      title: 'Résolution incohérente avec le statut',
      rationale:
        'Rapports et filtres utilisent la résolution pour distinguer l’ouvert du terminé ; une incohérence fausse les deux.',
      fixHint: 'Renseignez une résolution à la clôture, et effacez-la à la réouverture.',
    },
    'blocked-without-link': {
      title: 'Bloqué sans lien de blocage',
      rationale:
        'Un blocage invisible ne peut pas être relancé : l’équipe bloquante ne sait pas qu’elle retient quelqu’un.',
      fixHint: 'Liez le ticket qui bloque celui-ci (« est bloqué par »), ou retirez le drapeau.',
    },
    'blocker-resolved': {
      title: 'Bloqueurs tous terminés',
      rationale:
        'Un ticket qui attend un travail terminé est libre d’avancer ; personne ne l’a encore remarqué.',
      fixHint: 'Reprenez le ticket (et retirez son drapeau), ou liez ce qui le bloque vraiment maintenant.',
    },
    'bug-missing-repro': {
      title: 'Bug sans étapes de reproduction',
      rationale: 'Un bug que personne ne sait reproduire fait des allers-retours avant d’être corrigé.',
      fixHint:
        'Ajoutez les sections « Étapes pour reproduire », « Résultat attendu » et « Résultat obtenu ».',
    },
    'sprint-carry-over': {
      title: 'Reporté de sprint en sprint',
      rationale:
        'Un ticket reporté de sprint en sprint cache un problème de périmètre ou de dépendance, et gonfle les engagements.',
      fixHint: 'Découpez-le, débloquez-le, ou sortez-le du sprint jusqu’à ce qu’il soit prêt.',
    },
    'summary-placeholder': {
      title: 'Résumé provisoire',
      rationale:
        'Le résumé est ce que montrent tableaux, rapports et notifications ; « TBD » ou « copie de… » n’apprend rien.',
      fixHint: 'Réécrivez le résumé comme le résultat attendu, en quelques mots simples.',
    },
    'epic-empty': {
      title: 'Epic vide',
      rationale:
        'Un epic sans ticket enfant apparaît sur la feuille de route comme du travail prévu que personne n’a découpé.',
      fixHint: 'Découpez l’epic en stories, ou fermez-le si l’initiative est abandonnée.',
    },
  };
