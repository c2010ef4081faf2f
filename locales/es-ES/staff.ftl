# Modo agente en el quiosco: lo ve el personal de la aerolínea.

staff-sign-in = Acceso de agentes
staff-number = Número de empleado
staff-pin = PIN
staff-enter = Iniciar sesión
staff-cancel = Cancelar
staff-wrong = Número de empleado o PIN incorrecto. { $left ->
    [one] Queda un intento antes de que se bloquee el modo agente.
   *[other] Quedan { $left } intentos antes de que se bloquee el modo agente.
}
staff-locked = El modo agente está bloqueado hasta las { $time } por demasiados PIN incorrectos.
staff-title = Modo agente — { $name }
staff-step = Paso: { $step }
staff-exception = Incidencia: { $exception }
staff-none = ninguna
staff-printer-ok = Impresora: lista
staff-printer-fault = Impresora: { $detail }
staff-help = Solicitud de ayuda: { $status }
staff-help-none = ninguna abierta
staff-help-acknowledged = atendida por { $agent }
staff-help-delivered = entregada, a la espera de un agente
staff-help-fallback = no entregada (se envía al pasajero al mostrador)
staff-help-queued = en cola de envío
staff-kiosk-open = Quiosco: abierto
staff-kiosk-closed = Quiosco: cerrado a los pasajeros
staff-override = Aceptar el documento:
staff-reason-checked = Documento comprobado por mí
staff-reason-permit = Visado o permiso visto
staff-reason-address = Dirección registrada
staff-reprint = Reimprimir documentos
staff-restart = Reiniciar la sesión
staff-close = Cerrar el quiosco
staff-open = Abrir el quiosco
staff-resolve = Resolver la solicitud de ayuda
staff-leave = Salir del modo agente
staff-config-error = La última modificación del archivo de configuración no se ha aplicado (se mantiene la anterior): { $error }
staff-document-of = Para { $passenger }: el documento indica { $document }
staff-late = La facturación ha cerrado. Facturar de todos modos:
staff-late-gate = La puerta acepta al pasajero
staff-late-connection = Conexión de llegada con retraso
staff-late-manager = Lo aprobó el jefe de turno
staff-reissue-tag = Sustituir etiqueta { $plate } ({ $passenger })
staff-find = Buscar una reserva (solo referencia)
