# What the kiosk says in German when a check-in meets an exception. One message per exception
# reason (the engine's stable codes); the GUI shows these on the exception screens and the
# headless check-in prints them.
#
# Variables: $attempts (failed look-ups), $time (a local time such as "14:35, 23 Nov"),
# $airport (IATA code), $service (SSR code), $allowed and $asked (bags), $detail (free text).

booking_not_found = { $attempts ->
    [one] Wir konnten keine Buchung mit diesen Angaben finden. Bitte prüfen Sie diese und versuchen Sie es erneut, oder wählen Sie eine andere Möglichkeit.
   *[other] Wir konnten noch immer keine Buchung finden ({ $attempts } Versuche). Bitte wählen Sie eine andere Möglichkeit oder bitten Sie um Hilfe.
}
checkin_not_open = Der Check-in für diesen Flug öffnet um { $time } (Ortszeit). Bitte kommen Sie dann wieder.
checkin_closed = Der Check-in für diesen Flug wurde um { $time } (Ortszeit) geschlossen. Ein Mitarbeiter kann Ihnen weiterhin helfen.
flight_cancelled = Dieser Flug wurde annulliert.
wrong_airport = Dieser Flug startet in { $airport }. An diesem Automaten können nur Flüge ab diesem Flughafen eingecheckt werden.
document_expired = Dieser Reisepass läuft vor dem Ende Ihrer Reise ab.
document_name_mismatch = Der Name in diesem Reisepass stimmt nicht mit der Buchung überein.
document_missing = Für diese Reise wird ein Reisepass oder Personalausweis benötigt. Bitte scannen Sie ihn mit der Fotoseite nach unten.
visa_required = Für dieses Reiseziel ist ein Visum oder eine Reisegenehmigung erforderlich, die uns nicht vorliegt.
address_required = Das Zielland verlangt Ihre Adresse vor Ort, und uns liegt keine vor.
no_board = Die Behörden des Ziellandes haben diesen Fluggast nicht zum Einsteigen freigegeben.
special_service = Ihre Buchung enthält eine Leistung ({ $service }), die ein Mitarbeiter mit Ihnen abschließt.
excess_baggage = Die Anzahl der Gepäckstücke ({ $asked }) übersteigt die in Ihrem Ticket enthaltene Anzahl ({ $allowed }). Ändern Sie die Anzahl, oder ein Mitarbeiter hilft Ihnen mit dem zusätzlichen Gepäck.
bags_closed = Für diesen Flug wird kein Gepäck mehr angenommen. Sie können ohne aufgegebenes Gepäck fortfahren oder sich an einen Mitarbeiter wenden.
no_seat = Es ist kein passender freier Sitzplatz mehr verfügbar.
refused = Das System der Fluggesellschaft konnte Sie nicht einchecken ({ $detail }).
reprint_limit = Ihre Bordkarte wurde bereits so oft erneut gedruckt, wie der Automat es erlaubt. Ein Mitarbeiter druckt sie für Sie.
check_in_first = Sie sind noch nicht eingecheckt. Dies ist eine Gepäckabgabe: Bitte checken Sie zuerst an einem Check-in-Automaten ein oder fragen Sie einen Mitarbeiter.
printer_failure = Am Drucker ist ein Problem aufgetreten. Sie sind eingecheckt.
airline_system_unavailable = Das System der Fluggesellschaft ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.

# When a scanned document cannot be read (documents::MrzError::message_id).
mrz-unreadable = Der Reisepass konnte nicht gelesen werden. Bitte legen Sie ihn flach mit der Fotoseite nach unten auf das Lesegerät.
mrz-not-a-travel-document = Dies ist kein Reisepass und kein Personalausweis. Bitte scannen Sie die Fotoseite Ihres Reisepasses.
mrz-check-failed = Der Reisepass konnte nicht zuverlässig gelesen werden. Bitte scannen Sie ihn erneut oder bitten Sie um Hilfe.
scan-unreadable = Das konnte nicht gelesen werden. Bitte scannen Sie Ihre Bordkarte oder die Fotoseite Ihres Reisepasses erneut.
