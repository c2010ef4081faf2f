# عملے کا ڈیسک: ویب صفحات جو عملہ فون یا ڈیسک کمپیوٹر پر دیکھتا ہے۔ ہر اہلکار کے براؤزر کی زبان
# لوکیل منتخب کرتی ہے (ورنہ [desk] کی طے شدہ زبان)۔

desk-title = Concierge ڈیسک
desk-sign-in-title = Concierge ڈیسک — سائن ان
desk-name = نام
desk-password = پاس ورڈ
desk-sign-in = سائن ان کریں
desk-wrong-sign-in = نام یا پاس ورڈ غلط ہے۔
desk-sign-out = سائن آؤٹ
desk-too-many = { $minutes ->
    [one] بہت زیادہ غلط پاس ورڈ۔ { $minutes } منٹ بعد دوبارہ کوشش کریں۔
   *[other] بہت زیادہ غلط پاس ورڈ۔ { $minutes } منٹ بعد دوبارہ کوشش کریں۔
}
desk-busy = ڈیسک مصروف ہے۔ تھوڑی دیر بعد دوبارہ کوشش کریں۔
desk-form-stale = صفحے کی مدت ختم ہو گئی تھی۔ براہ کرم دوبارہ سائن ان کریں۔
desk-signed-in-as = { $agent } کے طور پر سائن ان
desk-open-requests = کھلی درخواستیں
desk-no-open = کوئی کھلی درخواست نہیں۔
desk-escalated = اعلیٰ سطح پر بھیجی گئی
desk-waiting = { $minutes ->
    [one] { $minutes } منٹ سے انتظار میں
   *[other] { $minutes } منٹ سے انتظار میں
}
desk-kiosk = کیوسک { $kiosk }
desk-flight = پرواز { $flight }
desk-closes = { $minutes ->
    [one] چیک ان { $minutes } منٹ میں بند ہو جائے گا
   *[other] چیک ان { $minutes } منٹ میں بند ہو جائے گا
}
desk-closed-already = چیک ان بند ہو چکا ہے
desk-step = مرحلہ: { $step }
desk-language = زبان: { $language }
desk-passenger = مسافر { $name }
desk-on-the-way = { $agent } آ رہے ہیں
desk-acknowledge = قبول کریں
desk-resolve = حل کریں
desk-last-day = { $count ->
    [one] گزشتہ 24 گھنٹے: { $count } درخواست
   *[other] گزشتہ 24 گھنٹے: { $count } درخواستیں
}
desk-per-hour = { $rate } فی گھنٹہ
desk-median-ack = قبول کرنے کا وسطانی وقت: { $time }
desk-seconds = { $seconds ->
    [one] { $seconds } سیکنڈ
   *[other] { $seconds } سیکنڈ
}
desk-no-figure = —
desk-recent = حالیہ درخواستیں
desk-col-kiosk = کیوسک
desk-col-reason = وجہ
desk-col-outcome = نتیجہ
desk-col-agent = عملے کا رکن
desk-state-open = کھلی
desk-state-acknowledged = قبول شدہ
desk-state-resolved = حل شدہ
desk-state-cancelled = کیوسک نے منسوخ کر دی

## کیوسک نے عملے کو کیوں بلایا (انجن کے وجہ کوڈ)
desk-reason-passenger_asked = مسافر نے مدد مانگی
desk-reason-unhappy_passenger = ناخوش مسافر (رائے میں کم اسکور)
desk-reason-printer_paper_low = پرنٹر میں کاغذ کم ہے
desk-reason-assistance = معاونت کی درخواست ({ $service })
desk-reason-booking_not_found = بکنگ نہیں ملی
desk-reason-checkin_not_open = چیک ان ابھی شروع نہیں ہوا
desk-reason-checkin_closed = چیک ان بند ہو چکا ہے
desk-reason-flight_cancelled = پرواز منسوخ: نئی بکنگ درکار ہے
desk-reason-wrong_airport = پرواز کسی دوسرے ہوائی اڈے سے روانہ ہوتی ہے
desk-reason-document_expired = پاسپورٹ کی میعاد بہت جلد ختم ہو رہی ہے
desk-reason-document_name_mismatch = پاسپورٹ پر درج نام بکنگ سے مطابقت نہیں رکھتا
desk-reason-document_missing = سفری دستاویز موجود نہیں
desk-reason-visa_required = ویزا یا سفری اجازت نامے کی جانچ درکار ہے
desk-reason-address_required = منزل پر رہائش کا پتہ درکار ہے
desk-reason-no_board = حکام کا جواب: بورڈنگ کی اجازت نہیں
desk-reason-special_service = خصوصی سروس کی درخواست کے لیے عملہ درکار ہے
desk-reason-excess_baggage = اضافی سامان
desk-reason-bags_closed = اس پرواز کے لیے بیگ ڈراپ بند ہے
desk-reason-no_seat = کوئی نشست مختص نہیں ہو سکی
desk-reason-refused = ایئر لائن کے نظام نے چیک ان مسترد کر دیا
desk-reason-printer_failure = پرنٹر میں خرابی
desk-reason-airline_system_unavailable = ایئر لائن کا نظام دستیاب نہیں
desk-reason-print_interrupted = پرنٹنگ درمیان میں رک گئی (کیوسک دوبارہ شروع ہوا)

## مسافر کے مراحل، جیسے عملہ انہیں صفحات، ڈیسک اور اسٹاف موڈ میں دیکھتا ہے
step-name-welcome = خوش آمدید
step-name-identify = شناخت
step-name-greeting = استقبال
step-name-documents = سفری دستاویزات
step-name-seats = نشستیں
step-name-bags = بیگ
step-name-dangerous_goods = خطرناک اشیاء
step-name-review = جائزہ
step-name-printing = پرنٹنگ
step-name-feedback = رائے
step-name-goodbye = الوداع
