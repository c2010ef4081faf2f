# What the kiosk says in Urdu when a check-in meets an exception. One message per exception
# reason (the engine's stable codes); the GUI shows these on the exception screens and the
# headless check-in prints them.
#
# Variables: $attempts (failed look-ups), $time (a local time such as "14:35, 23 Nov"),
# $airport (IATA code), $service (SSR code), $allowed and $asked (bags), $detail (free text).

booking_not_found = { $attempts ->
    [one] ان تفصیلات کے ساتھ کوئی بکنگ نہیں ملی۔ براہ کرم تفصیلات دوبارہ دیکھ کر پھر کوشش کریں، یا کوئی اور طریقہ آزمائیں۔
   *[other] ابھی تک کوئی بکنگ نہیں ملی ({ $attempts } کوششیں)۔ براہ کرم کوئی اور طریقہ آزمائیں، یا مدد طلب کریں۔
}
checkin_not_open = اس پرواز کا چیک ان { $time } (مقامی وقت) پر شروع ہوگا۔ براہ کرم اس وقت دوبارہ تشریف لائیں۔
checkin_closed = اس پرواز کا چیک ان { $time } (مقامی وقت) پر بند ہو گیا تھا۔ عملہ اب بھی آپ کی مدد کر سکتا ہے۔
flight_cancelled = یہ پرواز منسوخ کر دی گئی ہے۔
wrong_airport = یہ پرواز { $airport } سے روانہ ہوتی ہے۔ یہ کیوسک صرف یہاں سے روانہ ہونے والی پروازوں کا چیک ان کرتا ہے۔
document_expired = اس پاسپورٹ کی میعاد آپ کے سفر کے اختتام سے پہلے ختم ہو جاتی ہے۔
document_name_mismatch = اس پاسپورٹ پر درج نام بکنگ سے مطابقت نہیں رکھتا۔
document_missing = اس سفر کے لیے پاسپورٹ یا قومی شناختی کارڈ درکار ہے۔ براہ کرم اسے اسکین کریں، تصویر والا صفحہ نیچے کی طرف۔
visa_required = اس منزل کے سفر کے لیے ویزا یا سفری اجازت نامہ درکار ہے جس کا ہمارے پاس کوئی ریکارڈ نہیں۔
address_required = منزل کے حکام کو وہاں آپ کا پتہ درکار ہے، اور ہمارے پاس یہ درج نہیں۔
no_board = منزل کے حکام نے اس مسافر کو بورڈنگ کی اجازت نہیں دی۔
special_service = آپ کی بکنگ میں ایک سروس ({ $service }) شامل ہے جو عملہ آپ کے ساتھ مکمل کرتا ہے۔
excess_baggage = { $asked } بیگ آپ کے ٹکٹ میں شامل { $allowed } بیگ سے زیادہ ہیں۔ بیگ کی تعداد تبدیل کریں، یا اضافی بیگ کے لیے عملہ آپ کی مدد کر سکتا ہے۔
bags_closed = اس پرواز کے لیے اب سامان قبول نہیں کیا جا رہا۔ آپ چیک ان بیگ کے بغیر جاری رکھ سکتے ہیں، یا عملے سے رابطہ کریں۔
no_seat = کوئی مناسب خالی نشست باقی نہیں۔
refused = ایئر لائن کا نظام آپ کا چیک ان نہیں کر سکا ({ $detail })۔
reprint_limit = آپ کا بورڈنگ پاس اتنی بار دوبارہ پرنٹ ہو چکا ہے جتنی کیوسک اجازت دیتا ہے۔ ایک ایجنٹ اسے آپ کے لیے پرنٹ کرے گا۔
check_in_first = آپ کا ابھی چیک ان نہیں ہوا۔ یہ بیگ ڈراپ ہے: براہ کرم پہلے چیک ان کیوسک پر چیک ان کریں، یا کسی ایجنٹ سے پوچھیں۔
printer_failure = پرنٹر میں خرابی ہے۔ آپ کا چیک ان ہو چکا ہے۔
airline_system_unavailable = اس وقت ایئر لائن کے نظام سے رابطہ نہیں ہو پا رہا۔ براہ کرم تھوڑی دیر بعد دوبارہ کوشش کریں۔

# When a scanned document cannot be read (documents::MrzError::message_id).
mrz-unreadable = پاسپورٹ پڑھا نہیں جا سکا۔ براہ کرم اسے ریڈر پر سیدھا رکھیں، تصویر والا صفحہ نیچے کی طرف۔
mrz-not-a-travel-document = یہ پاسپورٹ یا شناختی کارڈ نہیں ہے۔ براہ کرم اپنے پاسپورٹ کا تصویر والا صفحہ اسکین کریں۔
mrz-check-failed = پاسپورٹ صحیح طرح پڑھا نہیں جا سکا۔ براہ کرم اسے دوبارہ اسکین کریں، یا مدد طلب کریں۔
