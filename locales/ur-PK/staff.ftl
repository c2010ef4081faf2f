# کیوسک پر اسٹاف موڈ: ایئر لائن کا عملہ اسے دیکھتا ہے۔

staff-sign-in = اسٹاف سائن ان
staff-number = اسٹاف نمبر
staff-pin = پن
staff-enter = سائن ان کریں
staff-cancel = منسوخ کریں
staff-wrong = اسٹاف نمبر یا پن غلط ہے۔ { $left ->
    [one] اسٹاف موڈ لاک ہونے سے پہلے صرف ایک کوشش باقی ہے۔
   *[other] اسٹاف موڈ لاک ہونے سے پہلے { $left } کوششیں باقی ہیں۔
}
staff-locked = بہت زیادہ غلط پن درج ہونے کے بعد اسٹاف موڈ { $time } تک لاک ہے۔
staff-title = اسٹاف موڈ — { $name }
staff-step = مرحلہ: { $step }
staff-exception = مسئلہ: { $exception }
staff-none = کوئی نہیں
staff-printer-ok = پرنٹر: تیار
staff-printer-fault = پرنٹر: { $detail }
staff-help = مدد کی درخواست: { $status }
staff-help-none = کوئی کھلی نہیں
staff-help-acknowledged = { $agent } نے قبول کر لی
staff-help-delivered = پہنچ گئی، عملے کے رکن کا انتظار ہے
staff-help-fallback = نہیں پہنچی (مسافر کو کاؤنٹر پر بھیجا گیا)
staff-help-queued = بھیجنے کی قطار میں
staff-kiosk-open = کیوسک: کھلا ہے
staff-kiosk-closed = کیوسک: مسافروں کے لیے بند ہے
staff-override = دستاویز قبول کریں:
staff-reason-checked = دستاویز میں نے خود چیک کی
staff-reason-permit = ویزا یا اجازت نامہ دیکھ لیا
staff-reason-address = پتہ درج کر لیا
staff-reprint = دستاویزات دوبارہ پرنٹ کریں
staff-restart = سیشن دوبارہ شروع کریں
staff-close = کیوسک بند کریں
staff-open = کیوسک کھولیں
staff-resolve = مدد کی درخواست حل کریں
staff-leave = اسٹاف موڈ سے باہر نکلیں
staff-config-error = کنفیگریشن فائل میں آخری تبدیلی لاگو نہیں ہوئی (پچھلی ترتیب برقرار ہے): { $error }
staff-document-of = { $passenger } کے لیے: دستاویز پر { $document } درج ہے
staff-late = چیک ان بند ہو چکا ہے۔ پھر بھی چیک ان کریں:
staff-late-gate = گیٹ مسافر کو قبول کرتا ہے
staff-late-connection = آنے والی پرواز دیر سے پہنچی
staff-late-manager = ڈیوٹی مینیجر نے منظوری دی
staff-reissue-tag = بیگ ٹیگ { $plate } بدلیں ({ $passenger })
staff-find = بکنگ تلاش کریں (صرف ریفرنس)
