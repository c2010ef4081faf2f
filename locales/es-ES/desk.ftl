# El panel de agentes: páginas web que el personal consulta en un teléfono o en un ordenador de
# mesa. El idioma del navegador de cada agente elige la configuración regional (inglés si el panel no lo habla).

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

## El reloj de una tarjeta: { $time } es una hora del día, { $ago } «hace 5 minutos», { $in } «en 12 minutos»
desk-minutes-ago = { $minutes ->
    [one] hace { $minutes } minuto
   *[other] hace { $minutes } minutos
}
desk-in-minutes = { $minutes ->
    [one] en { $minutes } minuto
   *[other] en { $minutes } minutos
}
desk-closes-at = la facturación cierra a las { $time } ({ $in })
desk-asked = solicitada { $ago }
desk-received = llegó al panel { $ago }
desk-gave-up = el quiosco envió al pasajero al mostrador a las { $time }
desk-escalated-to = escalada a las { $time } a { $to }
desk-drill = simulacro
desk-drill-note = Es un simulacro: no hay nadie esperando en el quiosco.
desk-service = servicio especial { $code }
desk-yours = su aeropuerto

## Qué debe hacer el personal ante una solicitud de servicio especial que detiene la facturación
desk-todo-UMNR = Menor no acompañado: vaya al quiosco y quédese con el menor, compruebe el formulario de entrega y quién lo recoge a la llegada, y después acompáñelo a la puerta de embarque.
desk-todo-STCR = Pasajero en camilla: compruebe la autorización médica y organice la camilla y el ambulift con la escala.
desk-todo-MEDA = Caso médico: compruebe la autorización médica (MEDIF) antes de facturar al pasajero.
desk-todo-PETC = Mascota en cabina: compruebe el transportín y los documentos del animal, y después cobre la tarifa.

## El historial de una solicitud
desk-timeline = Historial
desk-event-raised = solicitada en el quiosco
desk-event-received = llegó al panel
desk-event-updated = el quiosco volvió a solicitar ({ $detail })
desk-event-escalated = escalada a { $to }
desk-event-acknowledged = { $agent } la atendió
desk-event-released = { $agent } la liberó
desk-event-handed_over = { $agent } la pasó a { $to }
desk-event-note = { $agent } anotó: { $text }
desk-event-resolved = { $agent } la resolvió
desk-event-cancelled = cancelada en el quiosco
desk-event-closed_at_kiosk = cerrada en el quiosco
desk-event-reopened = solicitada de nuevo tras cerrarse
desk-note = Nota
desk-add-note = Añadir nota
desk-release = Liberar
desk-hand-over = Pasar a

## Resultado de la acción de un agente
desk-taken = { $agent } ya la está atendiendo.
desk-already-closed = Esta solicitud ya está cerrada.
desk-gone = Esa solicitud no existe.

## Recientes, avisos, la conexión
desk-col-time = Hora
desk-col-resolved-by = Resuelta por
desk-alerts-on = Activar avisos
desk-alerts-ready = Avisos activados
desk-offline = No se puede conectar con el panel: esta lista puede estar desactualizada.
desk-filter = Mostrar
desk-filter-all = Todos los aeropuertos
desk-alert-new = Nueva solicitud en el quiosco { $kiosk }
desk-alert-escalated = Escalada: quiosco { $kiosk }

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
desk-reason-reprint_limit = Tarjeta de embarque reimpresa demasiadas veces
desk-reason-check_in_first = Sin facturar, en una entrega de equipaje
desk-reason-printer_failure = Fallo de la impresora
desk-reason-airline_system_unavailable = Sistema de la aerolínea no disponible
desk-reason-print_interrupted = Se interrumpió una impresión (el quiosco se reinició)

## El recorrido del pasajero, tal como lo ve el personal en las páginas, el panel y el modo agente
step-name-welcome = Inicio
step-name-identify = Identificación
step-name-greeting = Bienvenida
step-name-checked_in = Ya facturado
step-name-documents = Documentos de viaje
step-name-seats = Asientos
step-name-bags = Equipaje
step-name-dangerous_goods = Mercancías peligrosas
step-name-review = Revisión
step-name-printing = Impresión
step-name-feedback = Valoración
step-name-goodbye = Despedida

## The boarding pass on a phone (served by the desk)
pass-title = Tarjeta de embarque
pass-passenger = Pasajero
pass-date = Fecha
pass-boarding = Embarque
pass-departs = Salida
pass-gate = Puerta
pass-gate-later = En las pantallas
pass-seat = Asiento
pass-seat-lap = En brazos
pass-sequence = Sec.
pass-reference = Reserva
pass-show = Muestre este código en el control y en la puerta, con la pantalla brillante.
pass-apple = Añadir a Apple Wallet
pass-google = Añadir a Google Wallet
pass-link-left = Este enlace se abre { $count ->
    [0] ninguna vez más
    [one] una vez más
   *[other] { $count } veces más
} hasta las { $time }. Guarde la tarjeta o haga una captura.
pass-gone-title = Este enlace ya no se abre
pass-gone = Para proteger su tarjeta, un enlace se abre pocas veces y durante pocos minutos. Escanee el código de nuevo en el quiosco o use su tarjeta impresa.

## What staff did at the kiosks
desk-staff-title = Personal en los quioscos
desk-col-staff = Personal
desk-col-action = Acción
desk-col-detail = Detalle
desk-event-staff = { $agent } en el quiosco: { $action }
desk-staff-override = Aceptó un documento
desk-staff-late_check_in = Facturó tras el cierre
desk-staff-reprint = Reimprimió documentos
desk-staff-reissue_tag = Sustituyó una etiqueta
desk-staff-find_booking = Buscó una reserva
desk-staff-restart = Reinició la sesión
desk-staff-close_kiosk = Cerró el quiosco
desk-staff-open_kiosk = Abrió el quiosco
desk-staff-resolve_help = Resolvió la solicitud de ayuda
desk-staff-sign_out = Salió del modo personal

## La página de quioscos (/fleet): cómo está cada quiosco
desk-fleet-link = Quioscos
desk-fleet-title = Quioscos
desk-fleet-back = Solicitudes de ayuda
desk-fleet-none = Ningún quiosco ha informado todavía.
desk-fleet-summary = { $online } de { $total } quioscos en línea · { $problems ->
    [0] nada requiere atención
    [one] { $problems } requiere atención
   *[other] { $problems } requieren atención
}
desk-fleet-online = En línea
desk-fleet-offline = Sin conexión desde las { $time }
desk-fleet-out-of-service = Fuera de servicio
desk-fleet-closed = Cerrado por el personal
desk-fleet-printer = Impresora
desk-fleet-scanner = Escáner
desk-fleet-reader = Lector de pasaportes
desk-fleet-headset = Auriculares
desk-fleet-device-ok = bien
desk-fleet-device-low = poco papel
desk-fleet-device-out = sin papel
desk-fleet-device-jammed = atascada
desk-fleet-device-fault = avería
desk-fleet-device-offline = no responde
desk-fleet-device-unknown = sin datos
desk-fleet-device-connected = conectados
desk-fleet-device-none = no conectados
desk-fleet-last-checkin = Última facturación a las { $time }
desk-fleet-no-checkin = Aún sin facturaciones
desk-fleet-hour = Última hora: { $visits } visitas, { $failures } fallidas ({ $rate } %)
desk-fleet-help-open = { $count ->
    [0] Ninguna solicitud de ayuda abierta
    [one] { $count } solicitud de ayuda abierta
   *[other] { $count } solicitudes de ayuda abiertas
}
desk-fleet-version = Versión { $software } · configuración { $config }
desk-fleet-alert-offline = Sin noticias
desk-fleet-alert-printer = Impresora parada
desk-reason-kiosk_offline = Un quiosco dejó de informar
desk-reason-printer_out = Impresora de quiosco parada

## Las cifras de los quioscos (/fleet/report)
desk-report-link = Cifras
desk-report-title = Las cifras de los quioscos
desk-report-24h = Últimas 24 horas
desk-report-7d = Últimos 7 días
desk-report-csv = Descargar CSV
desk-report-none = Ningún quiosco ha informado de sesiones en este periodo.
desk-report-total = Sesiones: { $sessions } · completadas: { $rate }
desk-report-chart-hours = Sesiones por hora (oscuro: completadas)
desk-report-chart-airports = Facturaciones completadas por aeropuerto
desk-report-by-airport = Por aeropuerto
desk-report-by-kiosk = Por quiosco
desk-report-by-language = Por idioma
desk-report-by-hour = Por hora (UTC)
desk-report-col-sessions = Sesiones
desk-report-col-completed = Completadas
desk-report-col-rate = Finalización
desk-report-col-help = Solicitudes de ayuda
desk-report-col-answered = Respondidas en (mediana / 90 %)
desk-report-col-unanswered = Sin respuesta (espera mediana)

## La configuración desde un solo lugar (/fleet/config)
desk-config-link = Configuración
desk-config-title = Configuración de los quioscos
desk-config-published = Publicado actualmente
desk-config-none = No hay nada publicado: cada quiosco usa su propio archivo.
desk-config-group = Grupo
desk-config-version = Versión
desk-config-by = Publicado por
desk-config-when = Fecha
desk-config-tables = Tablas
desk-config-files = Archivos
desk-config-new = Publicar una configuración
desk-config-text = Configuración (tablas completas, como [branding], [locales] o [timeouts])
desk-config-add = Carpeta de los archivos nuevos
desk-config-note = Qué ha cambiado y por qué
desk-config-check = Comprobar y previsualizar
desk-config-publish = Publicar
desk-config-problems = No publicado: corrija primero lo siguiente
desk-config-ok = Supera todas las comprobaciones. Las pantallas que cambian, antes y después:
desk-config-done = Publicado: { $label }.
desk-config-stale = Alguien ha publicado para este grupo desde que abrió el formulario: revise primero esa versión.
desk-config-not-publisher = Solo pueden publicar las personas autorizadas ([desk] publishers).
desk-config-log = Registro de cambios
desk-config-by-at = { $agent }, { $time }
desk-config-refused = Configuración rechazada: { $label }
desk-config-applied = Configuración: { $label }
desk-config-drawing = Dibujando las pantallas en cada idioma…
desk-config-same = Ninguna pantalla cambia de aspecto.
desk-config-before = Ahora
desk-config-after = Tras publicar
desk-config-group-all = todos los quioscos
desk-config-group-airport = aeropuerto { $code }
desk-config-group-terminal = terminal { $code }
desk-config-group-kiosk = quiosco { $code }
desk-config-layer = { $group } v{ $version }
desk-config-group-none = nada publicado
desk-kiosk-alerts = Quioscos que necesitan a alguien
