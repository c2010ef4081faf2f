# El panel de agentes: páginas web que el personal consulta en un teléfono o en un ordenador de
# mesa. El idioma del navegador de cada agente elige la configuración regional (si no, la de [desk]).

desk-title = Panel de agentes Concierge
desk-sign-in-title = Panel de agentes Concierge — iniciar sesión
desk-name = Nombre
desk-password = Contraseña
desk-sign-in = Iniciar sesión
desk-wrong-sign-in = Nombre o contraseña incorrectos.
desk-sign-out = Cerrar sesión
desk-too-many = { $minutes ->
    [one] Demasiadas contraseñas incorrectas. Inténtelo de nuevo en { $minutes } minuto.
   *[other] Demasiadas contraseñas incorrectas. Inténtelo de nuevo en { $minutes } minutos.
}
desk-busy = El mostrador está ocupado. Inténtelo de nuevo en un momento.
desk-form-stale = La página había caducado. Inicie sesión de nuevo.
desk-signed-in-as = Sesión iniciada como { $agent }
desk-open-requests = Solicitudes abiertas
desk-no-open = No hay solicitudes abiertas.
desk-escalated = escalada
desk-waiting = { $minutes ->
    [one] en espera desde hace { $minutes } minuto
   *[other] en espera desde hace { $minutes } minutos
}
desk-kiosk = Quiosco { $kiosk }
desk-flight = Vuelo { $flight }
desk-closes = { $minutes ->
    [one] la facturación cierra en { $minutes } minuto
   *[other] la facturación cierra en { $minutes } minutos
}
desk-closed-already = la facturación ha cerrado
desk-step = paso: { $step }
desk-language = idioma: { $language }
desk-passenger = pasajero { $name }
desk-on-the-way = { $agent } está en camino
desk-acknowledge = Atender
desk-resolve = Resolver
desk-last-day = { $count ->
    [one] Últimas 24 horas: { $count } solicitud
   *[other] Últimas 24 horas: { $count } solicitudes
}
desk-per-hour = { $rate } por hora
desk-median-ack = mediana del tiempo de respuesta: { $time }
desk-seconds = { $seconds ->
    [one] { $seconds } segundo
   *[other] { $seconds } segundos
}
desk-no-figure = —
desk-recent = Solicitudes recientes
desk-col-kiosk = Quiosco
desk-col-reason = Motivo
desk-col-outcome = Resultado
desk-col-agent = Agente
desk-state-open = abierta
desk-state-acknowledged = en atención
desk-state-resolved = resuelta
desk-state-cancelled = cancelada por el quiosco

## Por qué el quiosco ha pedido una persona (los códigos de motivo del motor)
desk-reason-passenger_asked = El pasajero ha pedido ayuda
desk-reason-unhappy_passenger = Pasajero descontento (valoración baja)
desk-reason-printer_paper_low = Queda poco papel en la impresora
desk-reason-assistance = Asistencia solicitada ({ $service })
desk-reason-booking_not_found = Reserva no encontrada
desk-reason-checkin_not_open = La facturación aún no está abierta
desk-reason-checkin_closed = Facturación cerrada
desk-reason-flight_cancelled = Vuelo cancelado: hay que cambiar la reserva
desk-reason-wrong_airport = El vuelo sale de otro aeropuerto
desk-reason-document_expired = El pasaporte caduca demasiado pronto
desk-reason-document_name_mismatch = El nombre del pasaporte no coincide con la reserva
desk-reason-document_missing = Falta el documento de viaje
desk-reason-visa_required = Visado o autorización de viaje por comprobar
desk-reason-address_required = Se necesita la dirección en destino
desk-reason-no_board = Las autoridades han respondido «no embarcar»
desk-reason-special_service = Solicitud de servicio especial que requiere un agente
desk-reason-excess_baggage = Exceso de equipaje
desk-reason-bags_closed = Entrega de equipaje cerrada para este vuelo
desk-reason-no_seat = No se ha podido asignar asiento
desk-reason-refused = El sistema de la aerolínea ha rechazado la facturación
desk-reason-printer_failure = Fallo de la impresora
desk-reason-airline_system_unavailable = Sistema de la aerolínea no disponible
desk-reason-print_interrupted = Se interrumpió una impresión (el quiosco se reinició)

## El recorrido del pasajero, tal como lo ve el personal en las páginas, el panel y el modo agente
step-name-welcome = Inicio
step-name-identify = Identificación
step-name-greeting = Bienvenida
step-name-documents = Documentos de viaje
step-name-seats = Asientos
step-name-bags = Equipaje
step-name-dangerous_goods = Mercancías peligrosas
step-name-review = Revisión
step-name-printing = Impresión
step-name-feedback = Valoración
step-name-goodbye = Despedida
