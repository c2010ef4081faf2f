# L'espace agents : pages web que le personnel consulte sur un téléphone ou un ordinateur de
# bureau. La langue du navigateur de chaque agent choisit la langue (l'anglais si l'espace agents ne la parle pas).

desk-title = Espace agents Concierge
desk-sign-in-title = Espace agents Concierge — connexion
desk-name = Nom
desk-password = Mot de passe
desk-sign-in = Se connecter
desk-wrong-sign-in = Nom ou mot de passe incorrect.
desk-sign-out = Se déconnecter
desk-too-many = { $minutes ->
    [one] Trop de mots de passe erronés. Réessayez dans { $minutes } minute.
   *[other] Trop de mots de passe erronés. Réessayez dans { $minutes } minutes.
}
desk-busy = Le poste est occupé. Réessayez dans un instant.
desk-form-stale = La page avait expiré. Veuillez vous reconnecter.
desk-signed-in-as = Session ouverte : { $agent }
desk-open-requests = Demandes ouvertes
desk-no-open = Aucune demande ouverte.
desk-escalated = escaladée
desk-waiting = { $minutes ->
    [one] en attente depuis { $minutes } minute
   *[other] en attente depuis { $minutes } minutes
}
desk-kiosk = Borne { $kiosk }
desk-flight = Vol { $flight }
desk-closes = { $minutes ->
    [one] fin de l'enregistrement dans { $minutes } minute
   *[other] fin de l'enregistrement dans { $minutes } minutes
}
desk-closed-already = l'enregistrement est clos
desk-step = étape : { $step }
desk-language = langue : { $language }
desk-passenger = passager { $name }
desk-on-the-way = { $agent } est en route
desk-acknowledge = Prendre en charge
desk-resolve = Clôturer
desk-last-day = { $count ->
    [one] 24 dernières heures : { $count } demande
   *[other] 24 dernières heures : { $count } demandes
}
desk-per-hour = { $rate } par heure
desk-median-ack = délai médian de prise en charge : { $time }
desk-seconds = { $seconds ->
    [one] { $seconds } seconde
   *[other] { $seconds } secondes
}
desk-no-figure = —
desk-recent = Demandes récentes
desk-col-kiosk = Borne
desk-col-reason = Motif
desk-col-outcome = Résultat
desk-col-agent = Agent
desk-state-open = ouverte
desk-state-acknowledged = prise en charge
desk-state-resolved = clôturée
desk-state-cancelled = annulée par la borne

## L'horloge d'une fiche : { $time } est une heure, { $ago } « il y a 5 minutes », { $in } « dans 12 minutes »
desk-minutes-ago = { $minutes ->
    [one] il y a { $minutes } minute
   *[other] il y a { $minutes } minutes
}
desk-in-minutes = { $minutes ->
    [one] dans { $minutes } minute
   *[other] dans { $minutes } minutes
}
desk-closes-at = fin de l'enregistrement à { $time } ({ $in })
desk-asked = demandée { $ago }
desk-received = reçue par l'espace agents { $ago }
desk-gave-up = la borne a envoyé le passager au comptoir à { $time }
desk-escalated-to = escaladée à { $time } vers { $to }
desk-drill = exercice
desk-drill-note = Exercice : personne n'attend à la borne.
desk-service = service spécial { $code }
desk-yours = votre aéroport

## Ce que le personnel doit faire pour une demande de service spécial qui bloque l'enregistrement
desk-todo-UMNR = Mineur non accompagné : allez à la borne et restez avec l'enfant, vérifiez le formulaire de remise et la personne qui l'accueille à l'arrivée, puis accompagnez-le jusqu'à la porte.
desk-todo-STCR = Passager sur civière : vérifiez l'accord médical et organisez la civière et l'ambulift avec l'escale.
desk-todo-MEDA = Cas médical : vérifiez l'accord médical (MEDIF) avant d'enregistrer le passager.
desk-todo-PETC = Animal en cabine : vérifiez le sac de transport et les documents de l'animal, puis encaissez les frais.

## L'historique d'une demande
desk-timeline = Historique
desk-event-raised = demandée à la borne
desk-event-received = reçue par l'espace agents
desk-event-updated = la borne a relancé la demande ({ $detail })
desk-event-escalated = escaladée vers { $to }
desk-event-acknowledged = { $agent } l'a prise en charge
desk-event-released = { $agent } l'a libérée
desk-event-handed_over = { $agent } l'a confiée à { $to }
desk-event-note = { $agent } a noté : { $text }
desk-event-resolved = { $agent } l'a clôturée
desk-event-cancelled = annulée à la borne
desk-event-closed_at_kiosk = fermée à la borne
desk-event-reopened = redemandée après sa clôture
desk-note = Note
desk-add-note = Ajouter une note
desk-release = Libérer
desk-hand-over = Confier à

## Le résultat de l'action d'un agent
desk-taken = { $agent } l'a déjà prise en charge.
desk-already-closed = Cette demande est déjà clôturée.
desk-gone = Cette demande n'existe pas.

## Demandes récentes, alertes, connexion
desk-col-time = Heure
desk-col-resolved-by = Clôturée par
desk-alerts-on = Activer les alertes
desk-alerts-ready = Alertes activées
desk-offline = L'espace agents est injoignable : cette liste n'est peut-être plus à jour.
desk-filter = Afficher
desk-filter-all = Tous les aéroports
desk-alert-new = Nouvelle demande à la borne { $kiosk }
desk-alert-escalated = Escaladée : borne { $kiosk }

## Pourquoi la borne a demandé un agent (les codes de motif du moteur)
desk-reason-passenger_asked = Le passager a demandé de l'aide
desk-reason-unhappy_passenger = Passager mécontent (note de satisfaction basse)
desk-reason-printer_paper_low = Papier de l'imprimante bientôt épuisé
desk-reason-assistance = Assistance demandée ({ $service })
desk-reason-booking_not_found = Réservation introuvable
desk-reason-checkin_not_open = Enregistrement pas encore ouvert
desk-reason-checkin_closed = Enregistrement clos
desk-reason-flight_cancelled = Vol annulé : réacheminement nécessaire
desk-reason-wrong_airport = Vol au départ d'un autre aéroport
desk-reason-document_expired = Passeport expirant trop tôt
desk-reason-document_name_mismatch = Le nom du passeport ne correspond pas à la réservation
desk-reason-document_missing = Document de voyage manquant
desk-reason-visa_required = Visa ou autorisation de voyage à vérifier
desk-reason-address_required = Adresse à destination requise
desk-reason-no_board = Les autorités ont répondu « refus d'embarquement »
desk-reason-special_service = Demande de service spécial à traiter par un agent
desk-reason-excess_baggage = Excédent de bagages
desk-reason-bags_closed = Dépose-bagages fermé pour ce vol
desk-reason-no_seat = Aucun siège n'a pu être attribué
desk-reason-refused = Le système de la compagnie a refusé l'enregistrement
desk-reason-reprint_limit = Carte d'embarquement réimprimée trop souvent
desk-reason-check_in_first = Non enregistré, au dépôt de bagages
desk-reason-printer_failure = Panne d'imprimante
desk-reason-airline_system_unavailable = Système de la compagnie indisponible
desk-reason-print_interrupted = Une impression a été interrompue (redémarrage de la borne)

## Le parcours du passager, tel que le personnel le voit sur les pages, l'espace agents et le mode agent
step-name-welcome = Accueil
step-name-identify = Identification
step-name-greeting = Bienvenue
step-name-checked_in = Déjà enregistré
step-name-documents = Documents de voyage
step-name-seats = Sièges
step-name-bags = Bagages
step-name-dangerous_goods = Marchandises dangereuses
step-name-review = Récapitulatif
step-name-printing = Impression
step-name-feedback = Avis
step-name-goodbye = Au revoir

## The boarding pass on a phone (served by the desk)
pass-title = Carte d'embarquement
pass-passenger = Passager
pass-date = Date
pass-boarding = Embarquement
pass-departs = Départ
pass-gate = Porte
pass-gate-later = Sur les écrans
pass-seat = Siège
pass-seat-lap = Sur les genoux
pass-sequence = N° ordre
pass-reference = Réservation
pass-show = Présentez ce code au contrôle et à la porte, écran lumineux.
pass-apple = Ajouter à Apple Wallet
pass-google = Ajouter à Google Wallet
pass-link-left = Ce lien s'ouvre { $count ->
    [0] plus aucune fois
    [one] encore une fois
   *[other] encore { $count } fois
} jusqu'à { $time }. Enregistrez la carte ou faites une capture d'écran.
pass-gone-title = Ce lien ne s'ouvre plus
pass-gone = Pour protéger votre carte, un lien ne s'ouvre que quelques fois, pendant quelques minutes. Scannez à nouveau le code à la borne, ou utilisez votre carte imprimée.

## What staff did at the kiosks
desk-staff-title = Personnel aux bornes
desk-col-staff = Personnel
desk-col-action = Action
desk-col-detail = Détail
desk-event-staff = { $agent } à la borne : { $action }
desk-staff-override = A accepté un document
desk-staff-late_check_in = A enregistré après la clôture
desk-staff-reprint = A réimprimé les documents
desk-staff-reissue_tag = A remplacé une étiquette
desk-staff-find_booking = A cherché une réservation
desk-staff-restart = A relancé la session
desk-staff-close_kiosk = A fermé la borne
desk-staff-open_kiosk = A ouvert la borne
desk-staff-resolve_help = A résolu la demande d'aide
desk-staff-sign_out = A quitté le mode personnel

## La page des bornes (/fleet) : l’état de chaque borne
desk-fleet-link = Bornes
desk-fleet-title = Bornes
desk-fleet-back = Demandes d’aide
desk-fleet-none = Aucune borne ne s’est encore signalée.
desk-fleet-summary = { $online } bornes sur { $total } en ligne · { $problems ->
    [0] rien à signaler
    [one] { $problems } demande de l’attention
   *[other] { $problems } demandent de l’attention
}
desk-fleet-online = En ligne
desk-fleet-offline = Hors ligne depuis { $time }
desk-fleet-out-of-service = Hors service
desk-fleet-closed = Fermée par le personnel
desk-fleet-printer = Imprimante
desk-fleet-scanner = Scanner
desk-fleet-reader = Lecteur de passeports
desk-fleet-headset = Casque
desk-fleet-device-ok = OK
desk-fleet-device-low = papier bas
desk-fleet-device-out = plus de papier
desk-fleet-device-jammed = bourrage
desk-fleet-device-fault = panne
desk-fleet-device-offline = ne répond pas
desk-fleet-device-unknown = non signalé
desk-fleet-device-connected = branché
desk-fleet-device-none = non branché
desk-fleet-last-checkin = Dernier enregistrement à { $time }
desk-fleet-no-checkin = Aucun enregistrement encore
desk-fleet-hour = Dernière heure : { $visits } visites, { $failures } échecs ({ $rate } %)
desk-fleet-help-open = { $count ->
    [0] Aucune demande d’aide ouverte
    [one] { $count } demande d’aide ouverte
   *[other] { $count } demandes d’aide ouvertes
}
desk-fleet-version = Logiciel { $software } · paramétrage { $config }
desk-fleet-alert-offline = Silencieuse
desk-fleet-alert-printer = Imprimante arrêtée
desk-reason-kiosk_offline = Une borne ne se signale plus
desk-reason-printer_out = Imprimante de borne arrêtée

## Les chiffres des bornes (/fleet/report)
desk-report-link = Chiffres
desk-report-title = Les chiffres des bornes
desk-report-24h = Dernières 24 heures
desk-report-7d = 7 derniers jours
desk-report-csv = Télécharger le CSV
desk-report-none = Aucune borne n’a signalé de session sur cette période.
desk-report-total = Sessions : { $sessions } · terminées : { $rate }
desk-report-chart-hours = Sessions par heure (foncé : terminées)
desk-report-chart-airports = Enregistrements terminés par aéroport
desk-report-by-airport = Par aéroport
desk-report-by-kiosk = Par borne
desk-report-by-language = Par langue
desk-report-by-hour = Par heure (UTC)
desk-report-col-sessions = Sessions
desk-report-col-completed = Terminées
desk-report-col-rate = Taux
desk-report-col-help = Demandes d’aide
desk-report-col-answered = Réponse en (médiane / 90 %)
desk-report-col-unanswered = Sans réponse (attente médiane)

## Le paramétrage centralisé (/fleet/config)
desk-config-link = Paramétrage
desk-config-title = Paramétrage des bornes
desk-config-published = Publié actuellement
desk-config-none = Rien n’est publié : chaque borne utilise son propre fichier.
desk-config-group = Groupe
desk-config-version = Version
desk-config-by = Publié par
desk-config-when = Date
desk-config-tables = Tables
desk-config-files = Fichiers
desk-config-new = Publier un paramétrage
desk-config-text = Paramétrage (tables entières, par exemple [branding], [locales] ou [timeouts])
desk-config-add = Dossier des nouveaux fichiers
desk-config-note = Ce qui change, et pourquoi
desk-config-check = Vérifier et prévisualiser
desk-config-publish = Publier
desk-config-problems = Non publié : corrigez d’abord ces points
desk-config-ok = Toutes les vérifications sont passées. Les écrans modifiés, avant et après :
desk-config-done = Publié : { $label }.
desk-config-stale = Quelqu’un a publié pour ce groupe depuis que vous avez ouvert le formulaire : consultez d’abord sa version.
desk-config-not-publisher = Seules les personnes habilitées à publier ([desk] publishers) peuvent publier.
desk-config-log = Journal des modifications
desk-config-by-at = { $agent }, { $time }
desk-config-refused = Paramétrage refusé : { $label }
desk-config-applied = Paramétrage : { $label }
desk-config-drawing = Dessin des écrans dans chaque langue…
desk-config-same = Aucun écran ne change d’apparence.
desk-config-before = Maintenant
desk-config-after = Après publication
desk-config-group-all = toutes les bornes
desk-config-group-airport = aéroport { $code }
desk-config-group-terminal = terminal { $code }
desk-config-group-kiosk = borne { $code }
desk-config-layer = { $group } v{ $version }
desk-config-group-none = rien de publié
desk-kiosk-alerts = Bornes qui ont besoin de quelqu’un
