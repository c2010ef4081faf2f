# Labels on printed documents, in Spanish. Each label is printed next to the English label.
print-boarding-pass = Tarjeta de embarque
print-name = Nombre
print-from = Origen
print-to = Destino
print-flight = Vuelo
print-date = Fecha
print-boarding = Embarque
print-departure = Salida
print-gate = Puerta
print-zone = Zona
print-seat = Asiento
print-sequence = Sec.
print-booking = Reserva
print-eticket = Billete electrónico
print-bag-tag = Etiqueta de equipaje
print-bag-receipt = Resguardo de equipaje
print-bags = { $count ->
    [one] { $count } maleta
   *[other] { $count } maletas
}
print-gate-closes = La puerta cierra 15 minutos antes de la salida
print-reprint = Duplicado
print-class = Clase
print-cabin-J = Business
print-cabin-Y = Turista
print-frequent-flyer = Viajero frecuente
