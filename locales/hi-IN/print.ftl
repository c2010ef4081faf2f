# Labels on printed documents in Hindi. Each label is printed in the passenger's language and,
# when that is not English, in English too.
print-boarding-pass = बोर्डिंग पास
print-name = नाम
print-from = से
print-to = तक
print-flight = उड़ान
print-date = तारीख
print-boarding = बोर्डिंग
print-departure = प्रस्थान
print-gate = गेट
print-zone = ज़ोन
print-seat = सीट
print-sequence = क्रम
print-booking = बुकिंग
print-eticket = ई-टिकट
print-bag-tag = बैग टैग
print-bag-receipt = बैग रसीद
print-bags = { $count ->
    [one] { $count } बैग
   *[other] { $count } बैग
}
print-gate-closes = गेट प्रस्थान से 15 मिनट पहले बंद हो जाता है
print-reprint = प्रतिलिपि
print-class = श्रेणी
print-cabin-J = बिज़नेस
print-cabin-Y = इकोनॉमी
print-frequent-flyer = फ़्रीक्वेंट फ़्लायर
