print-boarding-pass = بطاقة صعود الطائرة
print-name = الاسم
print-from = من
print-to = إلى
print-flight = الرحلة
print-date = التاريخ
print-boarding = الصعود
print-departure = المغادرة
print-gate = البوابة
print-zone = المنطقة
print-seat = المقعد
print-sequence = التسلسل
print-booking = الحجز
print-eticket = التذكرة الإلكترونية
print-bag-tag = بطاقة الأمتعة
print-bag-receipt = إيصال الأمتعة
print-bags = { $count ->
    [zero] لا حقائب
    [one] حقيبة واحدة
    [two] حقيبتان
    [few] { $count } حقائب
    [many] { $count } حقيبة
   *[other] { $count } حقيبة
}
print-gate-closes = تُغلق البوابة قبل المغادرة بخمس عشرة دقيقة
print-reprint = نسخة مكررة
print-class = الدرجة
print-cabin-J = رجال الأعمال
print-cabin-Y = السياحية
print-frequent-flyer = المسافر الدائم
