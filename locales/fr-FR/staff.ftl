# Mode agent sur la borne : vu par le personnel de la compagnie.

staff-sign-in = Connexion agent
staff-number = Matricule
staff-pin = Code PIN
staff-enter = Se connecter
staff-cancel = Annuler
staff-wrong = Matricule ou code PIN incorrect. { $left ->
    [one] Plus qu'un essai avant le verrouillage du mode agent.
   *[other] Encore { $left } essais avant le verrouillage du mode agent.
}
staff-locked = Le mode agent est verrouillé jusqu'à { $time } à la suite de trop nombreux codes PIN erronés.
staff-title = Mode agent — { $name }
staff-step = Étape : { $step }
staff-exception = Anomalie : { $exception }
staff-none = aucune
staff-printer-ok = Imprimante : prête
staff-printer-fault = Imprimante : { $detail }
staff-help = Demande d'aide : { $status }
staff-help-none = aucune en cours
staff-help-acknowledged = prise en charge par { $agent }
staff-help-delivered = transmise, en attente d'un agent
staff-help-fallback = non transmise (le passager est orienté vers le comptoir)
staff-help-queued = en file d'envoi
staff-kiosk-open = Borne : ouverte
staff-kiosk-closed = Borne : fermée aux passagers
staff-override = Accepter le document :
staff-reason-checked = Document vérifié par mes soins
staff-reason-permit = Visa ou permis constaté
staff-reason-address = Adresse recueillie
staff-reprint = Réimprimer les documents
staff-restart = Redémarrer la session
staff-close = Fermer la borne
staff-open = Ouvrir la borne
staff-resolve = Clôturer la demande d'aide
staff-leave = Quitter le mode agent
staff-config-error = La dernière modification du fichier de configuration n'a pas été appliquée (la précédente reste en vigueur) : { $error }
staff-document-of = Pour { $passenger } : le document indique { $document }
staff-late = L'enregistrement est clos. Enregistrer quand même :
staff-late-gate = La porte accepte le passager
staff-late-connection = Correspondance arrivée en retard
staff-late-manager = Le chef d'escale a approuvé
staff-reissue-tag = Remplacer l'étiquette { $plate } ({ $passenger })
staff-find = Chercher une réservation (référence seule)
