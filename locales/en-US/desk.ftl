# The agents' desk: web pages staff read on a phone or a desk computer. Each agent's browser
# language picks the locale (the desk's [desk] default otherwise).

desk-title = Concierge desk
desk-sign-in-title = Concierge desk — sign in
desk-name = Name
desk-password = Password
desk-sign-in = Sign in
desk-wrong-sign-in = Wrong name or password.
desk-sign-out = Sign out
desk-too-many = { $minutes ->
    [one] Too many wrong passwords. Try again in { $minutes } minute.
   *[other] Too many wrong passwords. Try again in { $minutes } minutes.
}
desk-busy = The desk is busy. Try again in a moment.
desk-form-stale = The page had expired. Please sign in again.
desk-signed-in-as = Signed in as { $agent }
desk-open-requests = Open requests
desk-no-open = No open requests.
desk-escalated = escalated
desk-waiting = { $minutes ->
    [one] waiting { $minutes } minute
   *[other] waiting { $minutes } minutes
}
desk-kiosk = Kiosk { $kiosk }
desk-flight = Flight { $flight }
desk-closes = { $minutes ->
    [one] check-in closes in { $minutes } minute
   *[other] check-in closes in { $minutes } minutes
}
desk-closed-already = check-in has closed
desk-step = step: { $step }
desk-language = language: { $language }
desk-passenger = passenger { $name }
desk-on-the-way = { $agent } is on the way
desk-acknowledge = Acknowledge
desk-resolve = Resolve
desk-last-day = { $count ->
    [one] Last 24 hours: { $count } request
   *[other] Last 24 hours: { $count } requests
}
desk-per-hour = { $rate } per hour
desk-median-ack = median time to acknowledge: { $time }
desk-seconds = { $seconds ->
    [one] { $seconds } second
   *[other] { $seconds } seconds
}
desk-no-figure = —
desk-recent = Recent
desk-col-kiosk = Kiosk
desk-col-reason = Reason
desk-col-outcome = Outcome
desk-col-agent = Agent
desk-state-open = open
desk-state-acknowledged = acknowledged
desk-state-resolved = resolved
desk-state-cancelled = cancelled by the kiosk

## Why the kiosk asked for a person (the engine's reason codes)
desk-reason-passenger_asked = Passenger asked for help
desk-reason-unhappy_passenger = Unhappy passenger (low feedback score)
desk-reason-printer_paper_low = Printer paper low
desk-reason-assistance = Assistance requested ({ $service })
desk-reason-booking_not_found = Booking not found
desk-reason-checkin_not_open = Check-in not open yet
desk-reason-checkin_closed = Check-in closed
desk-reason-flight_cancelled = Flight cancelled: rebooking needed
desk-reason-wrong_airport = Flight departs from another airport
desk-reason-document_expired = Passport expires too soon
desk-reason-document_name_mismatch = Passport name does not match the booking
desk-reason-document_missing = Travel document missing
desk-reason-visa_required = Visa or travel authorisation to check
desk-reason-address_required = Destination address needed
desk-reason-no_board = Authorities answered "no board"
desk-reason-special_service = Special service request needs staff
desk-reason-excess_baggage = Excess baggage
desk-reason-bags_closed = Bag drop closed for this flight
desk-reason-no_seat = No seat could be assigned
desk-reason-refused = Airline system refused the check-in
desk-reason-printer_failure = Printer failure
desk-reason-airline_system_unavailable = Airline system unavailable
desk-reason-print_interrupted = A print was cut off (kiosk restarted)

## The passenger's path, as staff see it on pages, the desk and staff mode
step-name-welcome = Welcome
step-name-identify = Identify
step-name-greeting = Greeting
step-name-documents = Travel documents
step-name-seats = Seats
step-name-bags = Bags
step-name-dangerous_goods = Dangerous goods
step-name-review = Review
step-name-printing = Printing
step-name-feedback = Feedback
step-name-goodbye = Goodbye
