# The kiosk's screens in Hindi. Names ($name, $agent) arrive in Latin letters as the airline holds them.

language-name = हिन्दी

## Bars and the controls on every screen
help = सहायता
back = वापस
start-over = फिर से शुरू करें
start-over-title = फिर से शुरू करें?
start-over-body = इस चेक-इन के लिए दर्ज की गई हर जानकारी मिटा दी जाएगी।
start-over-keep = जारी रखें
start-over-confirm = हाँ, फिर से शुरू करें
larger-text = बड़े अक्षर
normal-text = सामान्य अक्षर
high-contrast = उच्च कंट्रास्ट
normal-contrast = सामान्य रंग
step-of = { $steps } में से चरण { $step }

## Help
help-on-the-way = सहायता आ रही है
help-queued = आपका अनुरोध सहेज लिया गया है। कृपया यहीं रहें; कर्मचारी को अभी सूचना दी जाएगी।
help-delivered = कर्मचारी को सूचना दे दी गई है, वे इस कियोस्क पर आ रहे हैं।
help-acknowledged = { $agent } आपके पास आ रहे हैं।
help-resolved = आपका अनुरोध बंद कर दिया गया है। आशा है इससे आपको सहायता मिली।
help-fallback = हम यहाँ से कर्मचारी से संपर्क नहीं कर पा रहे हैं। कृपया { $desk } पर जाएँ।
help-fallback-any-desk = हम यहाँ से कर्मचारी से संपर्क नहीं कर पा रहे हैं। कृपया चेक-इन काउंटर पर जाएँ।
help-not-reached = किसी कर्मचारी से संपर्क नहीं हो सका
help-cancel = अनुरोध रद्द करें

## Idle
idle-title = क्या आपको और समय चाहिए?
idle-countdown = { $seconds ->
    [one] आपकी गोपनीयता के लिए यह चेक-इन { $seconds } सेकंड में समाप्त हो जाएगा।
   *[other] आपकी गोपनीयता के लिए यह चेक-इन { $seconds } सेकंड में समाप्त हो जाएगा।
}
idle-more = और समय
idle-end = अभी समाप्त करें

## Welcome
welcome-title = { $airline } में आपका स्वागत है
welcome-subtitle = चेक-इन करें, अपनी सीट चुनें और अपना बोर्डिंग पास प्रिंट करें।
welcome-start = शुरू करने के लिए स्पर्श करें
welcome-language = अपनी भाषा चुनें
out-of-service = यह कियोस्क अभी प्रिंट नहीं कर सकता। कृपया किसी दूसरे कियोस्क का उपयोग करें, या कर्मचारी से सहायता लें।

## Identify
identify-title = अपनी बुकिंग खोजें
identify-scan-hint = आप किसी भी समय अपना पासपोर्ट या बोर्डिंग पास स्कैन भी कर सकते हैं।
method-booking = बुकिंग संदर्भ
method-eticket = ई-टिकट नंबर
method-ff = फ़्रीक्वेंट फ़्लायर नंबर
method-passport = पासपोर्ट
method-boarding-pass = बोर्डिंग पास
field-reference = बुकिंग संदर्भ
field-reference-hint = 6 अक्षर और अंक, जैसे ABC123
field-surname = उपनाम
field-eticket = ई-टिकट नंबर
field-eticket-hint = 13 अंक
field-ff = फ़्रीक्वेंट फ़्लायर नंबर
identify-find = मेरी बुकिंग खोजें
identify-passport = अपना पासपोर्ट रीडर पर रखें, फ़ोटो वाला पेज नीचे की ओर।
identify-boarding-pass = अपने बोर्डिंग पास का बारकोड रीडर के नीचे रखें।
identify-reading = पढ़ा जा रहा है...
key-space = स्पेस
key-backspace = मिटाएँ
key-clear = साफ़ करें

notice-invalid-reference = बुकिंग संदर्भ में 6 अक्षर और अंक होते हैं, जैसे ABC123।
notice-invalid-eticket = ई-टिकट नंबर में 13 अंक होते हैं।
notice-invalid-ff = कृपया फ़्रीक्वेंट फ़्लायर नंबर जाँच लें।
notice-invalid-surname = कृपया अपना उपनाम वैसे ही लिखें जैसा आपकी बुकिंग में है।
notice-no-passenger = कृपया कम से कम एक यात्री चुनें।
notice-child-needs-adult = बच्चा या शिशु किसी वयस्क के साथ यात्रा करता है, कृपया उस वयस्क को भी चुनें।
notice-seat-taken = सीट { $seat } अभी-अभी किसी और ने ले ली है। कृपया दूसरी सीट चुनें।
notice-seat-not-in-cabin = सीट { $seat } किसी दूसरे केबिन में है।
notice-exit-row-not-allowed = यह सीट आपातकालीन निकास वाली पंक्ति में है, जिस पर यह यात्री नहीं बैठ सकते।
notice-not-identity = यह पासपोर्ट या पहचान पत्र नहीं है।
notice-devices-paused = कियोस्क का प्रिंटर और रीडर कुछ देर के लिए जवाब नहीं दे रहे। कृपया प्रतीक्षा करें: आपकी दर्ज की गई कोई जानकारी खोई नहीं है।

## Greeting
greeting-hello = स्वागत है, { $name }
greeting-flight = उड़ान { $flight }, { $destination } के लिए, प्रस्थान { $time }
greeting-connection = फिर उड़ान { $flight }, { $destination } के लिए
greeting-select = अभी कौन चेक-इन कर रहा है?
greeting-infant = { $adult } की गोद में
greeting-child = बच्चा
greeting-checked-in = चेक-इन पहले ही हो चुका है
continue = आगे बढ़ें

## Documents
documents-title = यात्रा दस्तावेज़
documents-on-file = { $kind } { $number }, { $date } तक मान्य
documents-confirm = यह मेरा दस्तावेज़ है
documents-not-mine = यह मेरा दस्तावेज़ नहीं है
documents-scan = कृपया { $name } का पासपोर्ट स्कैन करें।
documents-accepted = जाँच हो गई
documents-passport = पासपोर्ट
documents-id-card = पहचान पत्र

## Seats
seats-title = अपनी सीटें चुनें
seats-flight = उड़ान { $flight }, { $destination } के लिए
seats-for = सीट किसके लिए
seats-list = सीटों की सूची दिखाएँ
seats-map = सीटों का नक्शा दिखाएँ
seats-keep = सीटों की पुष्टि करें
seats-row = पंक्ति { $row }
legend-free = खाली
legend-taken = भरी हुई
legend-selected = आपकी पसंद
legend-exit = आपातकालीन निकास
seats-none-free = कोई सीट खाली नहीं
exit-title = आपातकालीन निकास वाली पंक्ति
exit-question = आपातकालीन निकास वाली पंक्ति की सीटें उन यात्रियों के लिए हैं जिनकी उम्र 15 वर्ष या उससे अधिक है, जो आपात स्थिति में निकास खोलने में मदद करने में सक्षम और इच्छुक हैं, और जिन्हें स्वयं किसी अतिरिक्त सहायता की आवश्यकता नहीं है। क्या यह { $name } पर लागू होता है?
exit-yes = हाँ, मैं मदद के लिए तैयार हूँ
exit-no = नहीं, दूसरी सीट चुनें

## Bags
bags-title = चेक-इन बैग
bags-allowance = { $count ->
    [0] कोई चेक-इन बैग शामिल नहीं
    [one] 1 बैग शामिल है
   *[other] { $count } बैग शामिल हैं
}
bags-count = { $count ->
    [0] कोई बैग नहीं
    [one] 1 बैग
   *[other] { $count } बैग
}
bags-already-checked = { $count ->
    [one] 1 बैग पहले ही चेक-इन हो चुका है
   *[other] { $count } बैग पहले ही चेक-इन हो चुके हैं
}
bags-fewer = कम बैग
bags-more = अधिक बैग
bags-hint = केबिन बैग यहाँ नहीं गिने जाते।

## Dangerous goods
dg-title = आपके सामान में वर्जित वस्तुएँ
dg-body = सबकी सुरक्षा के लिए ये वस्तुएँ चेक-इन सामान में नहीं ले जाई जा सकतीं, और इनमें से अधिकांश केबिन में भी नहीं।
dg-batteries = अतिरिक्त लिथियम बैटरियाँ और पावर बैंक (केवल केबिन में)
dg-flammable = ज्वलनशील तरल और ठोस पदार्थ
dg-gas = गैस सिलेंडर और एरोसोल
dg-explosives = विस्फोटक और पटाखे
dg-toxic = ज़हर और विषैले पदार्थ
dg-corrosive = संक्षारक पदार्थ और तेज़ाब
dg-confirm = मैं पुष्टि करता/करती हूँ कि मेरे सामान में इनमें से कुछ भी नहीं है

## Review
review-title = कृपया जाँच लें
review-seat = सीट { $seat }
review-no-seat = सीट चेक-इन के समय दी जाएगी
review-bags = { $count ->
    [0] कोई चेक-इन बैग नहीं
    [one] 1 चेक-इन बैग
   *[other] { $count } चेक-इन बैग
}
review-confirm = चेक-इन करें और प्रिंट करें
review-confirm-tags = मेरे बैग टैग प्रिंट करें

## Printing
printing-title = आपका चेक-इन हो रहा है...
printing-body = आपका बोर्डिंग पास प्रिंट हो रहा है।

## Feedback
feedback-take = कृपया अपना बोर्डिंग पास ले लें
feedback-take-bags = कृपया अपना बोर्डिंग पास और बैग टैग ले लें
feedback-title = आज चेक-इन का अनुभव कैसा रहा?
feedback-1 = बहुत खराब
feedback-2 = खराब
feedback-3 = ठीक-ठाक
feedback-4 = अच्छा
feedback-5 = बहुत अच्छा
feedback-skip = छोड़ें
feedback-sorry = हमें खेद है। क्या आप अभी किसी से बात करना चाहेंगे, या हमें बताना चाहेंगे कि क्या गलत हुआ?
feedback-talk = अभी किसी से बात करें
feedback-comment = छोटी-सी टिप्पणी लिखें
feedback-send = भेजें
feedback-no-thanks = नहीं, धन्यवाद
feedback-review = धन्यवाद! आप चाहें तो हमें रेटिंग देने के लिए यह कोड स्कैन करें।

## Goodbye
goodbye-title = आपकी यात्रा शुभ हो, { $name }!
goodbye-gate = गेट { $gate }, बोर्डिंग का समय { $time }
goodbye-gate-later = बोर्डिंग का समय { $time }; गेट स्क्रीन पर दिखाया जाएगा।
goodbye-bags = कृपया टैग लगाकर अपना सामान बैग ड्रॉप काउंटर पर ले जाएँ।
goodbye-done = हो गया

## Exception screens
exception-title = कृपया एक क्षण प्रतीक्षा करें
choice-try-again = फिर से कोशिश करें
choice-another-way = कोई दूसरा तरीका आज़माएँ
choice-staff = कर्मचारी को बुलाएँ
choice-continue-without-bags = बैग के बिना आगे बढ़ें

## The kiosk closed by staff
kiosk-closed = यह कियोस्क बंद है। कृपया किसी दूसरे कियोस्क का उपयोग करें, या कर्मचारी से सहायता लें।

## Offered after a passport scan
offer-language = क्या आप { $language } में जारी रखना चाहेंगे?

## Dates and cities as this language writes them (a city the list lacks keeps the airline's name).
date-day-month = { $day } { $month ->
    [1] जनवरी
    [2] फ़रवरी
    [3] मार्च
    [4] अप्रैल
    [5] मई
    [6] जून
    [7] जुलाई
    [8] अगस्त
    [9] सितंबर
    [10] अक्तूबर
    [11] नवंबर
   *[12] दिसंबर
}
date-full = { $day } { $month ->
    [1] जनवरी
    [2] फ़रवरी
    [3] मार्च
    [4] अप्रैल
    [5] मई
    [6] जून
    [7] जुलाई
    [8] अगस्त
    [9] सितंबर
    [10] अक्तूबर
    [11] नवंबर
   *[12] दिसंबर
} { $year }
city-YUL = मॉन्ट्रियल
city-YYZ = टोरंटो
city-LHE = लाहौर
city-DXB = दुबई
city-LHR = लंदन
city-ARN = स्टॉकहोम
city-JFK = न्यूयॉर्क
city-EDI = एडिनबर्ग
city-MAD = मैड्रिड
city-FRA = फ्रैंकफर्ट
# Speech mode, when the headset is pulled out (drawn on the screen).
speech-unplugged = हेडफ़ोन निकल गए: आवाज़ रुकी है। सुनते रहने के लिए उन्हें फिर से लगाएँ।
speech-continue-on-screen = स्क्रीन पर जारी रखें

## Checked in already: the passes again, more bags, another seat
checked-in-title = { $name }, आपका चेक-इन हो चुका है
checked-in-body = आपकी सीटें और बैग नीचे हैं। आप क्या करना चाहेंगे?
checked-in-seat = उड़ान { $flight }: सीट { $seat }
checked-in-bags = { $count ->
    [0] कोई बैग चेक-इन नहीं हुआ
    [one] 1 बैग चेक-इन हो चुका है
   *[other] { $count } बैग चेक-इन हो चुके हैं
}
checked-in-reprint = { $count ->
    [one] मेरा बोर्डिंग पास फिर से प्रिंट करें
   *[other] हमारे बोर्डिंग पास फिर से प्रिंट करें
}
checked-in-add-bags = बैग जोड़ें
checked-in-change-seat = मेरी सीट बदलें
bag-drop-nothing = यहाँ आपके भत्ते में और कोई बैग चेक-इन नहीं हो सकता। एक एजेंट और में मदद कर सकता है।

## The boarding pass on a phone (Goodbye, checked in already)
checked-in-phone = फ़ोन पर बोर्डिंग पास
phone-pass-waiting = आपके फ़ोन के लिए कोड आ रहे हैं…
phone-pass-scan = अपना बोर्डिंग पास फ़ोन पर: फ़ोन के कैमरे से कोड स्कैन करें।
identify-staff = स्टाफ़ खोज ({ $staff }): बुकिंग संदर्भ काफ़ी है।
