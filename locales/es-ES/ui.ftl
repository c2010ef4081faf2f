# The kiosk's screens in Spanish. Names ($name, $agent) arrive in Latin letters as the airline holds them.

language-name = Español

## Bars and the controls on every screen
help = Ayuda
back = Atrás
start-over = Empezar de nuevo
start-over-title = ¿Empezar de nuevo?
start-over-body = Se borrará todo lo introducido en esta facturación.
start-over-keep = Seguir con la facturación
start-over-confirm = Sí, empezar de nuevo
larger-text = Texto más grande
normal-text = Texto normal
high-contrast = Alto contraste
normal-contrast = Colores normales
step-of = Paso { $step } de { $steps }

## Help
help-on-the-way = La ayuda está en camino
help-queued = Su solicitud se ha guardado. Por favor, permanezca aquí; avisaremos a un agente en un momento.
help-delivered = Se ha avisado a un agente, que vendrá a este quiosco.
help-acknowledged = { $agent } está en camino hacia usted.
help-resolved = Su solicitud se ha cerrado. Esperamos haberle ayudado.
help-fallback = No podemos avisar a un agente desde aquí. Por favor, diríjase a: { $desk }.
help-fallback-any-desk = No podemos avisar a un agente desde aquí. Por favor, diríjase al mostrador de facturación.
help-not-reached = No se ha podido avisar a un agente
help-cancel = Cancelar solicitud

## Idle
idle-title = ¿Necesita más tiempo?
idle-countdown = { $seconds ->
    [one] Por su privacidad, esta facturación finalizará en { $seconds } segundo.
   *[other] Por su privacidad, esta facturación finalizará en { $seconds } segundos.
}
idle-more = Más tiempo
idle-end = Terminar ahora

## Welcome
welcome-title = Le damos la bienvenida a { $airline }
welcome-subtitle = Facture, elija su asiento e imprima su tarjeta de embarque.
welcome-start = Toque la pantalla para empezar
welcome-language = Elija su idioma
out-of-service = Este quiosco no puede imprimir en este momento. Por favor, utilice otro quiosco o diríjase a un agente.

## Identify
identify-title = Busque su reserva
identify-scan-hint = También puede escanear su pasaporte o su tarjeta de embarque en cualquier momento.
method-booking = Código de reserva
method-eticket = Número de billete electrónico
method-ff = Número de viajero frecuente
method-passport = Pasaporte
method-boarding-pass = Tarjeta de embarque
field-reference = Código de reserva
field-reference-hint = 6 letras y números, por ejemplo ABC123
field-surname = Apellidos
field-eticket = Número de billete electrónico
field-eticket-hint = 13 dígitos
field-ff = Número de viajero frecuente
identify-find = Buscar mi reserva
identify-passport = Coloque su pasaporte en el lector, con la página de la foto hacia abajo.
identify-boarding-pass = Coloque el código de barras de su tarjeta de embarque bajo el lector.
identify-reading = Leyendo…
key-space = Espacio
key-backspace = Borrar
key-clear = Borrar todo

notice-invalid-reference = El código de reserva tiene 6 letras y números, por ejemplo ABC123.
notice-invalid-eticket = El número de billete electrónico tiene 13 dígitos.
notice-invalid-ff = Por favor, compruebe el número de viajero frecuente.
notice-invalid-surname = Por favor, escriba sus apellidos tal como figuran en la reserva.
notice-no-passenger = Por favor, elija al menos un pasajero.
notice-child-needs-adult = Los niños y bebés viajan con un adulto: por favor, elija también al adulto.
notice-seat-taken = El asiento { $seat } acaba de ocuparse. Por favor, elija otro asiento.
notice-seat-not-in-cabin = El asiento { $seat } está en otra cabina.
notice-exit-row-not-allowed = Este asiento está en una fila de salida de emergencia, que este pasajero no puede ocupar.
notice-not-identity = Este documento no es un pasaporte ni un documento de identidad.
notice-devices-paused = La impresora y los lectores del quiosco no responden por un momento. Espere, por favor: no se ha perdido nada de lo que ha introducido.

## Greeting
greeting-hello = Hola, { $name }
greeting-flight = Vuelo { $flight } a { $destination }, salida a las { $time }
greeting-connection = y después { $flight } a { $destination }
greeting-select = ¿Quién factura ahora?
greeting-infant = en brazos de { $adult }
greeting-child = niño
greeting-checked-in = facturación ya realizada
continue = Continuar

## Documents
documents-title = Documentos de viaje
documents-on-file = { $kind } { $number }, válido hasta el { $date }
documents-confirm = Este es mi documento
documents-not-mine = No es mi documento
documents-scan = Por favor, escanee el pasaporte de { $name }.
documents-accepted = Verificado
documents-passport = Pasaporte
documents-id-card = Documento de identidad

## Seats
seats-title = Elija sus asientos
seats-flight = Vuelo { $flight } a { $destination }
seats-for = Asiento para
seats-list = Mostrar la lista de asientos
seats-map = Mostrar el mapa de asientos
seats-keep = Confirmar asientos
seats-row = Fila { $row }
legend-free = Libre
legend-taken = Ocupado
legend-selected = Su elección
legend-exit = Salida de emergencia
seats-none-free = No hay asientos libres
exit-title = Fila de salida de emergencia
exit-question = Los asientos de las filas de salida de emergencia son para viajeros de 15 años o más que puedan y quieran ayudar a abrir la salida en caso de emergencia, y que no necesiten ayuda adicional. ¿Es así en el caso de { $name }?
exit-yes = Sí, puedo ayudar
exit-no = No, elegir otro asiento

## Bags
bags-title = Equipaje facturado
bags-allowance = { $count ->
    [0] No incluye equipaje facturado
    [one] { $count } maleta incluida
   *[other] { $count } maletas incluidas
}
bags-count = { $count ->
    [0] Sin maletas
    [one] { $count } maleta
   *[other] { $count } maletas
}
bags-already-checked = { $count ->
    [one] 1 maleta ya facturada
   *[other] { $count } maletas ya facturadas
}
bags-fewer = Menos maletas
bags-more = Más maletas
bags-hint = El equipaje de mano no se cuenta aquí.

## Dangerous goods
dg-title = Prohibido en su equipaje
dg-body = Por la seguridad de todos, estos artículos no pueden llevarse en el equipaje facturado, y la mayoría tampoco en la cabina.
dg-batteries = Baterías de litio de repuesto y baterías externas (solo en cabina)
dg-flammable = Líquidos y sólidos inflamables
dg-gas = Bombonas de gas y aerosoles
dg-explosives = Explosivos y fuegos artificiales
dg-toxic = Venenos y sustancias tóxicas
dg-corrosive = Sustancias corrosivas y ácidos
dg-confirm = Confirmo que mi equipaje no contiene ninguno de estos artículos

## Review
review-title = Por favor, compruebe los datos
review-seat = Asiento { $seat }
review-no-seat = Asiento asignado en la facturación
review-bags = { $count ->
    [0] sin equipaje facturado
    [one] { $count } maleta facturada
   *[other] { $count } maletas facturadas
}
review-confirm = Facturar e imprimir
review-confirm-tags = Imprimir mis etiquetas de equipaje

## Printing
printing-title = Realizando su facturación…
printing-body = Se está imprimiendo su tarjeta de embarque.

## Feedback
feedback-take = Por favor, recoja su tarjeta de embarque
feedback-take-bags = Por favor, recoja su tarjeta de embarque y las etiquetas de equipaje
feedback-title = ¿Qué tal ha sido la facturación hoy?
feedback-1 = Muy mala
feedback-2 = Mala
feedback-3 = Aceptable
feedback-4 = Buena
feedback-5 = Muy buena
feedback-skip = Omitir
feedback-sorry = Lo sentimos. ¿Desea hablar ahora con alguien o contarnos qué ha fallado?
feedback-talk = Hablar ahora con alguien
feedback-comment = Escribir un breve comentario
feedback-send = Enviar
feedback-no-thanks = No, gracias
feedback-review = ¡Gracias! Si lo desea, escanee este código para valorarnos.

## Goodbye
goodbye-title = ¡Buen vuelo, { $name }!
goodbye-gate = Puerta { $gate }, embarque a las { $time }
goodbye-gate-later = Embarque a las { $time }; la puerta se indicará en las pantallas.
goodbye-bags = Por favor, coloque las etiquetas y lleve su equipaje al punto de entrega de equipaje.
goodbye-done = Finalizar

## Exception screens
exception-title = Un momento, por favor
choice-try-again = Intentar de nuevo
choice-another-way = Probar de otra forma
choice-staff = Llamar a un agente
choice-continue-without-bags = Continuar sin equipaje

## The kiosk closed by staff
kiosk-closed = Este quiosco está cerrado. Por favor, utilice otro quiosco o diríjase a un agente.

## Offered after a passport scan
offer-language = ¿Desea continuar en { $language }?

## Dates and cities as this language writes them (a city the list lacks keeps the airline's name).
date-day-month = { $day } { $month ->
    [1] ene
    [2] feb
    [3] mar
    [4] abr
    [5] may
    [6] jun
    [7] jul
    [8] ago
    [9] sept
    [10] oct
    [11] nov
   *[12] dic
}
date-full = { $day } { $month ->
    [1] ene
    [2] feb
    [3] mar
    [4] abr
    [5] may
    [6] jun
    [7] jul
    [8] ago
    [9] sept
    [10] oct
    [11] nov
   *[12] dic
} { $year }
city-YUL = Montreal
city-YYZ = Toronto
city-LHE = Lahore
city-DXB = Dubái
city-LHR = Londres
city-ARN = Estocolmo
city-JFK = Nueva York
city-EDI = Edimburgo
city-MAD = Madrid
city-FRA = Fráncfort
# Speech mode, when the headset is pulled out (drawn on the screen).
speech-unplugged = Auriculares desconectados: la voz está en pausa. Vuelva a conectarlos para seguir escuchando.
speech-continue-on-screen = Seguir en la pantalla

## Checked in already: the passes again, more bags, another seat
checked-in-title = { $name }, ya ha facturado
checked-in-body = Sus asientos y maletas están abajo. ¿Qué desea hacer?
checked-in-seat = Vuelo { $flight }: asiento { $seat }
checked-in-bags = { $count ->
    [0] Ninguna maleta facturada
    [one] 1 maleta facturada
   *[other] { $count } maletas facturadas
}
checked-in-reprint = { $count ->
    [one] Imprimir de nuevo mi tarjeta de embarque
   *[other] Imprimir de nuevo nuestras tarjetas de embarque
}
checked-in-add-bags = Añadir maletas
checked-in-change-seat = Cambiar mi asiento
bag-drop-nothing = Aquí no quedan más maletas por facturar dentro de su franquicia. Un agente puede ayudarle con más.

## The boarding pass on a phone (Goodbye, checked in already)
checked-in-phone = Tarjeta en mi móvil
phone-pass-waiting = Preparando los códigos para su móvil…
phone-pass-scan = Su tarjeta de embarque en el móvil: escanee el código con la cámara del móvil.
identify-staff = Búsqueda del personal ({ $staff }): basta con la referencia de la reserva.
