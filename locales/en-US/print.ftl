# Labels on printed documents. Each label is printed in the passenger's language and, when
# that is not English, in English too.
print-boarding-pass = Boarding pass
print-name = Name
print-from = From
print-to = To
print-flight = Flight
print-date = Date
print-boarding = Boarding
print-departure = Departure
print-gate = Gate
print-zone = Zone
print-seat = Seat
print-sequence = Seq
print-booking = Booking
print-eticket = E-ticket
print-bag-tag = Bag tag
print-bag-receipt = Bag receipt
print-bags = { $count ->
    [one] { $count } bag
   *[other] { $count } bags
}
print-gate-closes = Gate closes 15 minutes before departure
print-reprint = Duplicate
print-class = Class
print-cabin-J = Business
print-cabin-Y = Economy
print-frequent-flyer = Frequent flyer
