# عملے کا ڈیسک: ویب صفحات جو عملہ فون یا ڈیسک کمپیوٹر پر دیکھتا ہے۔ ہر اہلکار کے براؤزر کی زبان
# لوکیل منتخب کرتی ہے (اگر ڈیسک وہ زبان نہیں جانتا تو انگریزی)۔

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

## کارڈ پر وقت: { $time } دن کا وقت ہے، { $ago } "5 منٹ پہلے"، { $in } "12 منٹ میں"
desk-minutes-ago = { $minutes ->
    [one] { $minutes } منٹ پہلے
   *[other] { $minutes } منٹ پہلے
}
desk-in-minutes = { $minutes ->
    [one] { $minutes } منٹ میں
   *[other] { $minutes } منٹ میں
}
desk-closes-at = چیک ان { $time } بجے بند ہو جائے گا ({ $in })
desk-asked = { $ago } درخواست کی گئی
desk-received = { $ago } ڈیسک پر پہنچی
desk-gave-up = کیوسک نے { $time } بجے مسافر کو ڈیسک پر بھیج دیا
desk-escalated-to = { $time } بجے { $to } کو اعلیٰ سطح پر بھیجی گئی
desk-drill = مشق
desk-drill-note = یہ مشق ہے: کیوسک پر کوئی انتظار نہیں کر رہا۔
desk-service = خصوصی سروس { $code }
desk-yours = آپ کا ہوائی اڈہ

## چیک ان روکنے والی خصوصی سروس کی درخواست پر عملے کو کیا کرنا ہے
desk-todo-UMNR = اکیلا سفر کرنے والا نابالغ: کیوسک پر جائیں اور بچے کے ساتھ رہیں، حوالگی کا فارم اور آمد پر اسے لینے والے شخص کی تصدیق کریں، پھر اسے گیٹ تک لے جائیں۔
desk-todo-STCR = اسٹریچر والا مسافر: طبی اجازت نامہ چیک کریں اور اسٹیشن کے ساتھ اسٹریچر اور ایمبولفٹ کا انتظام کریں۔
desk-todo-MEDA = طبی کیس: مسافر کا چیک ان کرنے سے پہلے طبی اجازت نامہ (MEDIF) چیک کریں۔
desk-todo-PETC = کیبن میں پالتو جانور: کیریئر اور جانور کے کاغذات چیک کریں، پھر فیس وصول کریں۔

## درخواست کی ٹائم لائن
desk-timeline = ٹائم لائن
desk-event-raised = کیوسک پر درخواست کی گئی
desk-event-received = ڈیسک پر پہنچی
desk-event-updated = کیوسک نے دوبارہ درخواست کی ({ $detail })
desk-event-escalated = { $to } کو اعلیٰ سطح پر بھیجی گئی
desk-event-acknowledged = { $agent } نے قبول کی
desk-event-released = { $agent } نے چھوڑ دی
desk-event-handed_over = { $agent } نے { $to } کے حوالے کی
desk-event-note = { $agent } کا نوٹ: { $text }
desk-event-resolved = { $agent } نے حل کی
desk-event-cancelled = کیوسک پر منسوخ کی گئی
desk-event-closed_at_kiosk = کیوسک پر بند کی گئی
desk-event-reopened = بند ہونے کے بعد دوبارہ درخواست کی گئی
desk-note = نوٹ
desk-add-note = نوٹ شامل کریں
desk-release = چھوڑ دیں
desk-hand-over = حوالے کریں:

## اہلکار کی کارروائی کا نتیجہ
desk-taken = یہ درخواست { $agent } کے پاس ہے۔
desk-already-closed = یہ درخواست پہلے ہی بند ہو چکی ہے۔
desk-gone = ایسی کوئی درخواست موجود نہیں۔

## حالیہ درخواستیں، الرٹس، کنکشن
desk-col-time = وقت
desk-col-resolved-by = حل کرنے والا
desk-alerts-on = الرٹس آن کریں
desk-alerts-ready = الرٹس آن ہیں
desk-offline = ڈیسک سے رابطہ نہیں ہو پا رہا: یہ فہرست پرانی ہو سکتی ہے۔
desk-filter = دکھائیں
desk-filter-all = تمام ہوائی اڈے
desk-alert-new = کیوسک { $kiosk } پر نئی درخواست
desk-alert-escalated = اعلیٰ سطح پر بھیجی گئی: کیوسک { $kiosk }

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
desk-reason-reprint_limit = بورڈنگ پاس بہت بار دوبارہ پرنٹ ہوا
desk-reason-check_in_first = بیگ ڈراپ پر، چیک ان نہیں ہوا
desk-reason-printer_failure = پرنٹر میں خرابی
desk-reason-airline_system_unavailable = ایئر لائن کا نظام دستیاب نہیں
desk-reason-print_interrupted = پرنٹنگ درمیان میں رک گئی (کیوسک دوبارہ شروع ہوا)

## مسافر کے مراحل، جیسے عملہ انہیں صفحات، ڈیسک اور اسٹاف موڈ میں دیکھتا ہے
step-name-welcome = خوش آمدید
step-name-identify = شناخت
step-name-greeting = استقبال
step-name-checked_in = پہلے سے چیک ان
step-name-documents = سفری دستاویزات
step-name-seats = نشستیں
step-name-bags = بیگ
step-name-dangerous_goods = خطرناک اشیاء
step-name-review = جائزہ
step-name-printing = پرنٹنگ
step-name-feedback = رائے
step-name-goodbye = الوداع

## The boarding pass on a phone (served by the desk)
pass-title = بورڈنگ پاس
pass-passenger = مسافر
pass-date = تاریخ
pass-boarding = بورڈنگ
pass-departs = روانگی
pass-gate = گیٹ
pass-gate-later = اسکرینوں پر
pass-seat = نشست
pass-seat-lap = گود میں
pass-sequence = نمبر
pass-reference = بکنگ
pass-show = یہ کوڈ سیکیورٹی اور گیٹ پر دکھائیں، اسکرین روشن رکھیں۔
pass-apple = Apple Wallet میں شامل کریں
pass-google = Google Wallet میں شامل کریں
pass-link-left = یہ لنک { $time } تک { $count ->
    [0] اب نہیں کھلے گا
   *[other] مزید { $count } بار کھلے گا
}۔ پاس محفوظ کریں یا اسکرین شاٹ لیں۔
pass-gone-title = یہ لنک اب نہیں کھلتا
pass-gone = آپ کا پاس نجی رکھنے کے لیے لنک چند منٹ اور چند بار ہی کھلتا ہے۔ کیوسک پر کوڈ دوبارہ اسکین کریں، یا اپنا چھپا ہوا بورڈنگ پاس استعمال کریں۔

## What staff did at the kiosks
desk-staff-title = کیوسک پر عملہ
desk-col-staff = عملہ
desk-col-action = کارروائی
desk-col-detail = تفصیل
desk-event-staff = { $agent } کیوسک پر: { $action }
desk-staff-override = دستاویز قبول کی
desk-staff-late_check_in = بند ہونے کے بعد چیک ان کیا
desk-staff-reprint = دستاویزات دوبارہ پرنٹ کیں
desk-staff-reissue_tag = بیگ ٹیگ بدلا
desk-staff-find_booking = بکنگ تلاش کی
desk-staff-restart = سیشن دوبارہ شروع کیا
desk-staff-close_kiosk = کیوسک بند کیا
desk-staff-open_kiosk = کیوسک کھولا
desk-staff-resolve_help = مدد کی درخواست حل کی
desk-staff-sign_out = عملے کا موڈ چھوڑا

## کیوسک کا صفحہ (/fleet): ہر کیوسک کا حال
desk-fleet-link = کیوسک
desk-fleet-title = کیوسک
desk-fleet-back = مدد کی درخواستیں
desk-fleet-none = ابھی تک کسی کیوسک نے اطلاع نہیں دی۔
desk-fleet-summary = { $total } میں سے { $online } کیوسک آن لائن · { $problems ->
    [0] کسی کو توجہ کی ضرورت نہیں
   *[other] { $problems } کو توجہ کی ضرورت ہے
}
desk-fleet-online = آن لائن
desk-fleet-offline = { $time } سے آف لائن
desk-fleet-out-of-service = سروس سے باہر
desk-fleet-closed = عملے نے بند کیا
desk-fleet-printer = پرنٹر
desk-fleet-scanner = اسکینر
desk-fleet-reader = پاسپورٹ ریڈر
desk-fleet-headset = ہیڈ سیٹ
desk-fleet-device-ok = ٹھیک
desk-fleet-device-low = کاغذ کم ہے
desk-fleet-device-out = کاغذ ختم
desk-fleet-device-jammed = کاغذ پھنس گیا
desk-fleet-device-fault = خرابی
desk-fleet-device-offline = جواب نہیں دے رہا
desk-fleet-device-unknown = اطلاع نہیں
desk-fleet-device-connected = لگا ہوا ہے
desk-fleet-device-none = نہیں لگا
desk-fleet-last-checkin = آخری چیک ان { $time }
desk-fleet-no-checkin = ابھی کوئی چیک ان نہیں
desk-fleet-hour = گزشتہ گھنٹہ: { $visits } آمد، { $failures } ناکام ({ $rate } %)
desk-fleet-help-open = { $count ->
    [0] مدد کی کوئی درخواست کھلی نہیں
   *[other] مدد کی { $count } درخواستیں کھلی ہیں
}
desk-fleet-version = ورژن { $software } · ترتیب { $config }
desk-fleet-alert-offline = خاموش ہو گیا
desk-fleet-alert-printer = پرنٹر بند
desk-reason-kiosk_offline = کیوسک خاموش ہو گیا
desk-reason-printer_out = کیوسک کا پرنٹر بند

## کیوسکوں کے اعداد و شمار (/fleet/report)
desk-report-link = اعداد و شمار
desk-report-title = کیوسکوں کے اعداد و شمار
desk-report-24h = گزشتہ 24 گھنٹے
desk-report-7d = گزشتہ 7 دن
desk-report-csv = CSV ڈاؤن لوڈ کریں
desk-report-none = اس مدت میں کسی کیوسک نے کوئی سیشن نہیں بتایا۔
desk-report-total = سیشن: { $sessions } · مکمل: { $rate }
desk-report-chart-hours = فی گھنٹہ سیشن (گہرا: مکمل)
desk-report-chart-airports = مکمل چیک ان، ہوائی اڈے کے لحاظ سے
desk-report-by-airport = ہوائی اڈے کے لحاظ سے
desk-report-by-kiosk = کیوسک کے لحاظ سے
desk-report-by-language = زبان کے لحاظ سے
desk-report-by-hour = گھنٹے کے لحاظ سے (UTC)
desk-report-col-sessions = سیشن
desk-report-col-completed = مکمل
desk-report-col-rate = تکمیل
desk-report-col-help = مدد کی درخواستیں
desk-report-col-answered = جواب میں وقت (درمیانہ / 90 %)
desk-report-col-unanswered = بے جواب (درمیانہ انتظار)

## ایک ہی جگہ سے ترتیب (/fleet/config)
desk-config-link = ترتیب
desk-config-title = کیوسکوں کی ترتیب
desk-config-published = اس وقت شائع شدہ
desk-config-none = کچھ بھی شائع نہیں: ہر کیوسک اپنی فائل سے چل رہا ہے۔
desk-config-group = گروپ
desk-config-version = ورژن
desk-config-by = شائع کنندہ
desk-config-when = وقت
desk-config-tables = ٹیبل
desk-config-files = فائلیں
desk-config-new = ترتیب شائع کریں
desk-config-text = ترتیب (پورے ٹیبل، جیسے ⁨[branding]⁩، ⁨[locales]⁩ یا ⁨[timeouts]⁩)
desk-config-add = نئی فائلوں کا فولڈر
desk-config-note = کیا بدلا اور کیوں
desk-config-check = جانچیں اور پیش نظارہ دیکھیں
desk-config-publish = شائع کریں
desk-config-problems = شائع نہیں ہوا: پہلے انہیں ٹھیک کریں
desk-config-ok = یہ تمام جانچ میں کامیاب ہے۔ جو اسکرینیں بدلیں گی، ابھی اور بعد میں:
desk-config-done = شائع ہو گیا: { $label }۔
desk-config-stale = آپ کے فارم کھولنے کے بعد کسی نے اس گروپ کے لیے شائع کیا ہے: پہلے ان کا ورژن دیکھیں۔
desk-config-not-publisher = صرف شائع کرنے کے مجاز افراد ([desk] publishers) ہی شائع کر سکتے ہیں۔
desk-config-log = تبدیلیوں کا ریکارڈ
desk-config-by-at = { $agent }، { $time }
desk-config-refused = ترتیب مسترد: { $label }
desk-config-applied = ترتیب: { $label }
desk-config-drawing = ہر زبان میں اسکرینیں بنائی جا رہی ہیں…
desk-config-same = کوئی اسکرین مختلف نظر نہیں آتی۔
desk-config-before = ابھی
desk-config-after = شائع کرنے کے بعد
desk-config-group-all = تمام کیوسک
desk-config-group-airport = ایئرپورٹ { $code }
desk-config-group-terminal = ٹرمینل { $code }
desk-config-group-kiosk = کیوسک { $code }
desk-config-layer = { $group } ورژن { $version }
desk-config-group-none = کچھ شائع نہیں ہوا
desk-kiosk-alerts = کیوسک جنہیں کسی کی ضرورت ہے
