# What the kiosk says in French when a check-in meets an exception. One message per exception
# reason (the engine's stable codes); the GUI shows these on the exception screens and the
# headless check-in prints them.
#
# Variables: $attempts (failed look-ups), $time (a local time such as "14:35, 23 Nov"),
# $airport (IATA code), $service (SSR code), $allowed and $asked (bags), $detail (free text).

booking_not_found = { $attempts ->
    [one] Nous n'avons trouvé aucune réservation avec ces informations. Veuillez les vérifier et réessayer, ou essayer une autre méthode.
   *[other] Nous ne trouvons toujours pas de réservation ({ $attempts } essais). Veuillez essayer une autre méthode ou demander de l'aide.
}
checkin_not_open = L'enregistrement pour ce vol ouvre à { $time } (heure locale). Veuillez revenir à ce moment-là.
checkin_closed = L'enregistrement pour ce vol a fermé à { $time } (heure locale). Un agent peut encore vous aider.
flight_cancelled = Ce vol a été annulé.
wrong_airport = Ce vol part de { $airport }. Cette borne enregistre uniquement les vols au départ d'ici.
document_expired = Ce passeport expire avant la fin de votre voyage.
document_name_mismatch = Le nom figurant sur ce passeport ne correspond pas à la réservation.
document_missing = Un passeport ou une carte nationale d'identité est nécessaire pour ce voyage. Veuillez le scanner, page photo vers le bas.
visa_required = Ce voyage nécessite un visa ou une autorisation de voyage dont nous n'avons aucune trace.
address_required = La destination exige votre adresse sur place, et nous n'en avons aucune dans votre dossier.
no_board = Les autorités de la destination n'ont pas autorisé l'embarquement de ce passager.
special_service = Votre réservation comprend un service ({ $service }) qu'un agent finalise avec vous.
excess_baggage = Le nombre de bagages ({ $asked }) dépasse celui inclus dans votre billet ({ $allowed }). Modifiez le nombre de bagages, ou un agent peut vous aider pour les bagages supplémentaires.
bags_closed = Les bagages ne sont plus acceptés pour ce vol. Vous pouvez continuer sans bagage en soute, ou vous adresser à un agent.
no_seat = Il ne reste aucun siège libre adapté.
refused = Le système de la compagnie n'a pas pu effectuer votre enregistrement ({ $detail }).
reprint_limit = Votre carte d'embarquement a déjà été réimprimée autant de fois que la borne le permet. Un agent va vous l'imprimer.
check_in_first = Votre enregistrement n'est pas encore fait. Ceci est un dépôt de bagages : enregistrez-vous d'abord à une borne d'enregistrement, ou demandez à un agent.
printer_failure = L'imprimante rencontre un problème. Votre enregistrement est effectué.
airline_system_unavailable = Le système de la compagnie est momentanément inaccessible. Veuillez réessayer dans un instant.

# When a scanned document cannot be read (documents::MrzError::message_id).
mrz-unreadable = Le passeport n'a pas pu être lu. Veuillez le poser à plat sur le lecteur, page photo vers le bas.
mrz-not-a-travel-document = Ce document n'est ni un passeport ni une carte d'identité. Veuillez scanner la page photo de votre passeport.
mrz-check-failed = Le passeport n'a pas pu être lu de façon fiable. Veuillez le scanner à nouveau ou demander de l'aide.
scan-unreadable = La lecture a échoué. Veuillez scanner à nouveau votre carte d'embarquement ou la page photo de votre passeport.
