# Der Mitarbeiterbereich: Webseiten, die Mitarbeiter auf dem Telefon oder am Schreibtischrechner
# lesen. Die Browsersprache jedes Mitarbeiters wählt die Sprache (Englisch, wenn das Portal sie nicht spricht).

desk-title = Concierge-Mitarbeiterportal
desk-sign-in-title = Concierge-Mitarbeiterportal — Anmeldung
desk-name = Benutzername
desk-password = Passwort
desk-sign-in = Anmelden
desk-wrong-sign-in = Benutzername oder Passwort falsch.
desk-sign-out = Abmelden
desk-too-many = { $minutes ->
    [one] Zu viele falsche Passwörter. Versuchen Sie es in { $minutes } Minute erneut.
   *[other] Zu viele falsche Passwörter. Versuchen Sie es in { $minutes } Minuten erneut.
}
desk-busy = Der Schalter ist ausgelastet. Versuchen Sie es gleich noch einmal.
desk-form-stale = Die Seite war abgelaufen. Bitte melden Sie sich erneut an.
desk-signed-in-as = Angemeldet als { $agent }
desk-open-requests = Offene Anfragen
desk-no-open = Keine offenen Anfragen.
desk-escalated = eskaliert
desk-waiting = { $minutes ->
    [one] wartet seit { $minutes } Minute
   *[other] wartet seit { $minutes } Minuten
}
desk-kiosk = Automat { $kiosk }
desk-flight = Flug { $flight }
desk-closes = { $minutes ->
    [one] Check-in schließt in { $minutes } Minute
   *[other] Check-in schließt in { $minutes } Minuten
}
desk-closed-already = Check-in ist geschlossen
desk-step = Schritt: { $step }
desk-language = Sprache: { $language }
desk-passenger = Fluggast { $name }
desk-on-the-way = { $agent } ist unterwegs
desk-acknowledge = Übernehmen
desk-resolve = Abschließen
desk-last-day = { $count ->
    [one] Letzte 24 Stunden: { $count } Anfrage
   *[other] Letzte 24 Stunden: { $count } Anfragen
}
desk-per-hour = { $rate } pro Stunde
desk-median-ack = Zeit bis zur Übernahme (Median): { $time }
desk-seconds = { $seconds ->
    [one] { $seconds } Sekunde
   *[other] { $seconds } Sekunden
}
desk-no-figure = —
desk-recent = Letzte Anfragen
desk-col-kiosk = Automat
desk-col-reason = Grund
desk-col-outcome = Ergebnis
desk-col-agent = Mitarbeiter
desk-state-open = offen
desk-state-acknowledged = übernommen
desk-state-resolved = abgeschlossen
desk-state-cancelled = vom Automaten abgebrochen

## Die Uhr auf einer Karte: { $time } ist eine Uhrzeit, { $ago } „vor 5 Minuten“, { $in } „in 12 Minuten“
desk-minutes-ago = { $minutes ->
    [one] vor { $minutes } Minute
   *[other] vor { $minutes } Minuten
}
desk-in-minutes = { $minutes ->
    [one] in { $minutes } Minute
   *[other] in { $minutes } Minuten
}
desk-closes-at = Check-in schließt um { $time } ({ $in })
desk-asked = { $ago } angefordert
desk-received = { $ago } im Portal eingegangen
desk-gave-up = der Automat hat den Fluggast um { $time } an den Schalter geschickt
desk-escalated-to = um { $time } an { $to } eskaliert
desk-drill = Übung
desk-drill-note = Eine Übung: Am Automaten wartet niemand.
desk-service = Sonderleistung { $code }
desk-yours = Ihr Flughafen

## Was Mitarbeiter bei einer Sonderleistung tun müssen, die den Check-in anhält
desk-todo-UMNR = Allein reisendes Kind: Gehen Sie zum Automaten und bleiben Sie beim Kind, prüfen Sie das Übergabeformular und wer es bei der Ankunft abholt, und begleiten Sie es dann zum Gate.
desk-todo-STCR = Fluggast auf einer Trage: Prüfen Sie die medizinische Freigabe und organisieren Sie Trage und Ambulift mit der Station.
desk-todo-MEDA = Medizinischer Fall: Prüfen Sie die medizinische Freigabe (MEDIF), bevor Sie den Fluggast einchecken.
desk-todo-PETC = Tier in der Kabine: Prüfen Sie die Transportbox und die Papiere des Tiers und kassieren Sie dann die Gebühr.

## Der Verlauf einer Anfrage
desk-timeline = Verlauf
desk-event-raised = am Automaten angefordert
desk-event-received = im Portal eingegangen
desk-event-updated = der Automat hat erneut angefragt ({ $detail })
desk-event-escalated = an { $to } eskaliert
desk-event-acknowledged = { $agent } hat übernommen
desk-event-released = { $agent } hat freigegeben
desk-event-handed_over = { $agent } hat an { $to } übergeben
desk-event-note = Notiz von { $agent }: { $text }
desk-event-resolved = { $agent } hat abgeschlossen
desk-event-cancelled = am Automaten abgebrochen
desk-event-closed_at_kiosk = am Automaten geschlossen
desk-event-reopened = nach dem Schließen erneut angefordert
desk-note = Notiz
desk-add-note = Notiz hinzufügen
desk-release = Freigeben
desk-hand-over = Übergeben an

## Was die Aktion eines Mitarbeiters ergab
desk-taken = { $agent } hat sie bereits übernommen.
desk-already-closed = Diese Anfrage ist bereits abgeschlossen.
desk-gone = Diese Anfrage gibt es nicht.

## Letzte Anfragen, Benachrichtigungen, Verbindung
desk-col-time = Zeit
desk-col-resolved-by = Abgeschlossen von
desk-alerts-on = Benachrichtigungen einschalten
desk-alerts-ready = Benachrichtigungen an
desk-offline = Das Portal ist nicht erreichbar: Diese Liste ist möglicherweise veraltet.
desk-filter = Anzeigen
desk-filter-all = Alle Flughäfen
desk-alert-new = Neue Anfrage an Automat { $kiosk }
desk-alert-escalated = Eskaliert: Automat { $kiosk }

## Warum der Automat einen Mitarbeiter angefordert hat (die Grundcodes der Engine)
desk-reason-passenger_asked = Fluggast hat um Hilfe gebeten
desk-reason-unhappy_passenger = Unzufriedener Fluggast (schlechte Bewertung)
desk-reason-printer_paper_low = Druckerpapier geht zur Neige
desk-reason-assistance = Unterstützung angefordert ({ $service })
desk-reason-booking_not_found = Buchung nicht gefunden
desk-reason-checkin_not_open = Check-in noch nicht geöffnet
desk-reason-checkin_closed = Check-in geschlossen
desk-reason-flight_cancelled = Flug annulliert: Umbuchung erforderlich
desk-reason-wrong_airport = Flug startet an einem anderen Flughafen
desk-reason-document_expired = Reisepass läuft zu früh ab
desk-reason-document_name_mismatch = Name im Reisepass stimmt nicht mit der Buchung überein
desk-reason-document_missing = Reisedokument fehlt
desk-reason-visa_required = Visum oder Reisegenehmigung zu prüfen
desk-reason-address_required = Adresse im Zielland erforderlich
desk-reason-no_board = Behörden haben „kein Boarding“ gemeldet
desk-reason-special_service = Sonderleistung erfordert einen Mitarbeiter
desk-reason-excess_baggage = Übergepäck
desk-reason-bags_closed = Gepäckannahme für diesen Flug geschlossen
desk-reason-no_seat = Kein Sitzplatz zuweisbar
desk-reason-refused = System der Fluggesellschaft hat den Check-in abgelehnt
desk-reason-reprint_limit = Bordkarte zu oft erneut gedruckt
desk-reason-check_in_first = Nicht eingecheckt, an der Gepäckabgabe
desk-reason-printer_failure = Druckerstörung
desk-reason-airline_system_unavailable = System der Fluggesellschaft nicht erreichbar
desk-reason-print_interrupted = Ein Druck wurde abgebrochen (Automat neu gestartet)

## Der Weg des Fluggasts, wie Mitarbeiter ihn auf Seiten, im Portal und im Mitarbeitermodus sehen
step-name-welcome = Willkommen
step-name-identify = Identifizierung
step-name-greeting = Begrüßung
step-name-checked_in = Bereits eingecheckt
step-name-documents = Reisedokumente
step-name-seats = Sitzplätze
step-name-bags = Gepäck
step-name-dangerous_goods = Gefahrgut
step-name-review = Überprüfung
step-name-printing = Druck
step-name-feedback = Bewertung
step-name-goodbye = Verabschiedung

## The boarding pass on a phone (served by the desk)
pass-title = Bordkarte
pass-passenger = Fluggast
pass-date = Datum
pass-boarding = Boarding
pass-departs = Abflug
pass-gate = Gate
pass-gate-later = Auf den Anzeigen
pass-seat = Sitz
pass-seat-lap = Auf dem Schoß
pass-sequence = Nr.
pass-reference = Buchung
pass-show = Zeigen Sie diesen Code an der Kontrolle und am Gate, Bildschirm hell.
pass-apple = Zu Apple Wallet hinzufügen
pass-google = Zu Google Wallet hinzufügen
pass-link-left = Dieser Link öffnet sich { $count ->
    [0] nicht mehr
    [one] noch einmal
   *[other] noch { $count }-mal
} bis { $time } Uhr. Speichern Sie die Bordkarte oder machen Sie ein Bildschirmfoto.
pass-gone-title = Dieser Link öffnet sich nicht mehr
pass-gone = Damit Ihre Bordkarte privat bleibt, öffnet sich ein Link nur wenige Male und nur wenige Minuten lang. Scannen Sie den Code am Automaten erneut oder nutzen Sie Ihre gedruckte Bordkarte.

## What staff did at the kiosks
desk-staff-title = Personal an den Automaten
desk-col-staff = Personal
desk-col-action = Aktion
desk-col-detail = Detail
desk-event-staff = { $agent } am Automaten: { $action }
desk-staff-override = Dokument akzeptiert
desk-staff-late_check_in = Nach Schluss eingecheckt
desk-staff-reprint = Dokumente neu gedruckt
desk-staff-reissue_tag = Gepäckanhänger ersetzt
desk-staff-find_booking = Buchung gesucht
desk-staff-restart = Sitzung neu gestartet
desk-staff-close_kiosk = Automat geschlossen
desk-staff-open_kiosk = Automat geöffnet
desk-staff-resolve_help = Hilfeanfrage erledigt
desk-staff-sign_out = Personalmodus verlassen

## Die Kioskseite (/fleet): wie es jedem Kiosk geht
desk-fleet-link = Kioske
desk-fleet-title = Kioske
desk-fleet-back = Hilfeanfragen
desk-fleet-none = Noch kein Kiosk hat sich gemeldet.
desk-fleet-summary = { $online } von { $total } Kiosken online · { $problems ->
    [0] nichts braucht Aufmerksamkeit
    [one] { $problems } braucht Aufmerksamkeit
   *[other] { $problems } brauchen Aufmerksamkeit
}
desk-fleet-online = Online
desk-fleet-offline = Offline seit { $time }
desk-fleet-out-of-service = Außer Betrieb
desk-fleet-closed = Vom Personal geschlossen
desk-fleet-printer = Drucker
desk-fleet-scanner = Scanner
desk-fleet-reader = Passlesegerät
desk-fleet-headset = Kopfhörer
desk-fleet-device-ok = OK
desk-fleet-device-low = wenig Papier
desk-fleet-device-out = kein Papier
desk-fleet-device-jammed = Papierstau
desk-fleet-device-fault = Störung
desk-fleet-device-offline = antwortet nicht
desk-fleet-device-unknown = nicht gemeldet
desk-fleet-device-connected = eingesteckt
desk-fleet-device-none = nicht eingesteckt
desk-fleet-last-checkin = Letzter Check-in { $time }
desk-fleet-no-checkin = Noch kein Check-in
desk-fleet-hour = Letzte Stunde: { $visits } Besuche, { $failures } gescheitert ({ $rate } %)
desk-fleet-help-open = { $count ->
    [0] Keine Hilfeanfrage offen
    [one] { $count } Hilfeanfrage offen
   *[other] { $count } Hilfeanfragen offen
}
desk-fleet-version = Version { $software } · Konfiguration { $config }
desk-fleet-alert-offline = Verstummt
desk-fleet-alert-printer = Drucker ausgefallen
desk-reason-kiosk_offline = Ein Kiosk meldet sich nicht mehr
desk-reason-printer_out = Kioskdrucker ausgefallen

## Die Zahlen der Kioske (/fleet/report)
desk-report-link = Zahlen
desk-report-title = Die Zahlen der Kioske
desk-report-24h = Letzte 24 Stunden
desk-report-7d = Letzte 7 Tage
desk-report-csv = CSV herunterladen
desk-report-none = Kein Kiosk hat in diesem Zeitraum eine Sitzung gemeldet.
desk-report-total = Sitzungen: { $sessions } · abgeschlossen: { $rate }
desk-report-chart-hours = Sitzungen pro Stunde (dunkel: abgeschlossen)
desk-report-chart-airports = Abgeschlossene Check-ins nach Flughafen
desk-report-by-airport = Nach Flughafen
desk-report-by-kiosk = Nach Kiosk
desk-report-by-language = Nach Sprache
desk-report-by-hour = Nach Stunde (UTC)
desk-report-col-sessions = Sitzungen
desk-report-col-completed = Abgeschlossen
desk-report-col-rate = Quote
desk-report-col-help = Hilfeanfragen
desk-report-col-answered = Beantwortet nach (Median / 90 %)
desk-report-col-unanswered = Unbeantwortet (Wartezeit, Median)

## Die Konfiguration an einer Stelle (/fleet/config)
desk-config-link = Konfiguration
desk-config-title = Konfiguration der Kioske
desk-config-published = Derzeit veröffentlicht
desk-config-none = Nichts veröffentlicht: Jeder Kiosk verwendet seine eigene Datei.
desk-config-group = Gruppe
desk-config-version = Version
desk-config-by = Veröffentlicht von
desk-config-when = Zeitpunkt
desk-config-tables = Tabellen
desk-config-files = Dateien
desk-config-new = Konfiguration veröffentlichen
desk-config-text = Konfiguration (ganze Tabellen, etwa [branding], [locales] oder [timeouts])
desk-config-add = Ordner für neue Dateien
desk-config-note = Was geändert wurde und warum
desk-config-check = Prüfen und Vorschau anzeigen
desk-config-publish = Veröffentlichen
desk-config-problems = Nicht veröffentlicht: Bitte zuerst diese Punkte beheben
desk-config-ok = Alle Prüfungen bestanden. Die betroffenen Bildschirme, vorher und nachher:
desk-config-done = Veröffentlicht: { $label }.
desk-config-stale = Seit Sie das Formular geöffnet haben, hat jemand anderes für diese Gruppe veröffentlicht: Sehen Sie sich zuerst diese Version an.
desk-config-not-publisher = Nur Personen mit Veröffentlichungsrecht ([desk] publishers) dürfen veröffentlichen.
desk-config-log = Änderungsprotokoll
desk-config-by-at = { $agent }, { $time }
desk-config-refused = Konfiguration abgelehnt: { $label }
desk-config-applied = Konfiguration: { $label }
desk-config-drawing = Die Bildschirme werden in jeder Sprache gezeichnet…
desk-config-same = Kein Bildschirm sieht anders aus.
desk-config-before = Jetzt
desk-config-after = Nach dem Veröffentlichen
desk-config-group-all = alle Kioske
desk-config-group-airport = Flughafen { $code }
desk-config-group-terminal = Terminal { $code }
desk-config-group-kiosk = Kiosk { $code }
desk-config-layer = { $group } v{ $version }
desk-config-group-none = nichts veröffentlicht
desk-kiosk-alerts = Kioske, die jemanden brauchen
