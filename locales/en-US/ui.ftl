# The kiosk's screens. Names ($name, $agent) arrive in Latin letters as the airline holds them.

language-name = English

## Bars and the controls on every screen
help = Help
back = Back
start-over = Start over
start-over-title = Start over?
start-over-body = Everything entered for this check-in will be cleared.
start-over-keep = Keep going
start-over-confirm = Yes, start over
larger-text = Larger text
normal-text = Normal text
high-contrast = High contrast
normal-contrast = Normal colours
step-of = Step { $step } of { $steps }

## Help
help-on-the-way = Help is on the way
help-queued = Your request is saved. Please stay here; an agent will be told in a moment.
help-delivered = An agent has been told and will come to this kiosk.
help-acknowledged = { $agent } is on the way to you.
help-resolved = Your request is closed. We hope it helped.
help-fallback = We cannot reach an agent from here. Please go to the { $desk }.
help-fallback-any-desk = We cannot reach an agent from here. Please go to the check-in desk.
help-not-reached = No agent could be reached
help-cancel = Cancel request

## Idle
idle-title = Do you need more time?
idle-countdown = { $seconds ->
    [one] For your privacy this check-in ends in { $seconds } second.
   *[other] For your privacy this check-in ends in { $seconds } seconds.
}
idle-more = More time
idle-end = End now

## Welcome
welcome-title = Welcome to { $airline }
welcome-subtitle = Check in, choose your seat and print your boarding pass.
welcome-start = Touch to start
welcome-language = Choose your language
out-of-service = This kiosk cannot print just now. Please use another kiosk, or ask an agent.

## Identify
identify-title = Find your booking
identify-scan-hint = You can also scan your passport or boarding pass at any time.
method-booking = Booking reference
method-eticket = E-ticket number
method-ff = Frequent flyer number
method-passport = Passport
method-boarding-pass = Boarding pass
field-reference = Booking reference
field-reference-hint = 6 letters and numbers, like ABC123
field-surname = Surname
field-eticket = E-ticket number
field-eticket-hint = 13 digits
field-ff = Frequent flyer number
identify-find = Find my booking
identify-passport = Place your passport on the reader, photo page down.
identify-boarding-pass = Hold the barcode of your boarding pass under the reader.
identify-reading = Reading…
key-space = Space
key-backspace = Delete
key-clear = Clear

notice-invalid-reference = A booking reference has 6 letters and numbers, like ABC123.
notice-invalid-eticket = An e-ticket number has 13 digits.
notice-invalid-ff = Please check the frequent flyer number.
notice-invalid-surname = Please type your surname as on your booking.
notice-no-passenger = Please choose at least one passenger.
notice-child-needs-adult = A child or infant travels with an adult: please choose the adult as well.
notice-seat-taken = Seat { $seat } was just taken. Please choose another seat.
notice-seat-not-in-cabin = Seat { $seat } is in another cabin.
notice-exit-row-not-allowed = This seat is in an emergency exit row, which this passenger cannot take.
notice-not-identity = This is not a passport or identity card.
notice-devices-paused = The kiosk's printer and readers are not answering for a moment. Please wait: nothing you entered is lost.

## Greeting
greeting-hello = Welcome, { $name }
greeting-flight = Flight { $flight } to { $destination }, departing { $time }
greeting-connection = then { $flight } to { $destination }
greeting-select = Who is checking in now?
greeting-infant = on the lap of { $adult }
greeting-child = child
greeting-checked-in = already checked in
continue = Continue

## Documents
documents-title = Travel documents
documents-on-file = { $kind } { $number }, valid until { $date }
documents-confirm = This is my document
documents-not-mine = Not my document
documents-scan = Please scan the passport of { $name }.
documents-accepted = Checked
documents-passport = Passport
documents-id-card = Identity card

## Seats
seats-title = Choose your seats
seats-flight = Flight { $flight } to { $destination }
seats-for = Seat for
seats-list = Show a list of seats
seats-map = Show the seat map
seats-keep = Confirm seats
seats-row = Row { $row }
legend-free = Free
legend-taken = Taken
legend-selected = Your choice
legend-exit = Emergency exit
seats-none-free = No free seats
exit-title = Emergency exit row
exit-question = Seats in an exit row are for travellers aged 15 or over who are able and willing to help open the exit in an emergency, and who need no extra help themselves. Is this true of { $name }?
exit-yes = Yes, I can help
exit-no = No, choose another seat

## Bags
bags-title = Checked bags
bags-allowance = { $count ->
    [0] No checked bag included
    [one] 1 bag included
   *[other] { $count } bags included
}
bags-count = { $count ->
    [0] No bags
    [one] 1 bag
   *[other] { $count } bags
}
bags-already-checked = { $count ->
    [one] 1 bag already checked in
   *[other] { $count } bags already checked in
}
bags-fewer = Fewer bags
bags-more = More bags
bags-hint = Cabin bags are not counted here.

## Dangerous goods
dg-title = Forbidden in your bags
dg-body = For everyone's safety these may not be carried in checked bags, and most not in the cabin either.
dg-batteries = Spare lithium batteries and power banks (cabin only)
dg-flammable = Flammable liquids and solids
dg-gas = Gas cylinders and aerosols
dg-explosives = Explosives and fireworks
dg-toxic = Poisons and toxic substances
dg-corrosive = Corrosives and acids
dg-confirm = I confirm my bags hold none of these

## Review
review-title = Please check
review-seat = Seat { $seat }
review-no-seat = Seat given at check-in
review-bags = { $count ->
    [0] no checked bags
    [one] 1 checked bag
   *[other] { $count } checked bags
}
review-confirm = Check in and print
review-confirm-tags = Print my bag tags

## Printing
printing-title = Checking you in…
printing-body = Your boarding pass is being printed.

## Feedback
feedback-take = Please take your boarding pass
feedback-take-bags = Please take your boarding pass and bag tags
feedback-title = How was checking in today?
feedback-1 = Very poor
feedback-2 = Poor
feedback-3 = Okay
feedback-4 = Good
feedback-5 = Very good
feedback-skip = Skip
feedback-sorry = We are sorry. Would you like to talk to someone now, or tell us what went wrong?
feedback-talk = Talk to someone now
feedback-comment = Write a short comment
feedback-send = Send
feedback-no-thanks = No, thank you
feedback-review = Thank you! If you like, scan this code to review us.

## Goodbye
goodbye-title = Have a good flight, { $name }!
goodbye-gate = Gate { $gate }, boarding at { $time }
goodbye-gate-later = Boarding at { $time }; the gate will be shown on the screens.
goodbye-bags = Please attach the tags and take your bags to the bag drop.
goodbye-done = Done

## Exception screens
exception-title = We need a moment
choice-try-again = Try again
choice-another-way = Try another way
choice-staff = Call an agent
choice-continue-without-bags = Continue without bags

## The kiosk closed by staff
kiosk-closed = This kiosk is closed. Please use another kiosk, or ask an agent.

## Offered after a passport scan, in the holder's language ($language is its own name)
offer-language = Continue in { $language }?

## Dates and cities as this language writes them (a city the list lacks keeps the airline's name).
date-day-month = { $day } { $month ->
    [1] Jan
    [2] Feb
    [3] Mar
    [4] Apr
    [5] May
    [6] Jun
    [7] Jul
    [8] Aug
    [9] Sep
    [10] Oct
    [11] Nov
   *[12] Dec
}
date-full = { $day } { $month ->
    [1] Jan
    [2] Feb
    [3] Mar
    [4] Apr
    [5] May
    [6] Jun
    [7] Jul
    [8] Aug
    [9] Sep
    [10] Oct
    [11] Nov
   *[12] Dec
} { $year }
city-YUL = Montreal
city-YYZ = Toronto
city-LHE = Lahore
city-DXB = Dubai
city-LHR = London
city-ARN = Stockholm
city-JFK = New York
city-EDI = Edinburgh
city-MAD = Madrid
city-FRA = Frankfurt
# Speech mode, when the headset is pulled out (drawn on the screen).
speech-unplugged = Headphones unplugged: speech is paused. Plug them in again to go on listening.
speech-continue-on-screen = Continue on screen

## Checked in already: the passes again, more bags, another seat
checked-in-title = { $name }, you are checked in
checked-in-body = Your seats and bags are below. What would you like to do?
checked-in-seat = Flight { $flight }: seat { $seat }
checked-in-bags = { $count ->
    [0] No bags checked
    [one] 1 bag checked
   *[other] { $count } bags checked
}
checked-in-reprint = { $count ->
    [one] Print my boarding pass again
   *[other] Print our boarding passes again
}
checked-in-add-bags = Add bags
checked-in-change-seat = Change my seat
bag-drop-nothing = There are no more bags to check within your allowance here. An agent can help with more.

## The boarding pass on a phone (Goodbye, checked in already)
checked-in-phone = Pass on my phone
phone-pass-waiting = Getting the codes for your phone…
phone-pass-scan = Your boarding pass on your phone: scan the code with your phone's camera.
identify-staff = Staff look-up ({ $staff }): the booking reference is enough.
