# The kiosk's screens in Urdu. Names ($name, $agent) arrive in Latin letters as the airline holds them.

language-name = اردو

## Bars and the controls on every screen
help = مدد
back = واپس
start-over = دوبارہ شروع کریں
start-over-title = دوبارہ شروع کریں؟
start-over-body = اس چیک اِن کے لیے درج کی گئی ہر چیز مٹ جائے گی۔
start-over-keep = چیک اِن جاری رکھیں
start-over-confirm = ہاں، دوبارہ شروع کریں
larger-text = بڑا متن
normal-text = عام متن
high-contrast = زیادہ کنٹراسٹ
normal-contrast = عام رنگ
step-of = مرحلہ { $step } از { $steps }

## Help
help-on-the-way = مدد آ رہی ہے
help-queued = آپ کی درخواست محفوظ ہو گئی ہے۔ براہ کرم یہیں رہیں، عملے کو ابھی اطلاع دی جائے گی۔
help-delivered = عملے کو اطلاع دے دی گئی ہے، وہ اس کیوسک پر آ رہے ہیں۔
help-acknowledged = { $agent } آپ کی طرف آ رہے ہیں۔
help-resolved = آپ کی درخواست بند کر دی گئی ہے۔ امید ہے اس سے آپ کی مدد ہوئی۔
help-fallback = ہم یہاں سے عملے سے رابطہ نہیں کر پا رہے۔ براہ کرم { $desk } پر تشریف لے جائیں۔
help-fallback-any-desk = ہم یہاں سے عملے سے رابطہ نہیں کر پا رہے۔ براہ کرم چیک اِن کاؤنٹر پر تشریف لے جائیں۔
help-not-reached = عملے سے رابطہ نہیں ہو سکا
help-cancel = درخواست منسوخ کریں

## Idle
idle-title = کیا آپ کو مزید وقت چاہیے؟
idle-countdown = { $seconds ->
    [one] آپ کی رازداری کے لیے یہ چیک ان { $seconds } سیکنڈ میں ختم ہو جائے گا۔
   *[other] آپ کی رازداری کے لیے یہ چیک ان { $seconds } سیکنڈ میں ختم ہو جائے گا۔
}
idle-more = مزید وقت
idle-end = ابھی ختم کریں

## Welcome
welcome-title = { $airline } میں خوش آمدید
welcome-subtitle = چیک ان کریں، اپنی نشست منتخب کریں اور اپنا بورڈنگ پاس پرنٹ کریں۔
welcome-start = شروع کرنے کے لیے چھوئیں
welcome-language = اپنی زبان منتخب کریں
out-of-service = یہ کیوسک اس وقت پرنٹ نہیں کر سکتا۔ براہ کرم کوئی دوسرا کیوسک استعمال کریں، یا عملے سے رابطہ کریں۔

## Identify
identify-title = اپنی بکنگ تلاش کریں
identify-scan-hint = آپ کسی بھی وقت اپنا پاسپورٹ یا بورڈنگ پاس اسکین بھی کر سکتے ہیں۔
method-booking = بکنگ ریفرنس
method-eticket = ای ٹکٹ نمبر
method-ff = فریکوئنٹ فلائر نمبر
method-passport = پاسپورٹ
method-boarding-pass = بورڈنگ پاس
field-reference = بکنگ ریفرنس
field-reference-hint = 6 حروف اور ہندسے، جیسے ABC123
field-surname = خاندانی نام
field-eticket = ای ٹکٹ نمبر
field-eticket-hint = 13 ہندسے
field-ff = فریکوئنٹ فلائر نمبر
identify-find = میری بکنگ تلاش کریں
identify-passport = اپنا پاسپورٹ ریڈر پر رکھیں، تصویر والا صفحہ نیچے کی طرف۔
identify-boarding-pass = اپنے بورڈنگ پاس کا بارکوڈ ریڈر کے نیچے رکھیں۔
identify-reading = پڑھا جا رہا ہے...
key-space = اسپیس
key-backspace = مٹائیں
key-clear = صاف کریں

notice-invalid-reference = بکنگ ریفرنس میں 6 حروف اور ہندسے ہوتے ہیں، جیسے ABC123۔
notice-invalid-eticket = ای ٹکٹ نمبر میں 13 ہندسے ہوتے ہیں۔
notice-invalid-ff = براہ کرم فریکوئنٹ فلائر نمبر دوبارہ دیکھ لیں۔
notice-invalid-surname = براہ کرم اپنا خاندانی نام اسی طرح لکھیں جیسے آپ کی بکنگ میں ہے۔
notice-no-passenger = براہ کرم کم از کم ایک مسافر منتخب کریں۔
notice-child-needs-adult = بچہ یا شیر خوار کسی بالغ کے ساتھ سفر کرتا ہے، براہ کرم اس بالغ کو بھی منتخب کریں۔
notice-seat-taken = نشست { $seat } ابھی ابھی کسی اور نے لے لی ہے۔ براہ کرم کوئی دوسری نشست منتخب کریں۔
notice-seat-not-in-cabin = نشست { $seat } کسی دوسرے کیبن میں ہے۔
notice-exit-row-not-allowed = یہ نشست ہنگامی دروازے کی قطار میں ہے، اور یہ مسافر اس پر نہیں بیٹھ سکتا۔
notice-not-identity = یہ پاسپورٹ یا شناختی کارڈ نہیں ہے۔
notice-devices-paused = کیوسک کا پرنٹر اور ریڈر کچھ دیر کے لیے جواب نہیں دے رہے۔ براہ کرم انتظار کریں: آپ کی درج کی ہوئی کوئی چیز ضائع نہیں ہوئی۔

## Greeting
greeting-hello = خوش آمدید، { $name }
greeting-flight = پرواز { $flight } برائے { $destination }، روانگی { $time }
greeting-connection = پھر پرواز { $flight } برائے { $destination }
greeting-select = اب کون چیک ان کر رہا ہے؟
greeting-infant = { $adult } کی گود میں
greeting-child = بچہ
greeting-checked-in = چیک ان پہلے ہی مکمل ہے
continue = جاری رکھیں

## Documents
documents-title = سفری دستاویزات
documents-on-file = { $kind } { $number }، { $date } تک کارآمد
documents-confirm = یہ میری دستاویز ہے
documents-not-mine = یہ میری دستاویز نہیں
documents-scan = براہ کرم { $name } کا پاسپورٹ اسکین کریں۔
documents-accepted = تصدیق ہو گئی
documents-passport = پاسپورٹ
documents-id-card = شناختی کارڈ

## Seats
seats-title = اپنی نشستیں منتخب کریں
seats-flight = پرواز { $flight } برائے { $destination }
seats-for = نشست برائے
seats-list = نشستوں کی فہرست دکھائیں
seats-map = نشستوں کا نقشہ دکھائیں
seats-keep = نشستوں کی تصدیق کریں
seats-row = قطار { $row }
legend-free = خالی
legend-taken = بک شدہ
legend-selected = آپ کا انتخاب
legend-exit = ہنگامی دروازہ
seats-none-free = کوئی نشست خالی نہیں
exit-title = ہنگامی دروازے کی قطار
exit-question = ہنگامی دروازے کی قطار کی نشستیں ان مسافروں کے لیے ہیں جن کی عمر 15 سال یا اس سے زیادہ ہو، جو ہنگامی صورت میں دروازہ کھولنے میں مدد کے قابل اور اس پر آمادہ ہوں، اور جنہیں خود کسی اضافی مدد کی ضرورت نہ ہو۔ کیا { $name } ان شرائط پر پورا اترتے ہیں؟
exit-yes = جی ہاں، میں مدد کے لیے تیار ہوں
exit-no = جی نہیں، دوسری نشست منتخب کریں

## Bags
bags-title = چیک ان بیگ
bags-allowance = { $count ->
    [0] کوئی چیک ان بیگ شامل نہیں
    [one] 1 بیگ شامل ہے
   *[other] { $count } بیگ شامل ہیں
}
bags-count = { $count ->
    [0] کوئی بیگ نہیں
    [one] 1 بیگ
   *[other] { $count } بیگ
}
bags-already-checked = { $count ->
    [one] 1 بیگ پہلے ہی چیک ان ہو چکا ہے
   *[other] { $count } بیگ پہلے ہی چیک ان ہو چکے ہیں
}
bags-fewer = کم بیگ
bags-more = زیادہ بیگ
bags-hint = کیبن بیگ یہاں شمار نہیں کیے جاتے۔

## Dangerous goods
dg-title = آپ کے سامان میں ممنوعہ اشیاء
dg-body = سب کی حفاظت کے لیے یہ اشیاء چیک ان سامان میں نہیں لے جائی جا سکتیں، اور ان میں سے زیادہ تر کیبن میں بھی نہیں۔
dg-batteries = اضافی لیتھیم بیٹریاں اور پاور بینک (صرف کیبن میں)
dg-flammable = آتش گیر مائعات اور ٹھوس اشیاء
dg-gas = گیس سلنڈر اور ایروسول اسپرے
dg-explosives = دھماکا خیز مواد اور آتش بازی کا سامان
dg-toxic = زہر اور زہریلے مادے
dg-corrosive = گلانے والے کیمیائی مادے اور تیزاب
dg-confirm = میں تصدیق کرتا/کرتی ہوں کہ میرے سامان میں ان میں سے کوئی چیز نہیں ہے

## Review
review-title = براہ کرم جانچ لیں
review-seat = نشست { $seat }
review-no-seat = نشست چیک ان کے وقت دی جائے گی
review-bags = { $count ->
    [0] کوئی چیک ان بیگ نہیں
    [one] 1 چیک ان بیگ
   *[other] { $count } چیک ان بیگ
}
review-confirm = چیک ان کریں اور پرنٹ کریں
review-confirm-tags = میرے بیگ ٹیگ پرنٹ کریں

## Printing
printing-title = آپ کا چیک ان ہو رہا ہے...
printing-body = آپ کا بورڈنگ پاس پرنٹ ہو رہا ہے۔

## Feedback
feedback-take = براہ کرم اپنا بورڈنگ پاس لے لیں
feedback-take-bags = براہ کرم اپنا بورڈنگ پاس اور بیگ ٹیگ لے لیں
feedback-title = آج چیک ان کا تجربہ کیسا رہا؟
feedback-1 = بہت برا
feedback-2 = برا
feedback-3 = ٹھیک
feedback-4 = اچھا
feedback-5 = بہت اچھا
feedback-skip = چھوڑ دیں
feedback-sorry = ہمیں افسوس ہے۔ کیا آپ ابھی کسی سے بات کرنا چاہیں گے، یا ہمیں بتانا چاہیں گے کہ کیا غلط ہوا؟
feedback-talk = ابھی کسی سے بات کریں
feedback-comment = مختصر رائے لکھیں
feedback-send = بھیجیں
feedback-no-thanks = جی نہیں، شکریہ
feedback-review = شکریہ! اگر آپ چاہیں تو ہمیں ریٹنگ دینے کے لیے یہ کوڈ اسکین کریں۔

## Goodbye
goodbye-title = آپ کا سفر خوشگوار ہو، { $name }!
goodbye-gate = گیٹ { $gate }، بورڈنگ کا وقت { $time }
goodbye-gate-later = بورڈنگ کا وقت { $time }۔ گیٹ اسکرینوں پر دکھایا جائے گا۔
goodbye-bags = براہ کرم ٹیگ لگا کر اپنا سامان بیگ ڈراپ کاؤنٹر پر لے جائیں۔
goodbye-done = مکمل

## Exception screens
exception-title = براہ کرم ایک لمحہ انتظار کریں
choice-try-again = دوبارہ کوشش کریں
choice-another-way = کوئی اور طریقہ آزمائیں
choice-staff = عملے کو بلائیں
choice-continue-without-bags = بیگ کے بغیر جاری رکھیں

## The kiosk closed by staff
kiosk-closed = یہ کیوسک بند ہے۔ براہ کرم کوئی دوسرا کیوسک استعمال کریں، یا عملے سے مدد لیں۔

## Offered after a passport scan, in the holder's language ($language is its own name)
offer-language = کیا آپ { $language } میں جاری رکھنا چاہیں گے؟

## Dates and cities as this language writes them (a city the list lacks keeps the airline's name).
date-day-month = { $day } { $month ->
    [1] جنوری
    [2] فروری
    [3] مارچ
    [4] اپریل
    [5] مئی
    [6] جون
    [7] جولائی
    [8] اگست
    [9] ستمبر
    [10] اکتوبر
    [11] نومبر
   *[12] دسمبر
}
date-full = { $day } { $month ->
    [1] جنوری
    [2] فروری
    [3] مارچ
    [4] اپریل
    [5] مئی
    [6] جون
    [7] جولائی
    [8] اگست
    [9] ستمبر
    [10] اکتوبر
    [11] نومبر
   *[12] دسمبر
} { $year }
city-YUL = مونٹریال
city-YYZ = ٹورنٹو
city-LHE = لاہور
city-DXB = دبئی
city-LHR = لندن
city-ARN = اسٹاک ہوم
city-JFK = نیویارک
city-EDI = ایڈنبرا
city-MAD = میڈرڈ
city-FRA = فرینکفرٹ
# Speech mode, when the headset is pulled out (drawn on the screen).
speech-unplugged = ہیڈ فون نکل گئے: آواز رک گئی ہے۔ سنتے رہنے کے لیے دوبارہ لگائیں۔
speech-continue-on-screen = اسکرین پر جاری رکھیں

## Checked in already: the passes again, more bags, another seat
checked-in-title = { $name }، آپ کا چیک ان مکمل ہے
checked-in-body = آپ کی نشستیں اور بیگ نیچے ہیں۔ آپ کیا کرنا چاہیں گے؟
checked-in-seat = پرواز { $flight }: نشست { $seat }
checked-in-bags = { $count ->
    [0] کوئی بیگ چیک ان نہیں ہوا
    [one] 1 بیگ چیک ان ہو چکا ہے
   *[other] { $count } بیگ چیک ان ہو چکے ہیں
}
checked-in-reprint = { $count ->
    [one] میرا بورڈنگ پاس دوبارہ پرنٹ کریں
   *[other] ہمارے بورڈنگ پاس دوبارہ پرنٹ کریں
}
checked-in-add-bags = بیگ شامل کریں
checked-in-change-seat = میری نشست تبدیل کریں
bag-drop-nothing = یہاں آپ کے الاؤنس میں مزید کوئی بیگ چیک ان نہیں ہو سکتا۔ ایک ایجنٹ مزید میں مدد کر سکتا ہے۔

## The boarding pass on a phone (Goodbye, checked in already)
checked-in-phone = فون پر بورڈنگ پاس
phone-pass-waiting = آپ کے فون کے لیے کوڈ آ رہے ہیں…
phone-pass-scan = اپنا بورڈنگ پاس فون پر: فون کے کیمرے سے کوڈ اسکین کریں۔
identify-staff = عملے کی تلاش ({ $staff }): بکنگ ریفرنس کافی ہے۔
