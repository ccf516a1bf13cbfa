import { defineMessages } from '../shell/define-messages';

/** Text of the templates screens: the space settings installer and the global settings catalogue. */
export const templatesMessages = defineMessages({
  en: {
    'templates.installer.title': 'Documentation bundles for {space}',
    'templates.installer.intro':
      'Install a curated set of pages and page templates in this space. Nothing is written until you press Install, and pages people edited are never overwritten.',
    'templates.installer.bundle': 'Bundle',
    'templates.installer.language': 'Language of the pages',
    'templates.installer.parent': 'Parent page (empty: the space home page)',
    'templates.installer.variables': 'Fill in',
    'templates.installer.required': 'required',
    'templates.installer.preview': 'Preview the plan',
    'templates.installer.install': 'Install',
    'templates.installer.installing': 'Installing… {done} of {total}',
    'templates.installer.uninstall': 'Uninstall',
    'templates.installer.uninstallConfirm':
      'Archive the untouched pages of {bundle}? Pages people edited stay where they are. Nothing is deleted.',
    'templates.installer.cancel': 'Cancel',
    'templates.installer.confirm': 'Archive untouched pages',
    'templates.installer.pages':
      '{count, plural, # page|# pages}, {templates, plural, # page template|# page templates}',
    'templates.installer.notAdminTitle': 'You cannot install bundles in {space}',
    'templates.installer.installedHere': 'Installed in this space: version {version}, on {date}.',
    'templates.installer.partlyHere':
      'Partly installed in this space (version {version}): install again to finish.',
    'templates.installer.upgradeHere':
      'Version {version} is available: preview the plan to see what changes.',
    'templates.plan.title': 'What installing will do',
    'templates.plan.summary':
      '{create} to create, {update} to update, {skip} unchanged, {conflict, plural, # conflict|# conflicts}',
    'templates.plan.page': 'Page',
    'templates.plan.action': 'Action',
    'templates.plan.why': 'Why',
    'templates.plan.template': 'Page template: {name}',
    'templates.error.notSignedIn': 'Sign in to Confluence to use templates.',
    'templates.error.noSpace': 'Open this from a space, or name the space.',
    'templates.error.spaceNotFound': 'Space {space} does not exist, or you do not have permission to see it.',
    'templates.error.notSpaceAdmin':
      'Only administrators of space {space} can install, upgrade or uninstall bundles. Ask one of them, or ask for space admin rights.',
    'templates.error.notConfluenceAdmin':
      'Only Confluence administrators can see the template catalogue and import bundles. Ask one of them.',
    'templates.error.noHomePage': 'Space {space} has no home page; pick a parent page.',
    'templates.error.parentNotInSpace':
      'Page {page} is not a current page of space {space}; pick a parent page in this space.',
    'templates.error.rootNotInSpace':
      'Page {page} is not a current page of space {space}; pick a page of this space.',
    'templates.error.badVariables': 'Some values are not right: {problems}.',
    'templates.error.bundleNotFound': 'There is no bundle "{bundle}".',
    'templates.error.installRunning':
      'Bundle "{bundle}" is being installed or removed in space {space} right now; try again when that has finished.',
    'templates.error.bundleIdTaken':
      '"{bundle}" is the id of a bundle Vertebra ships; give yours another id.',
    'templates.error.badBundleFile': 'The bundle file has {count, plural, # problem|# problems}: {problems}',
    'templates.error.bundleTooLarge':
      'The bundle "{bundle}" takes {size} KB once stored; Vertebra keeps bundles of at most {limit} KB. Split it into smaller bundles.',
    'templates.error.unresolvedConflicts':
      '{count, plural, # page people edited has|# pages people edited have} blocks the new version also changed: {pages}. Choose keep theirs, take ours or keep both for each block, then install.',
    'templates.error.unknownConflictBlock':
      'Page "{page}" has {count, plural, # conflicting block|# conflicting blocks}, not {block}: preview the plan again and choose on what it shows.',
    'templates.variable.line': '{variable} {problem}',
    'templates.variable.unknownVariable': 'is not a variable of this bundle (expected one of: {expected})',
    'templates.variable.required': 'is required',
    'templates.variable.tooLong': 'is longer than {limit} characters',
    'templates.variable.notAccountId': 'must be an Atlassian account id (letters, digits, colons, dashes)',
    'templates.variable.notDate': 'must be a date written YYYY-MM-DD',
    'templates.variable.noTeams': 'must name at least one team, separated by commas',
    'templates.variable.tooManyTeams': 'may name at most {max} teams',
    'templates.people.placeholder': 'Type a name to search people',
    'templates.people.noMatch': 'No one on this site matches',
    'templates.people.former': 'Former user',
    'templates.pages.placeholder': 'Type to search pages by title',
    'templates.pages.noMatch': 'No page of this space matches',
    'templates.export.title': 'Export a page tree as a bundle',
    'templates.export.help':
      'Pick a page: it and every page below it become a bundle file you can edit, then import in the catalogue of any site.',
    'templates.export.root': 'Top page of the tree',
    'templates.export.id': 'Bundle id (lowercase letters, digits, dashes)',
    'templates.export.name': 'Bundle title',
    'templates.export.version': 'Version',
    'templates.export.format': 'File format',
    'templates.export.button': 'Download the bundle',
    'templates.export.done': 'Bundle file {file} downloaded',
    'templates.action.create': 'Create',
    'templates.action.update': 'Update',
    'templates.action.merge': 'Merge',
    'templates.action.skip': 'Skip',
    'templates.action.conflict': 'Conflict',
    'templates.reason.new': 'Not in the space yet',
    'templates.reason.installed': 'Already installed, unchanged',
    'templates.reason.edited-nothing-new': 'Edited by people; nothing new for it',
    'templates.reason.newer-content': 'Untouched since install; newer content',
    'templates.reason.merged': 'Edited by people: their text stays, the new version’s changes are added',
    'templates.plan.conflictBlocks':
      '{count, plural, # block both people and the new version changed|# blocks both people and the new version changed}',
    'templates.reason.marker-behind': 'Already holds the new content',
    'templates.reason.marker-missing': 'Created by an interrupted install',
    'templates.reason.edited-since-install': 'Edited by people since install: left as it is',
    'templates.reason.title-taken': 'Another page already has this title',
    'templates.reason.name-taken': 'A page template of the space already has this name',
    'templates.result.title': 'Installed {bundle} {version}',
    'templates.result.summary': '{created} created, {updated} updated, {skipped} unchanged.',
    'templates.result.merged':
      '{merged, plural, # updated page kept people’s edits|# updated pages kept people’s edits} (merged).',
    'templates.plan.merges':
      '{merge, plural, # page people edited will be merged|# pages people edited will be merged}: their text stays.',
    'templates.result.conflicts': 'These pages were edited by people and were left as they are:',
    'templates.result.compare': 'compare',
    'templates.uninstalled.title': 'Uninstalled',
    'templates.uninstalled.summary':
      '{archived, plural, # page|# pages} archived; {kept, plural, # edited page|# edited pages} kept.',
    'templates.uninstalled.archived': 'Archived (people can restore them from the space’s archive):',
    'templates.uninstalled.kept': 'Left in place, because people edited them:',
    'templates.catalogue.title': 'Vertebra documentation bundles',
    'templates.catalogue.intro':
      'The bundles available, the spaces where each one is installed, and whether people use them.',
    'templates.catalogue.bundle': 'Bundle',
    'templates.catalogue.version': 'Version',
    'templates.catalogue.installedIn': 'Installed in',
    'templates.catalogue.notInstalled': 'Not installed yet',
    'templates.catalogue.space': 'Space',
    'templates.catalogue.installedAt': 'Installed',
    'templates.catalogue.installedBy': 'By',
    'templates.catalogue.status': 'Status',
    'templates.catalogue.status.installed': 'Installed',
    'templates.catalogue.status.partial': 'Partly installed',
    'templates.catalogue.status.uninstalled': 'Uninstalled',
    'templates.catalogue.upgrade': 'Upgrade available',
    'templates.catalogue.content': 'Content',
    'templates.catalogue.contentLine':
      '{pages, plural, # page|# pages}, {templates, plural, # page template|# page templates}',
    'templates.catalogue.installations': 'Where they are installed, and whether people use them',
    'templates.catalogue.installationsHelp':
      'Pages edited: installed pages people changed since. Pages read: installed pages someone opened. From templates: pages people created with the bundle’s page templates.',
    'templates.catalogue.noInstallations':
      'No bundle is installed yet. Space admins install them from their space settings.',
    'templates.catalogue.edited': 'Pages edited',
    'templates.catalogue.viewed': 'Pages read',
    'templates.catalogue.fromTemplates': 'From templates',
    'templates.catalogue.ofPages': '{count} of {pages}',
    'templates.catalogue.views': '{views, plural, # view|# views}',
    'templates.catalogue.counting': 'Counting',
    'templates.catalogue.unavailable': 'Not available',
    'templates.catalogue.custom': 'Imported',
    'templates.import.title': 'Import a bundle',
    'templates.import.help':
      'Paste a bundle in JSON or YAML (export one from a space’s settings, or with `vertebra templates export`).',
    'templates.import.label': 'Bundle file',
    'templates.import.button': 'Import',
    'templates.import.done': 'Bundle {id} imported',
    'templates.import.problems': 'The bundle was not imported:',
  },
  fr: {
    'templates.installer.title': 'Bundles de documentation pour {space}',
    'templates.installer.intro':
      "Installez un ensemble choisi de pages et de modèles dans cet espace. Rien n'est écrit avant que vous cliquiez sur Installer, et les pages modifiées par des personnes ne sont jamais écrasées.",
    'templates.installer.bundle': 'Bundle',
    'templates.installer.language': 'Langue des pages',
    'templates.installer.parent': "Page parente (vide : la page d'accueil de l'espace)",
    'templates.installer.variables': 'À renseigner',
    'templates.installer.required': 'obligatoire',
    'templates.installer.preview': 'Prévisualiser le plan',
    'templates.installer.install': 'Installer',
    'templates.installer.installing': 'Installation… {done} sur {total}',
    'templates.installer.uninstall': 'Désinstaller',
    'templates.installer.uninstallConfirm':
      "Archiver les pages non modifiées de {bundle} ? Les pages modifiées par des personnes restent en place. Rien n'est supprimé.",
    'templates.installer.cancel': 'Annuler',
    'templates.installer.confirm': 'Archiver les pages non modifiées',
    'templates.installer.pages':
      '{count, plural, # page|# pages}, {templates, plural, # modèle de page|# modèles de page}',
    'templates.installer.notAdminTitle': 'Vous ne pouvez pas installer de bundles dans {space}',
    'templates.installer.installedHere': 'Installé dans cet espace : version {version}, le {date}.',
    'templates.installer.partlyHere':
      'Installé en partie dans cet espace (version {version}) : installez à nouveau pour terminer.',
    'templates.installer.upgradeHere':
      'La version {version} est disponible : prévisualisez le plan pour voir ce qui change.',
    'templates.plan.title': "Ce que l'installation va faire",
    'templates.plan.summary':
      '{create} à créer, {update} à mettre à jour, {skip, plural, # inchangée|# inchangées}, {conflict, plural, # conflit|# conflits}',
    'templates.plan.page': 'Page',
    'templates.plan.action': 'Action',
    'templates.plan.why': 'Pourquoi',
    'templates.plan.template': 'Modèle de page : {name}',
    'templates.error.notSignedIn': 'Connectez-vous à Confluence pour utiliser les modèles.',
    'templates.error.noSpace': 'Ouvrez ceci depuis un espace, ou indiquez l’espace.',
    'templates.error.spaceNotFound':
      "L'espace {space} n'existe pas, ou vous n'avez pas l'autorisation de le voir.",
    'templates.error.notSpaceAdmin':
      "Seuls les administrateurs de l'espace {space} peuvent installer, mettre à jour ou désinstaller des bundles. Demandez à l'un d'eux, ou demandez les droits d'administration de l'espace.",
    'templates.error.notConfluenceAdmin':
      "Seuls les administrateurs de Confluence peuvent voir le catalogue de modèles et importer des bundles. Demandez à l'un d'eux.",
    'templates.error.noHomePage': "L'espace {space} n'a pas de page d'accueil ; choisissez une page parente.",
    'templates.error.parentNotInSpace':
      "La page {page} n'est pas une page active de l'espace {space} ; choisissez une page parente dans cet espace.",
    'templates.error.rootNotInSpace':
      "La page {page} n'est pas une page active de l'espace {space} ; choisissez une page de cet espace.",
    'templates.error.badVariables': 'Certaines valeurs ne conviennent pas : {problems}.',
    'templates.error.bundleNotFound': "Il n'existe pas de bundle « {bundle} ».",
    'templates.error.installRunning':
      "Le bundle « {bundle} » est en cours d'installation ou de retrait dans l'espace {space} ; réessayez quand ce sera fini.",
    'templates.error.bundleIdTaken':
      '« {bundle} » est l’identifiant d’un bundle fourni par Vertebra ; donnez un autre identifiant au vôtre.',
    'templates.error.badBundleFile':
      'Le fichier du bundle a {count, plural, # problème|# problèmes} : {problems}',
    'templates.error.bundleTooLarge':
      'Le bundle « {bundle} » occupe {size} Ko une fois enregistré ; Vertebra garde des bundles de {limit} Ko au plus. Découpez-le en bundles plus petits.',
    'templates.error.unresolvedConflicts':
      '{count, plural, # page modifiée par des personnes a|# pages modifiées par des personnes ont} des blocs que la nouvelle version change aussi : {pages}. Choisissez garder les leurs, prendre la nouvelle ou garder les deux pour chaque bloc, puis installez.',
    'templates.error.unknownConflictBlock':
      'La page « {page} » a {count, plural, # bloc en conflit|# blocs en conflit}, pas {block} : affichez de nouveau le plan et choisissez sur ce qu’il montre.',
    'templates.variable.line': '{variable} {problem}',
    'templates.variable.unknownVariable': "n'est pas une variable de ce bundle (attendu : {expected})",
    'templates.variable.required': 'est obligatoire',
    'templates.variable.tooLong': 'dépasse {limit} caractères',
    'templates.variable.notAccountId':
      'doit être un identifiant de compte Atlassian (lettres, chiffres, deux-points, tirets)',
    'templates.variable.notDate': 'doit être une date écrite AAAA-MM-JJ',
    'templates.variable.noTeams': 'doit nommer au moins une équipe, séparées par des virgules',
    'templates.variable.tooManyTeams': 'peut nommer au plus {max} équipes',
    'templates.people.placeholder': 'Tapez un nom pour chercher une personne',
    'templates.people.noMatch': 'Personne sur ce site ne correspond',
    'templates.people.former': 'Ancien utilisateur',
    'templates.pages.placeholder': 'Tapez pour chercher une page par son titre',
    'templates.pages.noMatch': 'Aucune page de cet espace ne correspond',
    'templates.export.title': 'Exporter une arborescence de pages en bundle',
    'templates.export.help':
      "Choisissez une page : elle et toutes les pages en dessous deviennent un fichier de bundle à modifier, puis à importer dans le catalogue de n'importe quel site.",
    'templates.export.root': "Page en haut de l'arborescence",
    'templates.export.id': 'Identifiant du bundle (minuscules, chiffres, tirets)',
    'templates.export.name': 'Titre du bundle',
    'templates.export.version': 'Version',
    'templates.export.format': 'Format du fichier',
    'templates.export.button': 'Télécharger le bundle',
    'templates.export.done': 'Fichier de bundle {file} téléchargé',
    'templates.action.create': 'Créer',
    'templates.action.update': 'Mettre à jour',
    'templates.action.merge': 'Fusionner',
    'templates.action.skip': 'Ignorer',
    'templates.action.conflict': 'Conflit',
    'templates.reason.new': "Pas encore dans l'espace",
    'templates.reason.installed': 'Déjà installée, inchangée',
    'templates.reason.edited-nothing-new': 'Modifiée par des personnes ; rien de nouveau pour elle',
    'templates.reason.newer-content': "Intacte depuis l'installation ; contenu plus récent",
    'templates.reason.merged':
      'Modifiée par des personnes : leur texte reste, les changements de la nouvelle version s’ajoutent',
    'templates.plan.conflictBlocks':
      '{count, plural, # bloc modifié à la fois par des personnes et par la nouvelle version|# blocs modifiés à la fois par des personnes et par la nouvelle version}',
    'templates.reason.marker-behind': 'Contient déjà le nouveau contenu',
    'templates.reason.marker-missing': 'Créée par une installation interrompue',
    'templates.reason.edited-since-install':
      "Modifiée par des personnes depuis l'installation : laissée telle quelle",
    'templates.reason.title-taken': 'Une autre page porte déjà ce titre',
    'templates.reason.name-taken': "Un modèle de page de l'espace porte déjà ce nom",
    'templates.result.title': '{bundle} {version} installé',
    'templates.result.summary':
      '{created, plural, # créée|# créées}, {updated, plural, # mise à jour|# mises à jour}, {skipped, plural, # inchangée|# inchangées}.',
    'templates.result.merged':
      '{merged, plural, # page mise à jour a gardé les modifications des personnes|# pages mises à jour ont gardé les modifications des personnes} (fusion).',
    'templates.plan.merges':
      '{merge, plural, # page modifiée par des personnes sera fusionnée|# pages modifiées par des personnes seront fusionnées} : leur texte reste.',
    'templates.result.conflicts':
      'Ces pages ont été modifiées par des personnes et laissées telles quelles :',
    'templates.result.compare': 'comparer',
    'templates.uninstalled.title': 'Désinstallé',
    'templates.uninstalled.summary':
      '{archived, plural, # page archivée|# pages archivées} ; {kept, plural, # page modifiée conservée|# pages modifiées conservées}.',
    'templates.uninstalled.archived': 'Archivées (restaurables depuis les archives de l’espace) :',
    'templates.uninstalled.kept': 'Laissées en place, car des personnes les ont modifiées :',
    'templates.catalogue.title': 'Bundles de documentation Vertebra',
    'templates.catalogue.intro':
      "Les bundles disponibles, les espaces où chacun est installé, et s'ils sont utilisés.",
    'templates.catalogue.bundle': 'Bundle',
    'templates.catalogue.version': 'Version',
    'templates.catalogue.installedIn': 'Installé dans',
    'templates.catalogue.notInstalled': 'Pas encore installé',
    'templates.catalogue.space': 'Espace',
    'templates.catalogue.installedAt': 'Installé le',
    'templates.catalogue.installedBy': 'Par',
    'templates.catalogue.status': 'Statut',
    'templates.catalogue.status.installed': 'Installé',
    'templates.catalogue.status.partial': 'Installé en partie',
    'templates.catalogue.status.uninstalled': 'Désinstallé',
    'templates.catalogue.upgrade': 'Mise à jour disponible',
    'templates.catalogue.content': 'Contenu',
    'templates.catalogue.contentLine':
      '{pages, plural, # page|# pages}, {templates, plural, # modèle de page|# modèles de page}',
    'templates.catalogue.installations': 'Où ils sont installés, et si les gens les utilisent',
    'templates.catalogue.installationsHelp':
      'Pages modifiées : pages installées que des personnes ont changées depuis. Pages lues : pages installées que quelqu’un a ouvertes. Issues des modèles : pages créées avec les modèles de page du bundle.',
    'templates.catalogue.noInstallations':
      "Aucun bundle n'est encore installé. Les administrateurs d'espace les installent depuis les paramètres de leur espace.",
    'templates.catalogue.edited': 'Pages modifiées',
    'templates.catalogue.viewed': 'Pages lues',
    'templates.catalogue.fromTemplates': 'Issues des modèles',
    'templates.catalogue.ofPages': '{count} sur {pages}',
    'templates.catalogue.views': '{views, plural, # vue|# vues}',
    'templates.catalogue.counting': 'Comptage',
    'templates.catalogue.unavailable': 'Indisponible',
    'templates.catalogue.custom': 'Importé',
    'templates.import.title': 'Importer un bundle',
    'templates.import.help':
      'Collez un bundle en JSON ou YAML (exportez-en un depuis les paramètres d’un espace, ou avec `vertebra templates export`).',
    'templates.import.label': 'Fichier du bundle',
    'templates.import.button': 'Importer',
    'templates.import.done': 'Bundle {id} importé',
    'templates.import.problems': "Le bundle n'a pas été importé :",
  },
});
