# The agents' desk: web pages staff read on a phone or a desk computer. Each agent's browser
# language picks the locale (English when the desk does not speak it).

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

## The clock on a card: { $time } is a time of day, { $ago } "5 minutes ago", { $in } "in 12 minutes"
desk-minutes-ago = { $minutes ->
    [one] { $minutes } minute ago
   *[other] { $minutes } minutes ago
}
desk-in-minutes = { $minutes ->
    [one] in { $minutes } minute
   *[other] in { $minutes } minutes
}
desk-closes-at = check-in closes at { $time } ({ $in })
desk-asked = asked { $ago }
desk-received = reached the desk { $ago }
desk-gave-up = the kiosk sent the passenger to the desk at { $time }
desk-escalated-to = escalated at { $time } to { $to }
desk-drill = drill
desk-drill-note = A drill: nobody is waiting at the kiosk.
desk-service = special service { $code }
desk-yours = your airport

## What staff must do for a special service request that stops the check-in
desk-todo-UMNR = Unaccompanied minor: go to the kiosk and stay with the child, check the handover form and who meets them on arrival, then escort them to the gate.
desk-todo-STCR = Stretcher passenger: check the medical clearance and arrange the stretcher and ambulift with the station.
desk-todo-MEDA = Medical case: check the medical clearance (MEDIF) before checking the passenger in.
desk-todo-PETC = Pet in the cabin: check the carrier and the pet's documents, then take the fee.

## A request's timeline
desk-timeline = Timeline
desk-event-raised = asked at the kiosk
desk-event-received = reached the desk
desk-event-updated = the kiosk asked again ({ $detail })
desk-event-escalated = escalated to { $to }
desk-event-acknowledged = { $agent } acknowledged
desk-event-released = { $agent } let it go
desk-event-handed_over = { $agent } handed it to { $to }
desk-event-note = { $agent } noted: { $text }
desk-event-resolved = { $agent } resolved it
desk-event-cancelled = cancelled at the kiosk
desk-event-closed_at_kiosk = closed at the kiosk
desk-event-reopened = asked again after it was closed
desk-note = Note
desk-add-note = Add note
desk-release = Let go
desk-hand-over = Hand over to

## What an agent's action met
desk-taken = { $agent } has it.
desk-already-closed = This request is already closed.
desk-gone = There is no such request.

## Recent, alerts, the connection
desk-col-time = Time
desk-col-resolved-by = Resolved by
desk-alerts-on = Turn on alerts
desk-alerts-ready = Alerts on
desk-offline = The desk cannot be reached: this list may be out of date.
desk-filter = Show
desk-filter-all = All airports
desk-alert-new = New request at kiosk { $kiosk }
desk-alert-escalated = Escalated: kiosk { $kiosk }

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
desk-reason-reprint_limit = Boarding pass printed again too often
desk-reason-check_in_first = Not checked in, at a bag drop
desk-reason-printer_failure = Printer failure
desk-reason-airline_system_unavailable = Airline system unavailable
desk-reason-print_interrupted = A print was cut off (kiosk restarted)

## The passenger's path, as staff see it on pages, the desk and staff mode
step-name-welcome = Welcome
step-name-identify = Identify
step-name-greeting = Greeting
step-name-checked_in = Already checked in
step-name-documents = Travel documents
step-name-seats = Seats
step-name-bags = Bags
step-name-dangerous_goods = Dangerous goods
step-name-review = Review
step-name-printing = Printing
step-name-feedback = Feedback
step-name-goodbye = Goodbye

## The boarding pass on a phone (served by the desk)
pass-title = Boarding pass
pass-passenger = Passenger
pass-date = Date
pass-boarding = Boarding
pass-departs = Departs
pass-gate = Gate
pass-gate-later = On the screens
pass-seat = Seat
pass-seat-lap = On lap
pass-sequence = Seq.
pass-reference = Booking
pass-show = Show this code at security and at the gate, screen bright.
pass-apple = Add to Apple Wallet
pass-google = Add to Google Wallet
pass-link-left = This link opens { $count ->
    [0] no more
    [one] once more
   *[other] { $count } more times
} until { $time }. Save the pass or take a screenshot.
pass-gone-title = This link no longer opens
pass-gone = To keep your pass private a link opens a few times only, for a few minutes. Scan the code at the kiosk again, or use your printed boarding pass.

## What staff did at the kiosks
desk-staff-title = Staff at the kiosks
desk-col-staff = Staff
desk-col-action = Action
desk-col-detail = Detail
desk-event-staff = { $agent } at the kiosk: { $action }
desk-staff-override = Accepted a document
desk-staff-late_check_in = Checked in past the close
desk-staff-reprint = Printed documents again
desk-staff-reissue_tag = Replaced a bag tag
desk-staff-find_booking = Looked up a booking
desk-staff-restart = Restarted the session
desk-staff-close_kiosk = Closed the kiosk
desk-staff-open_kiosk = Opened the kiosk
desk-staff-resolve_help = Resolved the help request
desk-staff-sign_out = Left staff mode

## The fleet page (/fleet): every kiosk, how it is
desk-fleet-link = Kiosks
desk-fleet-title = Kiosks
desk-fleet-back = Help requests
desk-fleet-none = No kiosk has reported yet.
desk-fleet-summary = { $online } of { $total } kiosks online · { $problems ->
    [0] nothing needs attention
    [one] { $problems } needs attention
   *[other] { $problems } need attention
}
desk-fleet-online = Online
desk-fleet-offline = Offline since { $time }
desk-fleet-out-of-service = Out of service
desk-fleet-closed = Closed by staff
desk-fleet-printer = Printer
desk-fleet-scanner = Scanner
desk-fleet-reader = Passport reader
desk-fleet-headset = Headset
desk-fleet-device-ok = OK
desk-fleet-device-low = paper low
desk-fleet-device-out = out of paper
desk-fleet-device-jammed = jammed
desk-fleet-device-fault = fault
desk-fleet-device-offline = not responding
desk-fleet-device-unknown = not reported
desk-fleet-device-connected = plugged in
desk-fleet-device-none = not plugged in
desk-fleet-last-checkin = Last check-in { $time }
desk-fleet-no-checkin = No check-in yet
desk-fleet-hour = Last hour: { $visits ->
    [one] { $visits } visit
   *[other] { $visits } visits
}, { $failures } failed ({ $rate } %)
desk-fleet-help-open = { $count ->
    [0] No help request open
    [one] { $count } help request open
   *[other] { $count } help requests open
}
desk-fleet-version = Version { $software } · configuration { $config }
desk-fleet-alert-offline = Gone quiet
desk-fleet-alert-printer = Printer out
desk-reason-kiosk_offline = Kiosk gone quiet
desk-reason-printer_out = Kiosk printer out

## The fleet's figures (/fleet/report)
desk-report-link = Figures
desk-report-title = The fleet's figures
desk-report-24h = Last 24 hours
desk-report-7d = Last 7 days
desk-report-csv = Download CSV
desk-report-none = No kiosk has reported a session in this period.
desk-report-total = Sessions: { $sessions } · completed: { $rate }
desk-report-chart-hours = Sessions per hour (dark: completed)
desk-report-chart-airports = Check-ins completed, by airport
desk-report-by-airport = By airport
desk-report-by-kiosk = By kiosk
desk-report-by-language = By language
desk-report-by-hour = By hour (UTC)
desk-report-col-sessions = Sessions
desk-report-col-completed = Completed
desk-report-col-rate = Completion
desk-report-col-help = Help requests
desk-report-col-answered = Answered in (median / 90 %)
desk-report-col-unanswered = Unanswered (median wait)

## Configuration from one place (/fleet/config)
desk-config-link = Configuration
desk-config-title = Configuration for the kiosks
desk-config-published = Published now
desk-config-none = Nothing is published: every kiosk runs its own file.
desk-config-group = Group
desk-config-version = Version
desk-config-by = Published by
desk-config-when = When
desk-config-tables = Tables
desk-config-files = Files
desk-config-new = Publish a configuration
desk-config-text = Configuration (whole tables, such as [branding], [locales] or [timeouts])
desk-config-add = New files go under
desk-config-note = What changed, and why
desk-config-check = Check and preview
desk-config-publish = Publish
desk-config-problems = Not published: fix these first
desk-config-ok = It passes every check. The screens it changes, now and after:
desk-config-done = Published: { $label }.
desk-config-stale = Someone published for this group since you opened the form: look at their version first.
desk-config-not-publisher = Only publishers ([desk] publishers) may publish.
desk-config-log = Change log
desk-config-by-at = { $agent }, { $time }
desk-config-refused = Configuration refused: { $label }
desk-config-applied = Configuration: { $label }
desk-config-drawing = Drawing the screens in each language…
desk-config-same = No screen looks different.
desk-config-before = Now
desk-config-after = After publishing
# A publication's group and version, as the configuration pages and the fleet name them.
desk-config-group-all = all kiosks
desk-config-group-airport = airport { $code }
desk-config-group-terminal = terminal { $code }
desk-config-group-kiosk = kiosk { $code }
desk-config-layer = { $group } v{ $version }
desk-config-group-none = nothing published
desk-kiosk-alerts = Kiosks that need someone
