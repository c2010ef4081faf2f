# The kiosk's screens in Arabic. Names ($name, $agent) arrive in Latin letters as the airline holds them.
# What a blind passenger hears most carries `.speech`: the same words with their vowels, which
# espeak-ng needs to read Arabic well (the screen shows the text without them).

language-name = العربية

## Bars and the controls on every screen
help = مساعدة
    .speech = مُسَاعَدَةٌ
back = رجوع
    .speech = رُجُوعٌ
start-over = البدء من جديد
    .speech = اَلْبَدْءُ مِنْ جَدِيدٍ
start-over-title = البدء من جديد؟
start-over-body = سيُمحى كل ما أُدخل في تسجيل الوصول هذا.
start-over-keep = متابعة تسجيل الوصول
start-over-confirm = نعم، ابدأ من جديد
larger-text = نص أكبر
normal-text = نص عادي
high-contrast = تباين عالٍ
normal-contrast = ألوان عادية
step-of = الخطوة { $step } من { $steps }

## Help
help-on-the-way = المساعدة في الطريق إليك
    .speech = اَلْمُسَاعَدَةُ فِي الطَّرِيقِ إِلَيْكَ
help-queued = تم حفظ طلبك. يُرجى البقاء هنا، وسيتم إبلاغ أحد الموظفين بعد لحظات.
help-delivered = تم إبلاغ أحد الموظفين، وسيحضر إلى هذا الجهاز.
help-acknowledged = { $agent } في الطريق إليك.
help-resolved = تم إغلاق طلبك. نأمل أن نكون قد ساعدناك.
help-fallback = لا يمكننا الوصول إلى أحد الموظفين من هنا. يُرجى التوجه إلى { $desk }.
help-fallback-any-desk = لا يمكننا الوصول إلى أحد الموظفين من هنا. يُرجى التوجه إلى مكتب تسجيل الوصول.
help-not-reached = تعذّر الوصول إلى أحد الموظفين
help-cancel = إلغاء الطلب

## Idle
idle-title = هل تحتاج إلى مزيد من الوقت؟
    .speech = هَلْ تَحْتَاجُ إِلَى مَزِيدٍ مِنَ الْوَقْتِ؟
idle-countdown = { $seconds ->
    [zero] حفاظاً على خصوصيتك، سينتهي تسجيل الوصول خلال { $seconds } ثانية.
    [one] حفاظاً على خصوصيتك، سينتهي تسجيل الوصول خلال ثانية واحدة.
    [two] حفاظاً على خصوصيتك، سينتهي تسجيل الوصول خلال ثانيتين.
    [few] حفاظاً على خصوصيتك، سينتهي تسجيل الوصول خلال { $seconds } ثوانٍ.
    [many] حفاظاً على خصوصيتك، سينتهي تسجيل الوصول خلال { $seconds } ثانية.
   *[other] حفاظاً على خصوصيتك، سينتهي تسجيل الوصول خلال { $seconds } ثانية.
}
idle-more = مزيد من الوقت
    .speech = مَزِيدٌ مِنَ الْوَقْتِ
idle-end = الإنهاء الآن
    .speech = اَلْإِنْهَاءُ الْآنَ

## Welcome
welcome-title = مرحباً بكم في { $airline }
    .speech = مَرْحَبًا بِكُمْ فِي { $airline }
welcome-subtitle = سجّل وصولك، واختر مقعدك، واطبع بطاقة صعود الطائرة.
    .speech = سَجِّلْ وُصُولَكَ، وَاخْتَرْ مَقْعَدَكَ، وَاطْبَعْ بِطَاقَةَ صُعُودِ الطَّائِرَةِ.
welcome-start = المس الشاشة للبدء
    .speech = اِلْمَسِ الشَّاشَةَ لِلْبَدْءِ
welcome-language = اختر لغتك
    .speech = اِخْتَرْ لُغَتَكَ
out-of-service = لا يمكن لهذا الجهاز الطباعة حالياً. يُرجى استخدام جهاز آخر، أو طلب المساعدة من أحد الموظفين.

## Identify
identify-title = البحث عن حجزك
    .speech = اَلْبَحْثُ عَنْ حَجْزِكَ
identify-scan-hint = يمكنك أيضاً مسح جواز سفرك أو بطاقة صعود الطائرة في أي وقت.
    .speech = يُمْكِنُكَ أَيْضًا مَسْحُ جَوَازِ سَفَرِكَ أَوْ بِطَاقَةِ صُعُودِ الطَّائِرَةِ فِي أَيِّ وَقْتٍ.
method-booking = رمز الحجز
method-eticket = رقم التذكرة الإلكترونية
method-ff = رقم عضوية المسافر الدائم
method-passport = جواز السفر
method-boarding-pass = بطاقة صعود الطائرة
field-reference = رمز الحجز
field-reference-hint = 6 حروف وأرقام، مثل ABC123
field-surname = اسم العائلة
field-eticket = رقم التذكرة الإلكترونية
field-eticket-hint = 13 رقماً
field-ff = رقم عضوية المسافر الدائم
identify-find = البحث عن حجزي
    .speech = اَلْبَحْثُ عَنْ حَجْزِي
identify-passport = ضع جواز سفرك على القارئ، وصفحة الصورة إلى الأسفل.
identify-boarding-pass = ضع الرمز الشريطي لبطاقة صعود الطائرة تحت القارئ.
identify-reading = جارٍ القراءة...
key-space = مسافة
key-backspace = حذف
key-clear = مسح الكل

notice-invalid-reference = يتكون رمز الحجز من 6 حروف وأرقام، مثل ABC123.
notice-invalid-eticket = يتكون رقم التذكرة الإلكترونية من 13 رقماً.
notice-invalid-ff = يُرجى التحقق من رقم عضوية المسافر الدائم.
notice-invalid-surname = يُرجى كتابة اسم العائلة كما هو في الحجز.
notice-no-passenger = يُرجى اختيار مسافر واحد على الأقل.
notice-child-needs-adult = يسافر الطفل أو الرضيع مع شخص بالغ، لذا يُرجى اختيار البالغ أيضاً.
notice-seat-taken = تم حجز المقعد { $seat } للتو. يُرجى اختيار مقعد آخر.
notice-seat-not-in-cabin = المقعد { $seat } في مقصورة أخرى.
notice-exit-row-not-allowed = هذا المقعد في صف مخرج الطوارئ، ولا يمكن لهذا المسافر الجلوس فيه.
notice-not-identity = هذا المستند ليس جواز سفر أو بطاقة هوية.
notice-devices-paused = طابعة الكشك وأجهزة القراءة لا تستجيب للحظة. يُرجى الانتظار: لم يُفقد شيء مما أدخلته.

## Greeting
greeting-hello = أهلاً بك، { $name }
    .speech = أَهْلًا بِكَ، { $name }
greeting-flight = الرحلة { $flight } إلى { $destination }، المغادرة في { $time }
greeting-connection = ثم الرحلة { $flight } إلى { $destination }
greeting-select = من يسجّل وصوله الآن؟
    .speech = مَنْ يُسَجِّلُ وُصُولَهُ الْآنَ؟
greeting-infant = في حضن { $adult }
greeting-child = طفل
greeting-checked-in = تم تسجيل الوصول مسبقاً
continue = متابعة
    .speech = مُتَابَعَةٌ

## Documents
documents-title = وثائق السفر
    .speech = وَثَائِقُ السَّفَرِ
documents-on-file = { $kind } { $number }، الصلاحية حتى { $date }
documents-confirm = هذه وثيقتي
    .speech = هَذِهِ وَثِيقَتِي
documents-not-mine = ليست وثيقتي
documents-scan = يُرجى مسح جواز سفر { $name }.
documents-accepted = تم التحقق
documents-passport = جواز سفر
documents-id-card = بطاقة هوية

## Seats
seats-title = اختر مقاعدك
    .speech = اِخْتَرْ مَقَاعِدَكَ
seats-flight = الرحلة { $flight } إلى { $destination }
seats-for = مقعد المسافر
seats-list = عرض قائمة المقاعد
seats-map = عرض خريطة المقاعد
seats-keep = تأكيد المقاعد
    .speech = تَأْكِيدُ الْمَقَاعِدِ
seats-row = الصف { $row }
legend-free = متاح
legend-taken = محجوز
legend-selected = اختيارك
legend-exit = مخرج الطوارئ
seats-none-free = لا توجد مقاعد متاحة
exit-title = صف مخرج الطوارئ
exit-question = مقاعد صف مخرج الطوارئ مخصصة للمسافرين الذين تبلغ أعمارهم 15 عاماً فأكثر، والقادرين على المساعدة في فتح المخرج في حالات الطوارئ والمستعدين لذلك، والذين لا يحتاجون هم أنفسهم إلى مساعدة إضافية. هل ينطبق هذا على { $name }؟
exit-yes = نعم، يمكنني المساعدة
exit-no = لا، اختر مقعداً آخر

## Bags
bags-title = الأمتعة المسجلة
    .speech = اَلْأَمْتِعَةُ الْمُسَجَّلَةُ
bags-allowance = { $count ->
    [0] لا تشمل التذكرة أمتعة مسجلة
    [zero] لا تشمل التذكرة أمتعة مسجلة
    [one] حقيبة واحدة مشمولة
    [two] حقيبتان مشمولتان
    [few] { $count } حقائب مشمولة
    [many] { $count } حقيبة مشمولة
   *[other] { $count } حقيبة مشمولة
}
bags-count = { $count ->
    [0] لا حقائب
    [zero] لا حقائب
    [one] حقيبة واحدة
    [two] حقيبتان
    [few] { $count } حقائب
    [many] { $count } حقيبة
   *[other] { $count } حقيبة
}
bags-already-checked = { $count ->
    [zero] لا حقائب مسجّلة بعد
    [one] حقيبة واحدة مسجّلة بالفعل
    [two] حقيبتان مسجّلتان بالفعل
    [few] { $count } حقائب مسجّلة بالفعل
    [many] { $count } حقيبة مسجّلة بالفعل
   *[other] { $count } حقيبة مسجّلة بالفعل
}
bags-fewer = حقائب أقل
bags-more = حقائب أكثر
bags-hint = لا تُحتسب حقائب اليد هنا.
    .speech = لَا تُحْتَسَبُ حَقَائِبُ الْيَدِ هُنَا.

## Dangerous goods
dg-title = مواد ممنوعة في أمتعتك
    .speech = مَوَادُّ مَمْنُوعَةٌ فِي أَمْتِعَتِكَ
dg-body = حفاظاً على سلامة الجميع، لا يجوز نقل هذه المواد في الأمتعة المسجلة، ومعظمها ممنوع في المقصورة أيضاً.
    .speech = حِفَاظًا عَلَى سَلَامَةِ الْجَمِيعِ، لَا يَجُوزُ نَقْلُ هَذِهِ الْمَوَادِّ فِي الْأَمْتِعَةِ الْمُسَجَّلَةِ، وَمُعْظَمُهَا مَمْنُوعٌ فِي الْمَقْصُورَةِ أَيْضًا.
dg-batteries = بطاريات الليثيوم الاحتياطية وبنوك الطاقة (في المقصورة فقط)
dg-flammable = السوائل والمواد الصلبة القابلة للاشتعال
dg-gas = أسطوانات الغاز والبخاخات
dg-explosives = المتفجرات والألعاب النارية
dg-toxic = السموم والمواد السامة
dg-corrosive = المواد الأكّالة والأحماض
dg-confirm = أؤكد أن أمتعتي لا تحتوي على أي من هذه المواد
    .speech = أُؤَكِّدُ أَنَّ أَمْتِعَتِي لَا تَحْتَوِي عَلَى أَيٍّ مِنْ هَذِهِ الْمَوَادِّ

## Review
review-title = يُرجى المراجعة
    .speech = يُرْجَى الْمُرَاجَعَةُ
review-seat = المقعد { $seat }
review-no-seat = يُخصَّص المقعد عند تسجيل الوصول
review-bags = { $count ->
    [0] لا أمتعة مسجلة
    [zero] لا أمتعة مسجلة
    [one] حقيبة مسجلة واحدة
    [two] حقيبتان مسجلتان
    [few] { $count } حقائب مسجلة
    [many] { $count } حقيبة مسجلة
   *[other] { $count } حقيبة مسجلة
}
review-confirm = تسجيل الوصول والطباعة
review-confirm-tags = اطبع بطاقات حقائبي
    .speech = تَسْجِيلُ الْوُصُولِ وَالطِّبَاعَةُ

## Printing
printing-title = جارٍ تسجيل وصولك...
    .speech = جَارٍ تَسْجِيلُ وُصُولِكَ...
printing-body = جارٍ طباعة بطاقة صعود الطائرة.
    .speech = جَارٍ طِبَاعَةُ بِطَاقَةِ صُعُودِ الطَّائِرَةِ.

## Feedback
feedback-take = يُرجى أخذ بطاقة صعود الطائرة
    .speech = يُرْجَى أَخْذُ بِطَاقَةِ صُعُودِ الطَّائِرَةِ
feedback-take-bags = يُرجى أخذ بطاقة صعود الطائرة وبطاقات الأمتعة
    .speech = يُرْجَى أَخْذُ بِطَاقَةِ صُعُودِ الطَّائِرَةِ وَبِطَاقَاتِ الْأَمْتِعَةِ
feedback-title = كيف كانت تجربة تسجيل الوصول اليوم؟
    .speech = كَيْفَ كَانَتْ تَجْرِبَةُ تَسْجِيلِ الْوُصُولِ الْيَوْمَ؟
feedback-1 = سيئة جداً
feedback-2 = سيئة
feedback-3 = مقبولة
feedback-4 = جيدة
feedback-5 = جيدة جداً
feedback-skip = تخطي
    .speech = تَخَطٍّ
feedback-sorry = نعتذر عن ذلك. هل تود التحدث إلى أحد الموظفين الآن، أو إخبارنا بما لم يسر على ما يرام؟
feedback-talk = التحدث إلى موظف الآن
feedback-comment = كتابة تعليق قصير
feedback-send = إرسال
feedback-no-thanks = لا، شكراً
feedback-review = شكراً لك! يمكنك مسح هذا الرمز لتقييمنا إن رغبت.

## Goodbye
goodbye-title = رحلة سعيدة، { $name }!
    .speech = رِحْلَةً سَعِيدَةً، { $name }!
goodbye-gate = البوابة { $gate }، يبدأ الصعود في { $time }
    .speech = اَلْبَوَّابَةُ { $gate }، يَبْدَأُ الصُّعُودُ فِي { $time }
goodbye-gate-later = يبدأ الصعود في { $time }، وسيُعرض رقم البوابة على الشاشات.
goodbye-bags = يُرجى تثبيت البطاقات على حقائبك وتسليمها في نقطة تسليم الأمتعة.
goodbye-done = تم
    .speech = تَمَّ

## Exception screens
exception-title = لحظة من فضلك
choice-try-again = إعادة المحاولة
choice-another-way = تجربة طريقة أخرى
choice-staff = استدعاء موظف
choice-continue-without-bags = المتابعة دون أمتعة

## The kiosk closed by staff
kiosk-closed = هذا الجهاز مغلق. يُرجى استخدام جهاز آخر، أو طلب المساعدة من أحد الموظفين.

## Offered after a passport scan
offer-language = هل تريد المتابعة باللغة { $language }؟

## Dates and cities as this language writes them (a city the list lacks keeps the airline's name).
date-day-month = { $day } { $month ->
    [1] يناير
    [2] فبراير
    [3] مارس
    [4] أبريل
    [5] مايو
    [6] يونيو
    [7] يوليو
    [8] أغسطس
    [9] سبتمبر
    [10] أكتوبر
    [11] نوفمبر
   *[12] ديسمبر
}
date-full = { $day } { $month ->
    [1] يناير
    [2] فبراير
    [3] مارس
    [4] أبريل
    [5] مايو
    [6] يونيو
    [7] يوليو
    [8] أغسطس
    [9] سبتمبر
    [10] أكتوبر
    [11] نوفمبر
   *[12] ديسمبر
} { $year }
city-YUL = مونتريال
city-YYZ = تورونتو
city-LHE = لاهور
city-DXB = دبي
city-LHR = لندن
city-ARN = ستوكهولم
city-JFK = نيويورك
city-EDI = إدنبرة
city-MAD = مدريد
city-FRA = فرانكفورت
# Speech mode, when the headset is pulled out (drawn on the screen).
speech-unplugged = تم فصل سماعات الرأس: توقف الصوت مؤقتاً. أعد توصيلها لمتابعة الاستماع.
speech-continue-on-screen = المتابعة على الشاشة

## Checked in already: the passes again, more bags, another seat
checked-in-title = { $name }، تم تسجيل وصولك
checked-in-body = مقاعدك وحقائبك أدناه. ماذا تريد أن تفعل؟
checked-in-seat = الرحلة { $flight }: المقعد { $seat }
checked-in-bags = { $count ->
    [zero] لا حقائب مسجّلة
    [one] حقيبة واحدة مسجّلة
    [two] حقيبتان مسجّلتان
    [few] { $count } حقائب مسجّلة
    [many] { $count } حقيبة مسجّلة
   *[other] { $count } حقيبة مسجّلة
}
checked-in-reprint = { $count ->
    [zero] اطبع بطاقات صعودنا مرة أخرى
    [one] اطبع بطاقة صعودي مرة أخرى
    [two] اطبع بطاقتَي صعودنا مرة أخرى
    [few] اطبع بطاقات صعودنا مرة أخرى
    [many] اطبع بطاقات صعودنا مرة أخرى
   *[other] اطبع بطاقات صعودنا مرة أخرى
}
checked-in-add-bags = أضف حقائب
checked-in-change-seat = غيّر مقعدي
bag-drop-nothing = لا يمكن تسجيل حقائب أخرى ضمن وزنك المسموح هنا. يمكن لأحد الموظفين المساعدة.

## The boarding pass on a phone (Goodbye, checked in already)
checked-in-phone = البطاقة على هاتفي
phone-pass-waiting = نُعدّ رموز هاتفك…
phone-pass-scan = بطاقة صعودك على هاتفك: امسح الرمز بكاميرا هاتفك.
identify-staff = بحث الموظفين ({ $staff }): رقم الحجز يكفي.
