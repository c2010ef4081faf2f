# مكتب الموظفين: صفحات ويب يطّلع عليها الموظفون على الهاتف أو على حاسوب مكتبي. تحدد لغة متصفح
# كل موظف اللغة المعروضة (والإنجليزية إن لم يكن المكتب يدعم تلك اللغة).

desk-title = مكتب Concierge
desk-sign-in-title = مكتب Concierge — تسجيل الدخول
desk-name = الاسم
desk-password = كلمة المرور
desk-sign-in = تسجيل الدخول
desk-wrong-sign-in = الاسم أو كلمة المرور غير صحيحة.
desk-sign-out = تسجيل الخروج
desk-too-many = { $minutes ->
    [zero] كلمات مرور خاطئة كثيرة. حاول مرة أخرى بعد { $minutes } دقيقة.
    [one] كلمات مرور خاطئة كثيرة. حاول مرة أخرى بعد دقيقة واحدة.
    [two] كلمات مرور خاطئة كثيرة. حاول مرة أخرى بعد دقيقتين.
    [few] كلمات مرور خاطئة كثيرة. حاول مرة أخرى بعد { $minutes } دقائق.
    [many] كلمات مرور خاطئة كثيرة. حاول مرة أخرى بعد { $minutes } دقيقة.
   *[other] كلمات مرور خاطئة كثيرة. حاول مرة أخرى بعد { $minutes } دقيقة.
}
desk-busy = المكتب مشغول. حاول مرة أخرى بعد لحظات.
desk-form-stale = انتهت صلاحية الصفحة. يرجى تسجيل الدخول مرة أخرى.
desk-signed-in-as = تم تسجيل الدخول باسم { $agent }
desk-open-requests = الطلبات المفتوحة
desk-no-open = لا توجد طلبات مفتوحة.
desk-escalated = مُصعَّد
desk-waiting = { $minutes ->
    [zero] في الانتظار منذ { $minutes } دقيقة
    [one] في الانتظار منذ دقيقة واحدة
    [two] في الانتظار منذ دقيقتين
    [few] في الانتظار منذ { $minutes } دقائق
    [many] في الانتظار منذ { $minutes } دقيقة
   *[other] في الانتظار منذ { $minutes } دقيقة
}
desk-kiosk = الجهاز { $kiosk }
desk-flight = الرحلة { $flight }
desk-closes = { $minutes ->
    [zero] يُغلق تسجيل الوصول خلال { $minutes } دقيقة
    [one] يُغلق تسجيل الوصول خلال دقيقة واحدة
    [two] يُغلق تسجيل الوصول خلال دقيقتين
    [few] يُغلق تسجيل الوصول خلال { $minutes } دقائق
    [many] يُغلق تسجيل الوصول خلال { $minutes } دقيقة
   *[other] يُغلق تسجيل الوصول خلال { $minutes } دقيقة
}
desk-closed-already = أُغلق تسجيل الوصول
desk-step = الخطوة: { $step }
desk-language = اللغة: { $language }
desk-passenger = المسافر { $name }
desk-on-the-way = { $agent } في الطريق
desk-acknowledge = تأكيد الاستلام
desk-resolve = إنهاء الطلب
desk-last-day = { $count ->
    [zero] آخر 24 ساعة: لا توجد طلبات
    [one] آخر 24 ساعة: طلب واحد
    [two] آخر 24 ساعة: طلبان
    [few] آخر 24 ساعة: { $count } طلبات
    [many] آخر 24 ساعة: { $count } طلباً
   *[other] آخر 24 ساعة: { $count } طلب
}
desk-per-hour = { $rate } في الساعة
desk-median-ack = الزمن الوسيط لتأكيد الاستلام: { $time }
desk-seconds = { $seconds ->
    [zero] { $seconds } ثانية
    [one] ثانية واحدة
    [two] ثانيتان
    [few] { $seconds } ثوانٍ
    [many] { $seconds } ثانية
   *[other] { $seconds } ثانية
}
desk-no-figure = —
desk-recent = الطلبات الأخيرة
desk-col-kiosk = الجهاز
desk-col-reason = السبب
desk-col-outcome = النتيجة
desk-col-agent = الموظف
desk-state-open = مفتوح
desk-state-acknowledged = تم الاستلام
desk-state-resolved = تمت المعالجة
desk-state-cancelled = ألغاه الجهاز

## الوقت على البطاقة: { $time } ساعة من اليوم، { $ago } "منذ 5 دقائق"، { $in } "بعد 12 دقيقة"
desk-minutes-ago = { $minutes ->
    [zero] منذ { $minutes } دقيقة
    [one] منذ دقيقة واحدة
    [two] منذ دقيقتين
    [few] منذ { $minutes } دقائق
    [many] منذ { $minutes } دقيقة
   *[other] منذ { $minutes } دقيقة
}
desk-in-minutes = { $minutes ->
    [zero] بعد { $minutes } دقيقة
    [one] بعد دقيقة واحدة
    [two] بعد دقيقتين
    [few] بعد { $minutes } دقائق
    [many] بعد { $minutes } دقيقة
   *[other] بعد { $minutes } دقيقة
}
desk-closes-at = يُغلق تسجيل الوصول الساعة { $time } ({ $in })
desk-asked = طُلب { $ago }
desk-received = وصل إلى المكتب { $ago }
desk-gave-up = أرسل الجهاز المسافر إلى المكتب الساعة { $time }
desk-escalated-to = صُعِّد الساعة { $time } إلى { $to }
desk-drill = تمرين
desk-drill-note = هذا تمرين: لا أحد ينتظر عند الجهاز.
desk-service = خدمة خاصة { $code }
desk-yours = مطارك

## ما يجب على الموظفين فعله عند طلب خدمة خاصة يوقف تسجيل الوصول
desk-todo-UMNR = قاصر غير مصحوب: توجّه إلى الجهاز وابقَ مع الطفل، وتحقق من نموذج التسليم ومن سيستقبله عند الوصول، ثم رافقه إلى البوابة.
desk-todo-STCR = مسافر على نقالة: تحقق من الموافقة الطبية ونسّق مع المحطة لتوفير النقالة والرافعة الطبية (ambulift).
desk-todo-MEDA = حالة طبية: تحقق من الموافقة الطبية (MEDIF) قبل تسجيل وصول المسافر.
desk-todo-PETC = حيوان أليف في المقصورة: تحقق من حاوية النقل ومن وثائق الحيوان، ثم استوفِ الرسوم.

## السجل الزمني للطلب
desk-timeline = السجل الزمني
desk-event-raised = طُلب عند الجهاز
desk-event-received = وصل إلى المكتب
desk-event-updated = أعاد الجهاز الطلب ({ $detail })
desk-event-escalated = صُعِّد إلى { $to }
desk-event-acknowledged = أكّد { $agent } الاستلام
desk-event-released = تخلّى { $agent } عنه
desk-event-handed_over = سلّمه { $agent } إلى { $to }
desk-event-note = ملاحظة من { $agent }: { $text }
desk-event-resolved = أنهاه { $agent }
desk-event-cancelled = أُلغي عند الجهاز
desk-event-closed_at_kiosk = أُغلق عند الجهاز
desk-event-reopened = طُلب مجدداً بعد إغلاقه
desk-note = ملاحظة
desk-add-note = إضافة ملاحظة
desk-release = التخلي عن الطلب
desk-hand-over = تسليم إلى

## نتيجة إجراء الموظف
desk-taken = الطلب لدى { $agent }.
desk-already-closed = هذا الطلب مغلق بالفعل.
desk-gone = لا يوجد طلب كهذا.

## الطلبات الأخيرة والتنبيهات والاتصال
desk-col-time = الوقت
desk-col-resolved-by = أنهاه
desk-alerts-on = تفعيل التنبيهات
desk-alerts-ready = التنبيهات مفعّلة
desk-offline = تعذّر الاتصال بالمكتب: قد تكون هذه القائمة غير محدّثة.
desk-filter = عرض
desk-filter-all = كل المطارات
desk-alert-new = طلب جديد عند الجهاز { $kiosk }
desk-alert-escalated = مُصعَّد: الجهاز { $kiosk }

## سبب طلب الجهاز لموظف (رموز الأسباب في المحرك)
desk-reason-passenger_asked = طلب المسافر المساعدة
desk-reason-unhappy_passenger = مسافر غير راضٍ (تقييم منخفض)
desk-reason-printer_paper_low = ورق الطابعة على وشك النفاد
desk-reason-assistance = طلب مساعدة ({ $service })
desk-reason-booking_not_found = لم يُعثر على الحجز
desk-reason-checkin_not_open = لم يبدأ تسجيل الوصول بعد
desk-reason-checkin_closed = أُغلق تسجيل الوصول
desk-reason-flight_cancelled = أُلغيت الرحلة: يلزم إعادة الحجز
desk-reason-wrong_airport = تغادر الرحلة من مطار آخر
desk-reason-document_expired = تنتهي صلاحية جواز السفر قريباً جداً
desk-reason-document_name_mismatch = الاسم في جواز السفر لا يطابق الحجز
desk-reason-document_missing = لا توجد وثيقة سفر
desk-reason-visa_required = تأشيرة أو تصريح سفر يلزم التحقق منه
desk-reason-address_required = يلزم عنوان الإقامة في الوجهة
desk-reason-no_board = ردّت السلطات بمنع الصعود إلى الطائرة
desk-reason-special_service = طلب خدمة خاصة يحتاج إلى موظف
desk-reason-excess_baggage = أمتعة زائدة
desk-reason-bags_closed = أُغلق تسليم الأمتعة لهذه الرحلة
desk-reason-no_seat = تعذّر تخصيص مقعد
desk-reason-refused = رفض نظام شركة الطيران تسجيل الوصول
desk-reason-reprint_limit = أعيدت طباعة بطاقة الصعود مرات كثيرة
desk-reason-check_in_first = لم يسجّل وصوله، عند تسليم الحقائب
desk-reason-printer_failure = عطل في الطابعة
desk-reason-airline_system_unavailable = نظام شركة الطيران غير متاح
desk-reason-print_interrupted = انقطعت عملية طباعة (أُعيد تشغيل الجهاز)

## مسار المسافر كما يراه الموظفون في الصفحات والمكتب ووضع الموظفين
step-name-welcome = شاشة البداية
step-name-identify = تحديد الهوية
step-name-greeting = الترحيب
step-name-checked_in = تم تسجيل الوصول مسبقاً
step-name-documents = وثائق السفر
step-name-seats = المقاعد
step-name-bags = الأمتعة
step-name-dangerous_goods = المواد الخطرة
step-name-review = المراجعة
step-name-printing = الطباعة
step-name-feedback = التقييم
step-name-goodbye = الوداع

## The boarding pass on a phone (served by the desk)
pass-title = بطاقة الصعود
pass-passenger = المسافر
pass-date = التاريخ
pass-boarding = الصعود
pass-departs = المغادرة
pass-gate = البوابة
pass-gate-later = على الشاشات
pass-seat = المقعد
pass-seat-lap = في الحضن
pass-sequence = التسلسل
pass-reference = الحجز
pass-show = أظهر هذا الرمز عند التفتيش وعند البوابة، والشاشة مضيئة.
pass-apple = أضف إلى Apple Wallet
pass-google = أضف إلى Google Wallet
pass-link-left = يفتح هذا الرابط { $count ->
    [zero] لا مزيد
    [one] مرة أخرى
    [two] مرتين أخريين
    [few] { $count } مرات أخرى
    [many] { $count } مرة أخرى
   *[other] { $count } مرة أخرى
} حتى { $time }. احفظ البطاقة أو التقط صورة للشاشة.
pass-gone-title = هذا الرابط لم يعد يفتح
pass-gone = حفاظًا على خصوصية بطاقتك يفتح الرابط مرات قليلة ولدقائق فقط. امسح الرمز في الجهاز مرة أخرى، أو استخدم بطاقتك المطبوعة.

## What staff did at the kiosks
desk-staff-title = الموظفون عند الأجهزة
desk-col-staff = الموظف
desk-col-action = الإجراء
desk-col-detail = التفاصيل
desk-event-staff = { $agent } عند الجهاز: { $action }
desk-staff-override = قبل وثيقة
desk-staff-late_check_in = سجّل الوصول بعد الإغلاق
desk-staff-reprint = أعاد طباعة الوثائق
desk-staff-reissue_tag = استبدل بطاقة أمتعة
desk-staff-find_booking = بحث عن حجز
desk-staff-restart = أعاد بدء الجلسة
desk-staff-close_kiosk = أغلق الجهاز
desk-staff-open_kiosk = فتح الجهاز
desk-staff-resolve_help = حلّ طلب المساعدة
desk-staff-sign_out = غادر وضع الموظفين

## صفحة الأكشاك (/fleet): حال كل كشك
desk-fleet-link = الأكشاك
desk-fleet-title = الأكشاك
desk-fleet-back = طلبات المساعدة
desk-fleet-none = لم يُبلغ أي كشك بعد.
desk-fleet-summary = { $online } من { $total } متصلة · { $problems ->
    [zero] لا شيء يحتاج إلى انتباه
    [one] كشك واحد يحتاج إلى انتباه
    [two] كشكان يحتاجان إلى انتباه
    [few] { $problems } أكشاك تحتاج إلى انتباه
    [many] { $problems } كشكًا يحتاج إلى انتباه
   *[other] { $problems } كشك يحتاج إلى انتباه
}
desk-fleet-online = متصل
desk-fleet-offline = غير متصل منذ { $time }
desk-fleet-out-of-service = خارج الخدمة
desk-fleet-closed = أغلقه الموظفون
desk-fleet-printer = الطابعة
desk-fleet-scanner = الماسح
desk-fleet-reader = قارئ الجوازات
desk-fleet-headset = سماعة الرأس
desk-fleet-device-ok = سليم
desk-fleet-device-low = الورق منخفض
desk-fleet-device-out = نفد الورق
desk-fleet-device-jammed = انحشر الورق
desk-fleet-device-fault = عطل
desk-fleet-device-offline = لا يستجيب
desk-fleet-device-unknown = لم يُبلَّغ
desk-fleet-device-connected = موصولة
desk-fleet-device-none = غير موصولة
desk-fleet-last-checkin = آخر تسجيل { $time }
desk-fleet-no-checkin = لا تسجيل بعد
desk-fleet-hour = الساعة الماضية: { $visits ->
    [zero] لا زيارات
    [one] زيارة واحدة
    [two] زيارتان
    [few] { $visits } زيارات
    [many] { $visits } زيارة
   *[other] { $visits } زيارة
}، فشل منها { $failures } ({ $rate } %)
desk-fleet-help-open = { $count ->
    [zero] لا طلبات مساعدة مفتوحة
    [one] طلب مساعدة واحد مفتوح
    [two] طلبا مساعدة مفتوحان
    [few] { $count } طلبات مساعدة مفتوحة
    [many] { $count } طلب مساعدة مفتوحًا
   *[other] { $count } طلب مساعدة مفتوح
}
desk-fleet-version = الإصدار { $software } · الإعداد { $config }
desk-fleet-alert-offline = توقف عن الإبلاغ
desk-fleet-alert-printer = الطابعة متوقفة
desk-reason-kiosk_offline = كشك توقف عن الإبلاغ
desk-reason-printer_out = طابعة كشك متوقفة

## أرقام الأكشاك (/fleet/report)
desk-report-link = الأرقام
desk-report-title = أرقام الأكشاك
desk-report-24h = آخر 24 ساعة
desk-report-7d = آخر 7 أيام
desk-report-csv = تنزيل CSV
desk-report-none = لم يُبلغ أي كشك عن جلسة في هذه الفترة.
desk-report-total = الجلسات: { $sessions } · المكتملة: { $rate }
desk-report-chart-hours = الجلسات في الساعة (الداكن: مكتملة)
desk-report-chart-airports = التسجيلات المكتملة حسب المطار
desk-report-by-airport = حسب المطار
desk-report-by-kiosk = حسب الكشك
desk-report-by-language = حسب اللغة
desk-report-by-hour = حسب الساعة (UTC)
desk-report-col-sessions = الجلسات
desk-report-col-completed = المكتملة
desk-report-col-rate = نسبة الإكمال
desk-report-col-help = طلبات المساعدة
desk-report-col-answered = زمن الرد (الوسيط / 90 %)
desk-report-col-unanswered = بلا رد (وسيط الانتظار)

## الإعداد من مكان واحد (/fleet/config)
desk-config-link = الإعداد
desk-config-title = إعداد الأكشاك
desk-config-published = المنشور حاليًا
desk-config-none = لا شيء منشور: كل كشك يعمل بملفه الخاص.
desk-config-group = المجموعة
desk-config-version = الإصدار
desk-config-by = الناشر
desk-config-when = الوقت
desk-config-tables = الجداول
desk-config-files = الملفات
desk-config-new = نشر إعداد
desk-config-text = الإعداد (جداول كاملة، مثل ⁨[branding]⁩ أو ⁨[locales]⁩ أو ⁨[timeouts]⁩)
desk-config-add = مجلد الملفات الجديدة
desk-config-note = ما الذي تغيّر ولماذا
desk-config-check = التحقق والمعاينة
desk-config-publish = نشر
desk-config-problems = لم يُنشر: أصلح هذه المشكلات أولًا
desk-config-ok = اجتاز كل عمليات التحقق. الشاشات التي يغيّرها، قبل النشر وبعده:
desk-config-done = تم النشر: { $label }.
desk-config-stale = نشر شخص آخر لهذه المجموعة منذ أن فتحت النموذج: راجع إصداره أولًا.
desk-config-not-publisher = النشر مقصور على المخوَّلين به ([desk] publishers).
desk-config-log = سجل التغييرات
desk-config-by-at = { $agent }، { $time }
desk-config-refused = رُفض الإعداد: { $label }
desk-config-applied = الإعداد: { $label }
desk-config-drawing = جارٍ رسم الشاشات بكل لغة…
desk-config-same = لا تبدو أي شاشة مختلفة.
desk-config-before = الآن
desk-config-after = بعد النشر
desk-config-group-all = جميع الأكشاك
desk-config-group-airport = المطار { $code }
desk-config-group-terminal = المبنى { $code }
desk-config-group-kiosk = الكشك { $code }
desk-config-layer = { $group } الإصدار { $version }
desk-config-group-none = لم يُنشر شيء
desk-kiosk-alerts = أكشاك تحتاج إلى أحد
