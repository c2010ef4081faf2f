# Labels on printed documents, in French. Each label is printed next to the English label.
print-boarding-pass = Carte d'embarquement
print-name = Nom
print-from = De
print-to = À
print-flight = Vol
print-date = Date
print-boarding = Embarquement
print-departure = Départ
print-gate = Porte
print-zone = Zone
print-seat = Siège
print-sequence = Séq.
print-booking = Réservation
print-eticket = Billet électronique
print-bag-tag = Étiquette bagage
print-bag-receipt = Reçu bagages
print-bags = { $count ->
    [one] { $count } bagage
   *[other] { $count } bagages
}
print-gate-closes = Fermeture de la porte 15 minutes avant le départ
print-reprint = Duplicata
print-class = Classe
print-cabin-J = Affaires
print-cabin-Y = Économique
print-frequent-flyer = Voyageur fréquent
