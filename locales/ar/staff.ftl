# وضع الموظفين على الجهاز: يراه موظفو شركة الطيران.

staff-sign-in = تسجيل دخول الموظفين
staff-number = الرقم الوظيفي
staff-pin = الرقم السري
staff-enter = تسجيل الدخول
staff-cancel = إلغاء
staff-wrong = الرقم الوظيفي أو الرقم السري غير صحيح. { $left ->
    [zero] لم تبقَ أي محاولة قبل قفل وضع الموظفين.
    [one] بقيت محاولة واحدة قبل قفل وضع الموظفين.
    [two] بقيت محاولتان قبل قفل وضع الموظفين.
    [few] بقيت { $left } محاولات قبل قفل وضع الموظفين.
    [many] بقيت { $left } محاولةً قبل قفل وضع الموظفين.
   *[other] بقيت { $left } محاولة قبل قفل وضع الموظفين.
}
staff-locked = وضع الموظفين مقفل حتى { $time } بسبب تكرار إدخال رقم سري خاطئ.
staff-title = وضع الموظفين — { $name }
staff-step = الخطوة: { $step }
staff-exception = الاستثناء: { $exception }
staff-none = لا يوجد
staff-printer-ok = الطابعة: جاهزة
staff-printer-fault = الطابعة: { $detail }
staff-help = طلب المساعدة: { $status }
staff-help-none = لا يوجد طلب مفتوح
staff-help-acknowledged = استلمه { $agent }
staff-help-delivered = وصل، بانتظار موظف
staff-help-fallback = لم يصل (أُرشد المسافر إلى مكتب تسجيل الوصول)
staff-help-queued = في قائمة الإرسال
staff-kiosk-open = الجهاز: مفتوح
staff-kiosk-closed = الجهاز: مغلق أمام المسافرين
staff-override = قبول الوثيقة:
staff-reason-checked = تحققتُ من الوثيقة بنفسي
staff-reason-permit = اطّلعتُ على التأشيرة أو التصريح
staff-reason-address = سجّلتُ العنوان
staff-reprint = إعادة طباعة الوثائق
staff-restart = إعادة بدء الجلسة
staff-close = إغلاق الجهاز
staff-open = فتح الجهاز
staff-resolve = إنهاء طلب المساعدة
staff-leave = الخروج من وضع الموظفين
staff-config-error = لم يُطبَّق آخر تعديل على ملف الإعدادات (يبقى الإعداد السابق سارياً): { $error }
staff-document-of = للمسافر { $passenger }: الاسم المدوَّن في الوثيقة { $document }
staff-late = أُغلق تسجيل الوصول. سجّل الوصول مع ذلك:
staff-late-gate = البوابة تقبل المسافر
staff-late-connection = رحلة قادمة متأخرة
staff-late-manager = وافق مدير المناوبة
staff-reissue-tag = استبدل بطاقة الأمتعة { $plate } ({ $passenger })
staff-find = ابحث عن حجز (بالرقم فقط)
