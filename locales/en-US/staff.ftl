# Staff mode on the kiosk: seen by airline staff, in English.

staff-sign-in = Staff sign-in
staff-number = Staff number
staff-pin = PIN
staff-enter = Sign in
staff-cancel = Cancel
staff-wrong = Wrong staff number or PIN. { $left ->
    [one] One more try before staff mode locks.
   *[other] { $left } more tries before staff mode locks.
}
staff-locked = Staff mode is locked until { $time } after too many wrong PINs.
staff-title = Staff mode — { $name }
staff-step = Step: { $step }
staff-exception = Exception: { $exception }
staff-none = none
staff-printer-ok = Printer: ready
staff-printer-fault = Printer: { $detail }
staff-help = Help request: { $status }
staff-help-none = none open
staff-help-acknowledged = acknowledged by { $agent }
staff-help-delivered = delivered, waiting for an agent
staff-help-fallback = not delivered (the passenger is sent to the desk)
staff-help-queued = queued for delivery
staff-kiosk-open = Kiosk: open
staff-kiosk-closed = Kiosk: closed to passengers
staff-override = Accept the document:
staff-reason-checked = Document checked by me
staff-reason-permit = Visa or permit seen
staff-reason-address = Address taken
staff-reprint = Reprint documents
staff-restart = Restart the session
staff-close = Close the kiosk
staff-open = Open the kiosk
staff-resolve = Resolve the help request
staff-leave = Leave staff mode
staff-config-error = The last edit of the config file was not used (the one before stays): { $error }
staff-document-of = For { $passenger }: the document reads { $document }
staff-late = Check-in has closed. Check in all the same:
staff-late-gate = The gate accepts the passenger
staff-late-connection = A late inbound connection
staff-late-manager = The duty manager approved
staff-reissue-tag = Replace bag tag { $plate } ({ $passenger })
staff-find = Find a booking (reference only)
