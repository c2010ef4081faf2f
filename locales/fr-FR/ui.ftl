# The kiosk's screens in French. Names ($name, $agent) arrive in Latin letters as the airline holds them.

language-name = Français

## Bars and the controls on every screen
help = Aide
back = Retour
start-over = Recommencer
start-over-title = Recommencer ?
start-over-body = Tout ce qui a été saisi pour cet enregistrement sera effacé.
start-over-keep = Poursuivre l’enregistrement
start-over-confirm = Oui, recommencer
larger-text = Texte plus grand
normal-text = Texte normal
high-contrast = Contraste élevé
normal-contrast = Couleurs normales
step-of = Étape { $step } sur { $steps }

## Help
help-on-the-way = De l'aide arrive
help-queued = Votre demande est enregistrée. Merci de rester ici ; un agent sera prévenu dans un instant.
help-delivered = Un agent a été prévenu et va venir à cette borne.
help-acknowledged = { $agent } arrive pour vous aider.
help-resolved = Votre demande est clôturée. Nous espérons que cela vous a aidé.
help-fallback = Nous ne pouvons pas joindre d'agent depuis cette borne. Veuillez vous rendre à : { $desk }.
help-fallback-any-desk = Nous ne pouvons pas joindre d’agent depuis cette borne. Veuillez vous rendre au comptoir d’enregistrement.
help-not-reached = Aucun agent n’a pu être joint
help-cancel = Annuler la demande

## Idle
idle-title = Avez-vous besoin de plus de temps ?
idle-countdown = { $seconds ->
    [one] Par souci de confidentialité, cet enregistrement prendra fin dans { $seconds } seconde.
   *[other] Par souci de confidentialité, cet enregistrement prendra fin dans { $seconds } secondes.
}
idle-more = Plus de temps
idle-end = Terminer

## Welcome
welcome-title = Bienvenue chez { $airline }
welcome-subtitle = Enregistrez-vous, choisissez votre siège et imprimez votre carte d'embarquement.
welcome-start = Touchez l'écran pour commencer
welcome-language = Choisissez votre langue
out-of-service = Cette borne ne peut pas imprimer pour le moment. Veuillez utiliser une autre borne ou vous adresser à un agent.

## Identify
identify-title = Retrouvez votre réservation
identify-scan-hint = Vous pouvez aussi scanner votre passeport ou votre carte d'embarquement à tout moment.
method-booking = Référence de réservation
method-eticket = Numéro de billet électronique
method-ff = Numéro de voyageur fréquent
method-passport = Passeport
method-boarding-pass = Carte d'embarquement
field-reference = Référence de réservation
field-reference-hint = 6 lettres et chiffres, par exemple ABC123
field-surname = Nom de famille
field-eticket = Numéro de billet électronique
field-eticket-hint = 13 chiffres
field-ff = Numéro de voyageur fréquent
identify-find = Rechercher ma réservation
identify-passport = Posez votre passeport sur le lecteur, page photo vers le bas.
identify-boarding-pass = Présentez le code-barres de votre carte d'embarquement sous le lecteur.
identify-reading = Lecture en cours…
key-space = Espace
key-backspace = Effacer
key-clear = Tout effacer

notice-invalid-reference = Une référence de réservation comporte 6 lettres et chiffres, par exemple ABC123.
notice-invalid-eticket = Un numéro de billet électronique comporte 13 chiffres.
notice-invalid-ff = Veuillez vérifier le numéro de voyageur fréquent.
notice-invalid-surname = Veuillez saisir votre nom de famille tel qu'il figure sur la réservation.
notice-no-passenger = Veuillez choisir au moins un passager.
notice-child-needs-adult = Un enfant ou un bébé voyage avec un adulte : veuillez aussi choisir l'adulte.
notice-seat-taken = Le siège { $seat } vient d'être attribué. Veuillez choisir un autre siège.
notice-seat-not-in-cabin = Le siège { $seat } se trouve dans une autre cabine.
notice-exit-row-not-allowed = Ce siège se trouve dans une rangée d'issue de secours, que ce passager ne peut pas occuper.
notice-not-identity = Ce document n'est ni un passeport ni une carte d'identité.
notice-devices-paused = L'imprimante et les lecteurs de la borne ne répondent pas pour le moment. Veuillez patienter : rien de ce que vous avez saisi n'est perdu.

## Greeting
greeting-hello = Bienvenue, { $name }
greeting-flight = Vol { $flight } à destination de { $destination }, départ à { $time }
greeting-connection = puis { $flight } à destination de { $destination }
greeting-select = Qui s'enregistre maintenant ?
greeting-infant = sur les genoux de { $adult }
greeting-child = enfant
greeting-checked-in = enregistrement déjà effectué
continue = Continuer

## Documents
documents-title = Documents de voyage
documents-on-file = { $kind } { $number }, valable jusqu'au { $date }
documents-confirm = C'est bien mon document
documents-not-mine = Ce n'est pas mon document
documents-scan = Veuillez scanner le passeport de { $name }.
documents-accepted = Vérifié
documents-passport = Passeport
documents-id-card = Carte d'identité

## Seats
seats-title = Choisissez vos sièges
seats-flight = Vol { $flight } à destination de { $destination }
seats-for = Siège pour
seats-list = Afficher la liste des sièges
seats-map = Afficher le plan de cabine
seats-keep = Confirmer les sièges
seats-row = Rangée { $row }
legend-free = Libre
legend-taken = Occupé
legend-selected = Votre choix
legend-exit = Issue de secours
seats-none-free = Aucun siège libre
exit-title = Rangée d'issue de secours
exit-question = Les sièges des rangées d'issue de secours sont réservés aux voyageurs de 15 ans ou plus, capables et disposés à aider à ouvrir l'issue en cas d'urgence, et n'ayant eux-mêmes besoin d'aucune aide particulière. Est-ce le cas de { $name } ?
exit-yes = Oui, je peux aider
exit-no = Non, choisir un autre siège

## Bags
bags-title = Bagages en soute
bags-allowance = { $count ->
    [0] Aucun bagage en soute inclus
    [one] { $count } bagage inclus
   *[other] { $count } bagages inclus
}
bags-count = { $count ->
    [0] Aucun bagage
    [one] { $count } bagage
   *[other] { $count } bagages
}
bags-already-checked = { $count ->
    [one] { $count } bagage déjà enregistré
   *[other] { $count } bagages déjà enregistrés
}
bags-fewer = Moins de bagages
bags-more = Plus de bagages
bags-hint = Les bagages cabine ne sont pas comptés ici.

## Dangerous goods
dg-title = Interdit dans vos bagages
dg-body = Pour la sécurité de tous, ces articles sont interdits en soute, et la plupart le sont aussi en cabine.
dg-batteries = Batteries au lithium de rechange et batteries externes (en cabine uniquement)
dg-flammable = Liquides et solides inflammables
dg-gas = Bouteilles de gaz et aérosols
dg-explosives = Explosifs et feux d'artifice
dg-toxic = Poisons et substances toxiques
dg-corrosive = Produits corrosifs et acides
dg-confirm = Je confirme que mes bagages ne contiennent aucun de ces articles

## Review
review-title = Veuillez vérifier
review-seat = Siège { $seat }
review-no-seat = Siège attribué à l'enregistrement
review-bags = { $count ->
    [0] aucun bagage en soute
    [one] { $count } bagage en soute
   *[other] { $count } bagages en soute
}
review-confirm = Enregistrer et imprimer
review-confirm-tags = Imprimer mes étiquettes bagages

## Printing
printing-title = Enregistrement en cours…
printing-body = Votre carte d'embarquement est en cours d'impression.

## Feedback
feedback-take = Veuillez prendre votre carte d'embarquement
feedback-take-bags = Veuillez prendre votre carte d'embarquement et vos étiquettes bagages
feedback-title = Comment s'est passé votre enregistrement aujourd'hui ?
feedback-1 = Très mauvais
feedback-2 = Mauvais
feedback-3 = Correct
feedback-4 = Bien
feedback-5 = Très bien
feedback-skip = Passer
feedback-sorry = Nous en sommes désolés. Souhaitez-vous parler à quelqu'un maintenant, ou nous dire ce qui n'a pas fonctionné ?
feedback-talk = Parler à quelqu'un maintenant
feedback-comment = Écrire un bref commentaire
feedback-send = Envoyer
feedback-no-thanks = Non, merci
feedback-review = Merci ! Si vous le souhaitez, scannez ce code pour nous donner votre avis.

## Goodbye
goodbye-title = Bon vol, { $name } !
goodbye-gate = Porte { $gate }, embarquement à { $time }
goodbye-gate-later = Embarquement à { $time } ; la porte sera affichée sur les écrans.
goodbye-bags = Veuillez fixer les étiquettes et apporter vos bagages au dépose-bagages.
goodbye-done = Terminé

## Exception screens
exception-title = Un instant, s'il vous plaît
choice-try-again = Réessayer
choice-another-way = Essayer une autre méthode
choice-staff = Appeler un agent
choice-continue-without-bags = Continuer sans bagages

## The kiosk closed by staff
kiosk-closed = Cette borne est fermée. Veuillez utiliser une autre borne ou vous adresser à un agent.

## Offered after a passport scan
offer-language = Voulez-vous continuer en { $language } ?

## Dates and cities as this language writes them (a city the list lacks keeps the airline's name).
date-day-month = { $day } { $month ->
    [1] janv.
    [2] févr.
    [3] mars
    [4] avr.
    [5] mai
    [6] juin
    [7] juil.
    [8] août
    [9] sept.
    [10] oct.
    [11] nov.
   *[12] déc.
}
date-full = { $day } { $month ->
    [1] janv.
    [2] févr.
    [3] mars
    [4] avr.
    [5] mai
    [6] juin
    [7] juil.
    [8] août
    [9] sept.
    [10] oct.
    [11] nov.
   *[12] déc.
} { $year }
city-YUL = Montréal
city-YYZ = Toronto
city-LHE = Lahore
city-DXB = Dubaï
city-LHR = Londres
city-ARN = Stockholm
city-JFK = New York
city-EDI = Édimbourg
city-MAD = Madrid
city-FRA = Francfort
# Speech mode, when the headset is pulled out (drawn on the screen).
speech-unplugged = Écouteurs débranchés : la voix est en pause. Rebranchez-les pour continuer à écouter.
speech-continue-on-screen = Continuer à l'écran

## Checked in already: the passes again, more bags, another seat
checked-in-title = { $name }, votre enregistrement est fait
checked-in-body = Vos sièges et vos bagages sont ci-dessous. Que souhaitez-vous faire ?
checked-in-seat = Vol { $flight } : siège { $seat }
checked-in-bags = { $count ->
    [0] Aucun bagage enregistré
    [one] 1 bagage enregistré
   *[other] { $count } bagages enregistrés
}
checked-in-reprint = { $count ->
    [one] Réimprimer ma carte d'embarquement
   *[other] Réimprimer nos cartes d'embarquement
}
checked-in-add-bags = Ajouter des bagages
checked-in-change-seat = Changer de siège
bag-drop-nothing = Il ne reste plus de bagage à enregistrer dans votre franchise ici. Un agent peut vous aider pour davantage.

## The boarding pass on a phone (Goodbye, checked in already)
checked-in-phone = Carte sur mon téléphone
phone-pass-waiting = Préparation des codes pour votre téléphone…
phone-pass-scan = Votre carte d'embarquement sur votre téléphone : scannez le code avec son appareil photo.
identify-staff = Recherche du personnel ({ $staff }) : la référence de réservation suffit.
