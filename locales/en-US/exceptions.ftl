# What the kiosk says when a check-in meets an exception. One message per exception reason
# (the engine's stable codes); the GUI shows these on the exception screens and the headless
# check-in prints them.
#
# Variables: $attempts (failed look-ups), $time (a local time such as "14:35, 23 Nov"),
# $airport (IATA code), $service (SSR code), $allowed and $asked (bags), $detail (free text).

booking_not_found = { $attempts ->
    [one] We could not find a booking with those details. Please check them and try again, or try another way.
   *[other] We still could not find a booking ({ $attempts } tries). Please try another way, or ask for help.
}
checkin_not_open = Check-in for this flight opens at { $time } (local time). Please come back then.
checkin_closed = Check-in for this flight closed at { $time } (local time). An agent can still help you.
flight_cancelled = This flight has been cancelled.
wrong_airport = This flight departs from { $airport }. This kiosk checks in flights departing from here only.
document_expired = This passport expires before your trip ends.
document_name_mismatch = The name on this passport does not match the booking.
document_missing = A passport or national ID card is needed for this trip. Please scan it, photo page down.
visa_required = Travel to this destination needs a visa or travel authorisation we have no record of.
address_required = The destination asks for your address there, and we have none on file.
no_board = The destination's authorities have not cleared this passenger for boarding.
special_service = Your booking includes a service ({ $service }) that an agent completes with you.
excess_baggage = { $asked } bags is more than the { $allowed } included in your ticket. Change the number of bags, or an agent can help you with the extra ones.
bags_closed = Bags are no longer accepted for this flight. You can continue without checked bags, or see an agent.
no_seat = There is no suitable free seat left.
refused = The airline system could not check you in ({ $detail }).
reprint_limit = Your boarding pass has been printed again as often as the kiosk allows. An agent will print it for you.
check_in_first = You are not checked in yet. This is a bag drop: please check in at a check-in kiosk first, or ask an agent.
printer_failure = The printer has a problem. You are checked in.
airline_system_unavailable = We cannot reach the airline system just now. Please try again in a moment.

# When a scanned document cannot be read (documents::MrzError::message_id).
mrz-unreadable = The passport could not be read. Please place it flat on the reader, photo page down.
mrz-not-a-travel-document = This is not a passport or ID card. Please scan the photo page of your passport.
mrz-check-failed = The passport could not be read reliably. Please scan it again, or ask for help.
scan-unreadable = This could not be read. Please scan your boarding pass, or the photo page of your passport, again.
