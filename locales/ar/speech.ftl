# Speech mode: what the kiosk says aloud and never shows (see src/ui/speech.rs).
# espeak-ng reads Arabic well only with its vowels: each message's .speech is what is said.
speech-on = تم تشغيل الصوت. اضغط للأعلى وللأسفل للتنقل بين الأزرار، وإدخال للاختيار، والمساعدة لطلب موظف.
    .speech = تَمَّ تَشْغِيلُ الصَّوْتِ. اِضْغَطْ لِلْأَعْلَى وَلِلْأَسْفَلِ لِلتَّنَقُّلِ بَيْنَ الْأَزْرَارِ، وَإِدْخَالٍ لِلِاخْتِيَارِ، وَالْمُسَاعَدَةِ لِطَلَبِ مُوَظَّفٍ.
speech-off = تم إيقاف الصوت.
    .speech = تَمَّ إِيقَافُ الصَّوْتِ.
speech-move = اضغط للأعلى أو للأسفل لسماع الأزرار، وإدخال للاختيار.
    .speech = اِضْغَطْ لِلْأَعْلَى أَوْ لِلْأَسْفَلِ لِسَمَاعِ الْأَزْرَارِ، وَإِدْخَالٍ لِلِاخْتِيَارِ.
speech-button = { $label }، زر { $position } من { $count }
    .speech = { $label }، زِرٌّ { $position } مِنْ { $count }
speech-button-selected = { $label }، محدد، زر { $position } من { $count }
    .speech = { $label }، مُحَدَّدٌ، زِرٌّ { $position } مِنْ { $count }
speech-button-disabled = { $label }، غير متاح، زر { $position } من { $count }
    .speech = { $label }، غَيْرُ مُتَاحٍ، زِرٌّ { $position } مِنْ { $count }
speech-rate = تم تغيير السرعة.
    .speech = تَمَّ تَغْيِيرُ السُّرْعَةِ.
speech-volume = تم تغيير مستوى الصوت.
    .speech = تَمَّ تَغْيِيرُ مُسْتَوَى الصَّوْتِ.
speech-bag-more = حقيبة إضافية لـ { $name }
    .speech = حَقِيبَةٌ إِضَافِيَّةٌ لِـ { $name }
speech-bag-fewer = حقيبة أقل لـ { $name }
    .speech = حَقِيبَةٌ أَقَلُّ لِـ { $name }
speech-pass = بطاقة صعود { $name }: الرحلة { $flight }، المقعد { $seat }.
    .speech = بِطَاقَةُ صُعُودِ { $name }: الرِّحْلَةُ { $flight }، الْمَقْعَدُ { $seat }.
speech-seat-window = نافذة
speech-seat-aisle = ممر
speech-seat-middle = وسط
speech-idle-enter = اضغط إدخال للحصول على مزيد من الوقت.
    .speech = اِضْغَطْ إِدْخَالٍ لِلْحُصُولِ عَلَى مَزِيدٍ مِنَ الْوَقْتِ.

## Each language's name in this language, said after its own name (in its own voice) on Welcome
speech-language-en = الإنجليزية
speech-language-ur = الأردية
speech-language-ar = العربية
speech-language-es = الإسبانية
speech-language-fr = الفرنسية
speech-language-de = الألمانية
speech-language-hi = الهندية
speech-language-zh = الصينية
