# The kiosk's screens in German. Names ($name, $agent) arrive in Latin letters as the airline holds them.

language-name = Deutsch

## Bars and the controls on every screen
help = Hilfe
back = Zurück
start-over = Neu beginnen
start-over-title = Neu beginnen?
start-over-body = Alles, was für diesen Check-in eingegeben wurde, wird gelöscht.
start-over-keep = Weitermachen
start-over-confirm = Ja, neu beginnen
larger-text = Größere Schrift
normal-text = Normale Schrift
high-contrast = Hoher Kontrast
normal-contrast = Normale Farben
step-of = Schritt { $step } von { $steps }

## Help
help-on-the-way = Hilfe ist unterwegs
help-queued = Ihre Anfrage wurde gespeichert. Bitte bleiben Sie hier; ein Mitarbeiter wird gleich informiert.
help-delivered = Ein Mitarbeiter wurde informiert und kommt zu diesem Automaten.
help-acknowledged = { $agent } ist auf dem Weg zu Ihnen.
help-resolved = Ihre Anfrage wurde abgeschlossen. Wir hoffen, wir konnten Ihnen helfen.
help-fallback = Wir können von hier aus keinen Mitarbeiter erreichen. Bitte wenden Sie sich an: { $desk }.
help-fallback-any-desk = Wir können von hier aus keinen Mitarbeiter erreichen. Bitte gehen Sie zum Check-in-Schalter.
help-not-reached = Kein Mitarbeiter erreichbar
help-cancel = Anfrage abbrechen

## Idle
idle-title = Benötigen Sie mehr Zeit?
idle-countdown = { $seconds ->
    [one] Zum Schutz Ihrer Daten endet dieser Check-in in { $seconds } Sekunde.
   *[other] Zum Schutz Ihrer Daten endet dieser Check-in in { $seconds } Sekunden.
}
idle-more = Mehr Zeit
idle-end = Jetzt beenden

## Welcome
welcome-title = Willkommen bei { $airline }
welcome-subtitle = Checken Sie ein, wählen Sie Ihren Sitzplatz und drucken Sie Ihre Bordkarte.
welcome-start = Zum Starten bitte berühren
welcome-language = Wählen Sie Ihre Sprache
out-of-service = Dieser Automat kann gerade nicht drucken. Bitte nutzen Sie einen anderen Automaten oder wenden Sie sich an einen Mitarbeiter.

## Identify
identify-title = Ihre Buchung finden
identify-scan-hint = Sie können jederzeit auch Ihren Reisepass oder Ihre Bordkarte scannen.
method-booking = Buchungscode
method-eticket = Ticketnummer
method-ff = Vielfliegernummer
method-passport = Reisepass
method-boarding-pass = Bordkarte
field-reference = Buchungscode
field-reference-hint = 6 Buchstaben und Ziffern, z. B. ABC123
field-surname = Nachname
field-eticket = Ticketnummer
field-eticket-hint = 13 Ziffern
field-ff = Vielfliegernummer
identify-find = Meine Buchung finden
identify-passport = Legen Sie Ihren Reisepass mit der Fotoseite nach unten auf das Lesegerät.
identify-boarding-pass = Halten Sie den Barcode Ihrer Bordkarte unter das Lesegerät.
identify-reading = Wird gelesen…
key-space = Leerzeichen
key-backspace = Löschen
key-clear = Alles löschen

notice-invalid-reference = Ein Buchungscode besteht aus 6 Buchstaben und Ziffern, z. B. ABC123.
notice-invalid-eticket = Eine Ticketnummer hat 13 Ziffern.
notice-invalid-ff = Bitte prüfen Sie die Vielfliegernummer.
notice-invalid-surname = Bitte geben Sie Ihren Nachnamen so ein, wie er in der Buchung steht.
notice-no-passenger = Bitte wählen Sie mindestens einen Fluggast aus.
notice-child-needs-adult = Kinder und Kleinkinder reisen mit einem Erwachsenen: Bitte wählen Sie auch den Erwachsenen aus.
notice-seat-taken = Sitzplatz { $seat } wurde gerade vergeben. Bitte wählen Sie einen anderen Sitzplatz.
notice-seat-not-in-cabin = Sitzplatz { $seat } befindet sich in einer anderen Kabine.
notice-exit-row-not-allowed = Dieser Sitzplatz liegt in einer Notausgangsreihe und ist für diesen Fluggast nicht zulässig.
notice-not-identity = Dies ist kein Reisepass und kein Personalausweis.
notice-devices-paused = Drucker und Lesegeräte des Automaten antworten gerade nicht. Bitte warten Sie: Nichts von Ihren Eingaben geht verloren.

## Greeting
greeting-hello = Willkommen, { $name }
greeting-flight = Flug { $flight } nach { $destination }, Abflug { $time }
greeting-connection = anschließend { $flight } nach { $destination }
greeting-select = Wer checkt jetzt ein?
greeting-infant = auf dem Schoß von { $adult }
greeting-child = Kind
greeting-checked-in = bereits eingecheckt
continue = Weiter

## Documents
documents-title = Reisedokumente
documents-on-file = { $kind } { $number }, gültig bis { $date }
documents-confirm = Das ist mein Dokument
documents-not-mine = Nicht mein Dokument
documents-scan = Bitte scannen Sie den Reisepass von { $name }.
documents-accepted = Geprüft
documents-passport = Reisepass
documents-id-card = Personalausweis

## Seats
seats-title = Wählen Sie Ihre Sitzplätze
seats-flight = Flug { $flight } nach { $destination }
seats-for = Sitzplatz für
seats-list = Sitzplätze als Liste anzeigen
seats-map = Sitzplan anzeigen
seats-keep = Sitzplätze bestätigen
seats-row = Reihe { $row }
legend-free = Frei
legend-taken = Belegt
legend-selected = Ihre Wahl
legend-exit = Notausgang
seats-none-free = Keine freien Sitzplätze
exit-title = Notausgangsreihe
exit-question = Sitzplätze in einer Notausgangsreihe sind Reisenden ab 15 Jahren vorbehalten, die im Notfall beim Öffnen des Ausgangs helfen können und wollen und selbst keine zusätzliche Hilfe benötigen. Trifft das auf { $name } zu?
exit-yes = Ja, ich kann helfen
exit-no = Nein, anderen Sitzplatz wählen

## Bags
bags-title = Aufgegebenes Gepäck
bags-allowance = { $count ->
    [0] Kein aufgegebenes Gepäck enthalten
    [one] { $count } Gepäckstück enthalten
   *[other] { $count } Gepäckstücke enthalten
}
bags-count = { $count ->
    [0] Kein Gepäck
    [one] { $count } Gepäckstück
   *[other] { $count } Gepäckstücke
}
bags-already-checked = { $count ->
    [one] 1 Gepäckstück bereits aufgegeben
   *[other] { $count } Gepäckstücke bereits aufgegeben
}
bags-fewer = Weniger Gepäckstücke
bags-more = Mehr Gepäckstücke
bags-hint = Handgepäck wird hier nicht mitgezählt.

## Dangerous goods
dg-title = In Ihrem Gepäck verboten
dg-body = Zur Sicherheit aller dürfen diese Gegenstände nicht im aufgegebenen Gepäck befördert werden, die meisten auch nicht in der Kabine.
dg-batteries = Lose Lithiumbatterien und externe Akkus (nur in der Kabine)
dg-flammable = Entzündliche Flüssigkeiten und Feststoffe
dg-gas = Gasflaschen und Sprühdosen
dg-explosives = Sprengstoffe und Feuerwerkskörper
dg-toxic = Gifte und giftige Stoffe
dg-corrosive = Ätzende Stoffe und Säuren
dg-confirm = Ich bestätige, dass mein Gepäck nichts davon enthält

## Review
review-title = Bitte prüfen Sie Ihre Angaben
review-seat = Sitzplatz { $seat }
review-no-seat = Sitzplatz wird beim Check-in zugewiesen
review-bags = { $count ->
    [0] kein aufgegebenes Gepäck
    [one] { $count } aufgegebenes Gepäckstück
   *[other] { $count } aufgegebene Gepäckstücke
}
review-confirm = Einchecken und drucken
review-confirm-tags = Gepäckanhänger drucken

## Printing
printing-title = Sie werden eingecheckt…
printing-body = Ihre Bordkarte wird gedruckt.

## Feedback
feedback-take = Bitte entnehmen Sie Ihre Bordkarte
feedback-take-bags = Bitte entnehmen Sie Ihre Bordkarte und Ihre Gepäckanhänger
feedback-title = Wie war Ihr Check-in heute?
feedback-1 = Sehr schlecht
feedback-2 = Schlecht
feedback-3 = In Ordnung
feedback-4 = Gut
feedback-5 = Sehr gut
feedback-skip = Überspringen
feedback-sorry = Das tut uns leid. Möchten Sie jetzt mit jemandem sprechen oder uns sagen, was nicht geklappt hat?
feedback-talk = Jetzt mit jemandem sprechen
feedback-comment = Kurzen Kommentar schreiben
feedback-send = Senden
feedback-no-thanks = Nein, danke
feedback-review = Vielen Dank! Wenn Sie möchten, scannen Sie diesen Code, um uns zu bewerten.

## Goodbye
goodbye-title = Guten Flug, { $name }!
goodbye-gate = Flugsteig { $gate }, Einstieg ab { $time }
goodbye-gate-later = Einstieg ab { $time }; der Flugsteig wird auf den Anzeigetafeln bekannt gegeben.
goodbye-bags = Bitte befestigen Sie die Anhänger und bringen Sie Ihr Gepäck zur Gepäckabgabe.
goodbye-done = Fertig

## Exception screens
exception-title = Einen Moment, bitte
choice-try-again = Erneut versuchen
choice-another-way = Andere Möglichkeit wählen
choice-staff = Mitarbeiter rufen
choice-continue-without-bags = Ohne Gepäck fortfahren

## The kiosk closed by staff
kiosk-closed = Dieser Automat ist geschlossen. Bitte nutzen Sie einen anderen Automaten oder wenden Sie sich an einen Mitarbeiter.

## Offered after a passport scan
offer-language = Auf { $language } fortfahren?

## Dates and cities as this language writes them (a city the list lacks keeps the airline's name).
date-day-month = { $day } { $month ->
    [1] Jan.
    [2] Feb.
    [3] März
    [4] Apr.
    [5] Mai
    [6] Juni
    [7] Juli
    [8] Aug.
    [9] Sept.
    [10] Okt.
    [11] Nov.
   *[12] Dez.
}
date-full = { $day } { $month ->
    [1] Jan.
    [2] Feb.
    [3] März
    [4] Apr.
    [5] Mai
    [6] Juni
    [7] Juli
    [8] Aug.
    [9] Sept.
    [10] Okt.
    [11] Nov.
   *[12] Dez.
} { $year }
city-YUL = Montreal
city-YYZ = Toronto
city-LHE = Lahore
city-DXB = Dubai
city-LHR = London
city-ARN = Stockholm
city-JFK = New York
city-EDI = Edinburgh
city-MAD = Madrid
city-FRA = Frankfurt
# Speech mode, when the headset is pulled out (drawn on the screen).
speech-unplugged = Kopfhörer getrennt: Die Sprachausgabe pausiert. Stecken Sie sie wieder ein, um weiterzuhören.
speech-continue-on-screen = Am Bildschirm weiter

## Checked in already: the passes again, more bags, another seat
checked-in-title = { $name }, Sie sind eingecheckt
checked-in-body = Ihre Sitzplätze und Gepäckstücke sehen Sie unten. Was möchten Sie tun?
checked-in-seat = Flug { $flight }: Sitz { $seat }
checked-in-bags = { $count ->
    [0] Kein Gepäck aufgegeben
    [one] 1 Gepäckstück aufgegeben
   *[other] { $count } Gepäckstücke aufgegeben
}
checked-in-reprint = { $count ->
    [one] Bordkarte erneut drucken
   *[other] Bordkarten erneut drucken
}
checked-in-add-bags = Gepäck hinzufügen
checked-in-change-seat = Sitzplatz ändern
bag-drop-nothing = Hier kann kein weiteres Gepäck in Ihrer Freigepäckmenge aufgegeben werden. Ein Mitarbeiter hilft bei mehr.

## The boarding pass on a phone (Goodbye, checked in already)
checked-in-phone = Bordkarte aufs Handy
phone-pass-waiting = Die Codes für Ihr Handy kommen …
phone-pass-scan = Ihre Bordkarte aufs Handy: Scannen Sie den Code mit der Kamera Ihres Handys.
identify-staff = Suche durch Personal ({ $staff }): Die Buchungsnummer genügt.
