# Mitarbeitermodus am Automaten: von Mitarbeitern der Fluggesellschaft gesehen.

staff-sign-in = Mitarbeiter-Anmeldung
staff-number = Personalnummer
staff-pin = PIN
staff-enter = Anmelden
staff-cancel = Abbrechen
staff-wrong = Personalnummer oder PIN falsch. { $left ->
    [one] Noch ein Versuch, bevor der Mitarbeitermodus gesperrt wird.
   *[other] Noch { $left } Versuche, bevor der Mitarbeitermodus gesperrt wird.
}
staff-locked = Der Mitarbeitermodus ist nach zu vielen falschen PIN-Eingaben bis { $time } gesperrt.
staff-title = Mitarbeitermodus — { $name }
staff-step = Schritt: { $step }
staff-exception = Ausnahme: { $exception }
staff-none = keine
staff-printer-ok = Drucker: bereit
staff-printer-fault = Drucker: { $detail }
staff-help = Hilfeanfrage: { $status }
staff-help-none = keine offen
staff-help-acknowledged = übernommen von { $agent }
staff-help-delivered = zugestellt, wartet auf einen Mitarbeiter
staff-help-fallback = nicht zugestellt (Fluggast wird zum Schalter geschickt)
staff-help-queued = in der Warteschlange
staff-kiosk-open = Automat: geöffnet
staff-kiosk-closed = Automat: für Fluggäste geschlossen
staff-override = Dokument akzeptieren:
staff-reason-checked = Dokument von mir geprüft
staff-reason-permit = Visum oder Genehmigung eingesehen
staff-reason-address = Adresse aufgenommen
staff-reprint = Dokumente erneut drucken
staff-restart = Sitzung neu starten
staff-close = Automat schließen
staff-open = Automat öffnen
staff-resolve = Hilfeanfrage abschließen
staff-leave = Mitarbeitermodus verlassen
staff-config-error = Die letzte Änderung der Konfigurationsdatei wurde nicht übernommen (die vorherige bleibt gültig): { $error }
staff-document-of = Für { $passenger }: Im Dokument steht { $document }
staff-late = Der Check-in ist geschlossen. Trotzdem einchecken:
staff-late-gate = Das Gate nimmt den Fluggast an
staff-late-connection = Verspäteter Zubringerflug
staff-late-manager = Der Schichtleiter hat zugestimmt
staff-reissue-tag = Gepäckanhänger { $plate } ersetzen ({ $passenger })
staff-find = Buchung suchen (nur Buchungsnummer)
