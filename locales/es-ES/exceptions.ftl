# What the kiosk says in Spanish when a check-in meets an exception. One message per exception
# reason (the engine's stable codes); the GUI shows these on the exception screens and the
# headless check-in prints them.
#
# Variables: $attempts (failed look-ups), $time (a local time such as "14:35, 23 Nov"),
# $airport (IATA code), $service (SSR code), $allowed and $asked (bags), $detail (free text).

booking_not_found = { $attempts ->
    [one] No hemos encontrado ninguna reserva con esos datos. Por favor, compruébelos e inténtelo de nuevo, o pruebe de otra forma.
   *[other] Seguimos sin encontrar la reserva ({ $attempts } intentos). Por favor, pruebe de otra forma o pida ayuda.
}
checkin_not_open = La facturación de este vuelo se abre a las { $time } (hora local). Por favor, vuelva a esa hora.
checkin_closed = La facturación de este vuelo se cerró a las { $time } (hora local). Un agente todavía puede ayudarle.
flight_cancelled = Este vuelo ha sido cancelado.
wrong_airport = Este vuelo sale de { $airport }. En este quiosco solo se facturan vuelos que salen de aquí.
document_expired = Este pasaporte caduca antes de que termine su viaje.
document_name_mismatch = El nombre de este pasaporte no coincide con el de la reserva.
document_missing = Para este viaje se necesita un pasaporte o un documento nacional de identidad. Por favor, escanéelo con la página de la foto hacia abajo.
visa_required = Para viajar a este destino se necesita un visado o una autorización de viaje que no nos consta.
address_required = El país de destino exige su dirección allí y no la tenemos registrada.
no_board = Las autoridades del país de destino no han autorizado el embarque de este pasajero.
special_service = Su reserva incluye un servicio ({ $service }) que un agente completará con usted.
excess_baggage = El número de maletas ({ $asked }) supera el incluido en su billete ({ $allowed }). Cambie el número de maletas, o un agente puede ayudarle con las adicionales.
bags_closed = Ya no se acepta equipaje para este vuelo. Puede continuar sin equipaje facturado o dirigirse a un agente.
no_seat = No queda ningún asiento libre adecuado.
refused = El sistema de la aerolínea no ha podido realizar su facturación ({ $detail }).
reprint_limit = Su tarjeta de embarque ya se ha vuelto a imprimir tantas veces como permite el quiosco. Un agente se la imprimirá.
check_in_first = Todavía no ha facturado. Esto es una entrega de equipaje: facture primero en un quiosco de facturación o pregunte a un agente.
printer_failure = La impresora tiene un problema. Su facturación está completada.
airline_system_unavailable = En este momento no podemos conectar con el sistema de la aerolínea. Por favor, inténtelo de nuevo en unos instantes.

# When a scanned document cannot be read (documents::MrzError::message_id).
mrz-unreadable = No se ha podido leer el pasaporte. Por favor, colóquelo plano sobre el lector, con la página de la foto hacia abajo.
mrz-not-a-travel-document = Este documento no es un pasaporte ni un documento de identidad. Por favor, escanee la página de la foto de su pasaporte.
mrz-check-failed = No se ha podido leer el pasaporte con fiabilidad. Por favor, escanéelo de nuevo o pida ayuda.
scan-unreadable = No se ha podido leer. Por favor, escanee de nuevo su tarjeta de embarque o la página de la foto de su pasaporte.
