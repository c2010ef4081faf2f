# What the kiosk says in Arabic when a check-in meets an exception. One message per exception
# reason (the engine's stable codes); the GUI shows these on the exception screens and the
# headless check-in prints them.
#
# Variables: $attempts (failed look-ups), $time (a local time such as "14:35, 23 Nov"),
# $airport (IATA code), $service (SSR code), $allowed and $asked (bags), $detail (free text).

booking_not_found = { $attempts ->
    [zero] لم نعثر على حجز بعد ({ $attempts } محاولة). يُرجى تجربة طريقة أخرى، أو طلب المساعدة.
    [one] لم نعثر على حجز بهذه البيانات. يُرجى التحقق منها والمحاولة مرة أخرى، أو تجربة طريقة أخرى.
    [two] لم نعثر على حجز بعد (محاولتان). يُرجى تجربة طريقة أخرى، أو طلب المساعدة.
    [few] لم نعثر على حجز بعد ({ $attempts } محاولات). يُرجى تجربة طريقة أخرى، أو طلب المساعدة.
    [many] لم نعثر على حجز بعد ({ $attempts } محاولة). يُرجى تجربة طريقة أخرى، أو طلب المساعدة.
   *[other] لم نعثر على حجز بعد ({ $attempts } محاولة). يُرجى تجربة طريقة أخرى، أو طلب المساعدة.
}
checkin_not_open = يبدأ تسجيل الوصول لهذه الرحلة في { $time } (بالتوقيت المحلي). يُرجى العودة في ذلك الوقت.
checkin_closed = أُغلق تسجيل الوصول لهذه الرحلة في { $time } (بالتوقيت المحلي). لا يزال بإمكان أحد الموظفين مساعدتك.
flight_cancelled = تم إلغاء هذه الرحلة.
wrong_airport = تغادر هذه الرحلة من { $airport }. يقتصر هذا الجهاز على تسجيل الوصول للرحلات المغادرة من هنا.
document_expired = تنتهي صلاحية جواز السفر هذا قبل انتهاء رحلتك.
document_name_mismatch = الاسم في جواز السفر هذا لا يطابق الاسم في الحجز.
document_missing = يلزم جواز سفر أو بطاقة هوية وطنية لهذه الرحلة. يُرجى مسحه ضوئياً، وصفحة الصورة إلى الأسفل.
visa_required = يتطلب السفر إلى هذه الوجهة تأشيرة أو تصريح سفر لا يوجد لدينا سجل به.
address_required = تطلب سلطات الوجهة عنوان إقامتك هناك، ولا يوجد لدينا عنوان مسجل.
no_board = لم تسمح سلطات الوجهة لهذا المسافر بالصعود إلى الطائرة.
special_service = يتضمن حجزك خدمة ({ $service }) يُتمها أحد الموظفين معك.
excess_baggage = عدد الحقائب المطلوب ({ $asked }) يتجاوز العدد المشمول في تذكرتك ({ $allowed }). يُرجى تغيير عدد الحقائب، أو يمكن لأحد الموظفين مساعدتك في الحقائب الإضافية.
bags_closed = لم يعد قبول الأمتعة متاحاً لهذه الرحلة. يمكنك المتابعة دون أمتعة مسجلة، أو التوجه إلى أحد الموظفين.
no_seat = لم يعد هناك مقعد مناسب متاح.
refused = تعذّر على نظام شركة الطيران تسجيل وصولك ({ $detail }).
reprint_limit = طُبعت بطاقة صعودك مرة أخرى بقدر ما يسمح به الجهاز. سيطبعها لك أحد الموظفين.
printer_failure = توجد مشكلة في الطابعة. تم تسجيل وصولك.
airline_system_unavailable = يتعذّر الوصول إلى نظام شركة الطيران حالياً. يُرجى المحاولة مرة أخرى بعد لحظات.

# When a scanned document cannot be read (documents::MrzError::message_id).
mrz-unreadable = تعذّرت قراءة جواز السفر. يُرجى وضعه مسطحاً على القارئ، وصفحة الصورة إلى الأسفل.
mrz-not-a-travel-document = هذا المستند ليس جواز سفر أو بطاقة هوية. يُرجى مسح صفحة الصورة في جواز سفرك.
mrz-check-failed = تعذّرت قراءة جواز السفر بشكل موثوق. يُرجى مسحه مرة أخرى، أو طلب المساعدة.
