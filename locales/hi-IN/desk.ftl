# कर्मचारियों का डेस्क: वेब पेज जिन्हें कर्मचारी फ़ोन या डेस्क कंप्यूटर पर देखते हैं। हर कर्मचारी के
# ब्राउज़र की भाषा लोकेल चुनती है (डेस्क वह भाषा नहीं जानता तो अंग्रेज़ी)।

desk-title = Concierge डेस्क
desk-sign-in-title = Concierge डेस्क — साइन इन
desk-name = नाम
desk-password = पासवर्ड
desk-sign-in = साइन इन करें
desk-wrong-sign-in = नाम या पासवर्ड गलत है।
desk-sign-out = साइन आउट
desk-too-many = { $minutes ->
    [one] बहुत सारे गलत पासवर्ड। { $minutes } मिनट बाद फिर से प्रयास करें।
   *[other] बहुत सारे गलत पासवर्ड। { $minutes } मिनट बाद फिर से प्रयास करें।
}
desk-busy = डेस्क व्यस्त है। थोड़ी देर बाद फिर से प्रयास करें।
desk-form-stale = पेज की अवधि समाप्त हो गई थी। कृपया फिर से साइन इन करें।
desk-signed-in-as = { $agent } के रूप में साइन इन
desk-open-requests = खुले अनुरोध
desk-no-open = कोई खुला अनुरोध नहीं है।
desk-escalated = उच्च स्तर पर भेजा गया
desk-waiting = { $minutes ->
    [one] { $minutes } मिनट से प्रतीक्षा में
   *[other] { $minutes } मिनट से प्रतीक्षा में
}
desk-kiosk = कियोस्क { $kiosk }
desk-flight = उड़ान { $flight }
desk-closes = { $minutes ->
    [one] चेक-इन { $minutes } मिनट में बंद होगा
   *[other] चेक-इन { $minutes } मिनट में बंद होगा
}
desk-closed-already = चेक-इन बंद हो चुका है
desk-step = चरण: { $step }
desk-language = भाषा: { $language }
desk-passenger = यात्री { $name }
desk-on-the-way = { $agent } आ रहे हैं
desk-acknowledge = स्वीकार करें
desk-resolve = हल करें
desk-last-day = { $count ->
    [one] पिछले 24 घंटे: { $count } अनुरोध
   *[other] पिछले 24 घंटे: { $count } अनुरोध
}
desk-per-hour = { $rate } प्रति घंटा
desk-median-ack = स्वीकार करने में लगा माध्यिका समय: { $time }
desk-seconds = { $seconds ->
    [one] { $seconds } सेकंड
   *[other] { $seconds } सेकंड
}
desk-no-figure = —
desk-recent = हाल के अनुरोध
desk-col-kiosk = कियोस्क
desk-col-reason = कारण
desk-col-outcome = परिणाम
desk-col-agent = कर्मचारी
desk-state-open = खुला
desk-state-acknowledged = स्वीकार किया गया
desk-state-resolved = हल किया गया
desk-state-cancelled = कियोस्क द्वारा रद्द

## कार्ड पर समय: { $time } दिन का समय है, { $ago } "5 मिनट पहले", { $in } "12 मिनट में"
desk-minutes-ago = { $minutes ->
    [one] { $minutes } मिनट पहले
   *[other] { $minutes } मिनट पहले
}
desk-in-minutes = { $minutes ->
    [one] { $minutes } मिनट में
   *[other] { $minutes } मिनट में
}
desk-closes-at = चेक-इन { $time } बजे बंद होगा ({ $in })
desk-asked = { $ago } अनुरोध किया गया
desk-received = { $ago } डेस्क पर पहुँचा
desk-gave-up = कियोस्क ने { $time } बजे यात्री को डेस्क पर भेजा
desk-escalated-to = { $time } बजे { $to } को उच्च स्तर पर भेजा गया
desk-drill = अभ्यास
desk-drill-note = यह अभ्यास है: कियोस्क पर कोई प्रतीक्षा नहीं कर रहा।
desk-service = विशेष सेवा { $code }
desk-yours = आपका हवाई अड्डा

## चेक-इन रोकने वाले विशेष सेवा अनुरोध पर कर्मचारियों को क्या करना है
desk-todo-UMNR = अकेले यात्रा कर रहा नाबालिग: कियोस्क पर जाएँ और बच्चे के साथ रहें, हैंडओवर फ़ॉर्म और आगमन पर उसे लेने वाले व्यक्ति की जाँच करें, फिर उसे गेट तक ले जाएँ।
desk-todo-STCR = स्ट्रेचर वाला यात्री: चिकित्सा मंज़ूरी की जाँच करें और स्टेशन के साथ स्ट्रेचर और एम्बुलिफ़्ट की व्यवस्था करें।
desk-todo-MEDA = चिकित्सा मामला: यात्री का चेक-इन करने से पहले चिकित्सा मंज़ूरी (MEDIF) की जाँच करें।
desk-todo-PETC = केबिन में पालतू जानवर: कैरियर और पालतू जानवर के दस्तावेज़ जाँचें, फिर शुल्क लें।

## अनुरोध का घटनाक्रम
desk-timeline = घटनाक्रम
desk-event-raised = कियोस्क पर अनुरोध किया गया
desk-event-received = डेस्क पर पहुँचा
desk-event-updated = कियोस्क ने फिर से अनुरोध किया ({ $detail })
desk-event-escalated = { $to } को उच्च स्तर पर भेजा गया
desk-event-acknowledged = { $agent } ने स्वीकार किया
desk-event-released = { $agent } ने छोड़ दिया
desk-event-handed_over = { $agent } ने { $to } को सौंपा
desk-event-note = { $agent } का नोट: { $text }
desk-event-resolved = { $agent } ने हल किया
desk-event-cancelled = कियोस्क पर रद्द किया गया
desk-event-closed_at_kiosk = कियोस्क पर बंद किया गया
desk-event-reopened = बंद होने के बाद फिर से अनुरोध किया गया
desk-note = नोट
desk-add-note = नोट जोड़ें
desk-release = छोड़ें
desk-hand-over = सौंपें:

## कर्मचारी की कार्रवाई का परिणाम
desk-taken = यह अनुरोध { $agent } के पास है।
desk-already-closed = यह अनुरोध पहले ही बंद हो चुका है।
desk-gone = ऐसा कोई अनुरोध नहीं है।

## हाल के अनुरोध, अलर्ट, कनेक्शन
desk-col-time = समय
desk-col-resolved-by = हल करने वाले
desk-alerts-on = अलर्ट चालू करें
desk-alerts-ready = अलर्ट चालू हैं
desk-offline = डेस्क से संपर्क नहीं हो पा रहा: यह सूची पुरानी हो सकती है।
desk-filter = दिखाएँ
desk-filter-all = सभी हवाई अड्डे
desk-alert-new = कियोस्क { $kiosk } पर नया अनुरोध
desk-alert-escalated = उच्च स्तर पर भेजा गया: कियोस्क { $kiosk }

## कियोस्क ने कर्मचारी को क्यों बुलाया (इंजन के कारण कोड)
desk-reason-passenger_asked = यात्री ने सहायता माँगी
desk-reason-unhappy_passenger = असंतुष्ट यात्री (कम रेटिंग)
desk-reason-printer_paper_low = प्रिंटर में कागज़ कम है
desk-reason-assistance = सहायता का अनुरोध ({ $service })
desk-reason-booking_not_found = बुकिंग नहीं मिली
desk-reason-checkin_not_open = चेक-इन अभी शुरू नहीं हुआ
desk-reason-checkin_closed = चेक-इन बंद हो चुका है
desk-reason-flight_cancelled = उड़ान रद्द: नई बुकिंग आवश्यक
desk-reason-wrong_airport = उड़ान किसी दूसरे हवाई अड्डे से प्रस्थान करती है
desk-reason-document_expired = पासपोर्ट की वैधता बहुत जल्द समाप्त हो रही है
desk-reason-document_name_mismatch = पासपोर्ट पर लिखा नाम बुकिंग से मेल नहीं खाता
desk-reason-document_missing = यात्रा दस्तावेज़ मौजूद नहीं
desk-reason-visa_required = वीज़ा या यात्रा अनुमति की जाँच करनी है
desk-reason-address_required = गंतव्य पर रहने का पता आवश्यक है
desk-reason-no_board = अधिकारियों ने "बोर्डिंग नहीं" का उत्तर दिया
desk-reason-special_service = विशेष सेवा अनुरोध के लिए कर्मचारी आवश्यक
desk-reason-excess_baggage = अतिरिक्त सामान
desk-reason-bags_closed = इस उड़ान के लिए बैग ड्रॉप बंद है
desk-reason-no_seat = कोई सीट आवंटित नहीं की जा सकी
desk-reason-refused = एयरलाइन सिस्टम ने चेक-इन अस्वीकार कर दिया
desk-reason-reprint_limit = बोर्डिंग पास बहुत बार फिर से प्रिंट हुआ
desk-reason-check_in_first = बैग ड्रॉप पर, चेक-इन नहीं हुआ
desk-reason-printer_failure = प्रिंटर में खराबी
desk-reason-airline_system_unavailable = एयरलाइन सिस्टम उपलब्ध नहीं है
desk-reason-print_interrupted = प्रिंटिंग बीच में रुक गई (कियोस्क फिर से शुरू हुआ)

## यात्री के चरण, जैसे कर्मचारी उन्हें पेजों, डेस्क और कर्मचारी मोड में देखते हैं
step-name-welcome = स्वागत
step-name-identify = पहचान
step-name-greeting = अभिवादन
step-name-checked_in = पहले से चेक-इन
step-name-documents = यात्रा दस्तावेज़
step-name-seats = सीटें
step-name-bags = बैग
step-name-dangerous_goods = खतरनाक सामान
step-name-review = समीक्षा
step-name-printing = प्रिंटिंग
step-name-feedback = प्रतिक्रिया
step-name-goodbye = विदाई

## The boarding pass on a phone (served by the desk)
pass-title = बोर्डिंग पास
pass-passenger = यात्री
pass-date = तारीख़
pass-boarding = बोर्डिंग
pass-departs = प्रस्थान
pass-gate = गेट
pass-gate-later = स्क्रीन पर
pass-seat = सीट
pass-seat-lap = गोद में
pass-sequence = क्रम
pass-reference = बुकिंग
pass-show = यह कोड सुरक्षा जाँच और गेट पर दिखाएँ, स्क्रीन की रोशनी तेज़ रखें।
pass-apple = Apple Wallet में जोड़ें
pass-google = Google Wallet में जोड़ें
pass-link-left = यह लिंक { $time } तक { $count ->
    [0] अब नहीं खुलेगा
    [one] एक बार और खुलेगा
   *[other] { $count } बार और खुलेगा
}। पास सहेजें या स्क्रीनशॉट लें।
pass-gone-title = यह लिंक अब नहीं खुलता
pass-gone = आपका पास निजी रखने के लिए लिंक कुछ ही बार और कुछ ही मिनट खुलता है। कियॉस्क पर कोड फिर से स्कैन करें, या अपना छपा बोर्डिंग पास इस्तेमाल करें।

## What staff did at the kiosks
desk-staff-title = कियॉस्क पर स्टाफ़
desk-col-staff = स्टाफ़
desk-col-action = कार्रवाई
desk-col-detail = विवरण
desk-event-staff = { $agent } कियॉस्क पर: { $action }
desk-staff-override = दस्तावेज़ स्वीकार किया
desk-staff-late_check_in = बंद होने के बाद चेक-इन किया
desk-staff-reprint = दस्तावेज़ दोबारा छापे
desk-staff-reissue_tag = बैग टैग बदला
desk-staff-find_booking = बुकिंग खोजी
desk-staff-restart = सत्र दोबारा शुरू किया
desk-staff-close_kiosk = कियॉस्क बंद किया
desk-staff-open_kiosk = कियॉस्क खोला
desk-staff-resolve_help = मदद का अनुरोध हल किया
desk-staff-sign_out = स्टाफ़ मोड छोड़ा

## कियोस्क पृष्ठ (/fleet): हर कियोस्क का हाल
desk-fleet-link = कियोस्क
desk-fleet-title = कियोस्क
desk-fleet-back = सहायता अनुरोध
desk-fleet-none = अभी तक किसी कियोस्क ने सूचना नहीं दी है।
desk-fleet-summary = { $total } में से { $online } कियोस्क ऑनलाइन · { $problems ->
    [0] किसी पर ध्यान देने की ज़रूरत नहीं
   *[other] { $problems } पर ध्यान देने की ज़रूरत है
}
desk-fleet-online = ऑनलाइन
desk-fleet-offline = { $time } से ऑफ़लाइन
desk-fleet-out-of-service = सेवा से बाहर
desk-fleet-closed = कर्मचारियों ने बंद किया
desk-fleet-printer = प्रिंटर
desk-fleet-scanner = स्कैनर
desk-fleet-reader = पासपोर्ट रीडर
desk-fleet-headset = हेडसेट
desk-fleet-device-ok = ठीक
desk-fleet-device-low = काग़ज़ कम
desk-fleet-device-out = काग़ज़ ख़त्म
desk-fleet-device-jammed = काग़ज़ फँसा
desk-fleet-device-fault = ख़राबी
desk-fleet-device-offline = जवाब नहीं दे रहा
desk-fleet-device-unknown = सूचना नहीं
desk-fleet-device-connected = लगा है
desk-fleet-device-none = नहीं लगा
desk-fleet-last-checkin = आख़िरी चेक-इन { $time }
desk-fleet-no-checkin = अभी कोई चेक-इन नहीं
desk-fleet-hour = पिछला घंटा: { $visits } विज़िट, { $failures } विफल ({ $rate } %)
desk-fleet-help-open = { $count ->
    [0] कोई सहायता अनुरोध खुला नहीं
   *[other] { $count } सहायता अनुरोध खुले हैं
}
desk-fleet-version = संस्करण { $software } · कॉन्फ़िगरेशन { $config }
desk-fleet-alert-offline = चुप हो गया
desk-fleet-alert-printer = प्रिंटर बंद
desk-reason-kiosk_offline = कियोस्क चुप हो गया
desk-reason-printer_out = कियोस्क का प्रिंटर बंद

## कियोस्क के आँकड़े (/fleet/report)
desk-report-link = आँकड़े
desk-report-title = कियोस्क के आँकड़े
desk-report-24h = पिछले 24 घंटे
desk-report-7d = पिछले 7 दिन
desk-report-csv = CSV डाउनलोड करें
desk-report-none = इस अवधि में किसी कियोस्क ने कोई सत्र नहीं बताया।
desk-report-total = सत्र: { $sessions } · पूरे: { $rate }
desk-report-chart-hours = प्रति घंटा सत्र (गहरा: पूरे)
desk-report-chart-airports = हवाई अड्डे के अनुसार पूरे चेक-इन
desk-report-by-airport = हवाई अड्डे के अनुसार
desk-report-by-kiosk = कियोस्क के अनुसार
desk-report-by-language = भाषा के अनुसार
desk-report-by-hour = घंटे के अनुसार (UTC)
desk-report-col-sessions = सत्र
desk-report-col-completed = पूरे
desk-report-col-rate = पूर्णता
desk-report-col-help = सहायता अनुरोध
desk-report-col-answered = जवाब का समय (माध्यिका / 90 %)
desk-report-col-unanswered = अनुत्तरित (माध्य प्रतीक्षा)

## एक ही जगह से कॉन्फ़िगरेशन (/fleet/config)
desk-config-link = कॉन्फ़िगरेशन
desk-config-title = कियोस्क का कॉन्फ़िगरेशन
desk-config-published = अभी प्रकाशित
desk-config-none = कुछ भी प्रकाशित नहीं: हर कियोस्क अपनी फ़ाइल से चल रहा है।
desk-config-group = समूह
desk-config-version = संस्करण
desk-config-by = प्रकाशक
desk-config-when = समय
desk-config-tables = टेबल
desk-config-files = फ़ाइलें
desk-config-new = कॉन्फ़िगरेशन प्रकाशित करें
desk-config-text = कॉन्फ़िगरेशन (पूरी टेबल, जैसे [branding], [locales] या [timeouts])
desk-config-add = नई फ़ाइलों का फ़ोल्डर
desk-config-note = क्या बदला और क्यों
desk-config-check = जाँचें और पूर्वावलोकन देखें
desk-config-publish = प्रकाशित करें
desk-config-problems = प्रकाशित नहीं हुआ: पहले इन्हें ठीक करें
desk-config-ok = यह सभी जाँचों में सफल है। इससे बदलने वाली स्क्रीन, अभी और बाद में:
desk-config-done = प्रकाशित: { $label }।
desk-config-stale = आपके फ़ॉर्म खोलने के बाद किसी ने इस समूह के लिए प्रकाशित किया है: पहले उनका संस्करण देखें।
desk-config-not-publisher = केवल प्रकाशन के अधिकार वाले लोग ([desk] publishers) ही प्रकाशित कर सकते हैं।
desk-config-log = बदलावों का लॉग
desk-config-by-at = { $agent }, { $time }
desk-config-refused = कॉन्फ़िगरेशन अस्वीकृत: { $label }
desk-config-applied = कॉन्फ़िगरेशन: { $label }
desk-config-drawing = हर भाषा में स्क्रीन बनाई जा रही हैं…
desk-config-same = कोई स्क्रीन अलग नहीं दिखती।
desk-config-before = अभी
desk-config-after = प्रकाशन के बाद
desk-config-group-all = सभी कियोस्क
desk-config-group-airport = हवाई अड्डा { $code }
desk-config-group-terminal = टर्मिनल { $code }
desk-config-group-kiosk = कियोस्क { $code }
desk-config-layer = { $group } संस्करण { $version }
desk-config-group-none = कुछ प्रकाशित नहीं
desk-kiosk-alerts = कियोस्क जिन्हें किसी की ज़रूरत है
