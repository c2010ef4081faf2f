# Labels on printed documents, in German. Each label is printed next to the English label.
print-boarding-pass = Bordkarte
print-name = Name
print-from = Von
print-to = Nach
print-flight = Flug
print-date = Datum
print-boarding = Einstieg
print-departure = Abflug
print-gate = Flugsteig
print-zone = Zone
print-seat = Sitzplatz
print-sequence = Lfd. Nr.
print-booking = Buchung
print-eticket = E-Ticket
print-bag-tag = Gepäckanhänger
print-bag-receipt = Gepäckbeleg
print-bags = { $count ->
    [one] { $count } Gepäckstück
   *[other] { $count } Gepäckstücke
}
print-gate-closes = Der Flugsteig schließt 15 Minuten vor Abflug
print-reprint = Duplikat
print-class = Klasse
print-cabin-J = Business
print-cabin-Y = Economy
print-frequent-flyer = Vielflieger
