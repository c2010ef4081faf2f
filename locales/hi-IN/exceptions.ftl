# What the kiosk says in Hindi when a check-in meets an exception. One message per exception
# reason (the engine's stable codes); the GUI shows these on the exception screens and the
# headless check-in prints them.
#
# Variables: $attempts (failed look-ups), $time (a local time such as "14:35, 23 Nov"),
# $airport (IATA code), $service (SSR code), $allowed and $asked (bags), $detail (free text).

booking_not_found = { $attempts ->
    [one] इन विवरणों से कोई बुकिंग नहीं मिली। कृपया इन्हें जाँचकर फिर से कोशिश करें, या कोई दूसरा तरीका आज़माएँ।
   *[other] अब भी कोई बुकिंग नहीं मिली ({ $attempts } प्रयास)। कृपया कोई दूसरा तरीका आज़माएँ, या सहायता माँगें।
}
checkin_not_open = इस उड़ान का चेक-इन { $time } (स्थानीय समय) पर शुरू होगा। कृपया तब वापस आएँ।
checkin_closed = इस उड़ान का चेक-इन { $time } (स्थानीय समय) पर बंद हो गया। कर्मचारी अब भी आपकी सहायता कर सकते हैं।
flight_cancelled = यह उड़ान रद्द कर दी गई है।
wrong_airport = यह उड़ान { $airport } से प्रस्थान करती है। यह कियोस्क केवल यहाँ से प्रस्थान करने वाली उड़ानों का चेक-इन करता है।
document_expired = इस पासपोर्ट की वैधता आपकी यात्रा पूरी होने से पहले समाप्त हो जाती है।
document_name_mismatch = इस पासपोर्ट पर लिखा नाम बुकिंग से मेल नहीं खाता।
document_missing = इस यात्रा के लिए पासपोर्ट या राष्ट्रीय पहचान पत्र आवश्यक है। कृपया इसे स्कैन करें, फ़ोटो वाला पेज नीचे की ओर।
visa_required = इस गंतव्य की यात्रा के लिए वीज़ा या यात्रा अनुमति आवश्यक है, जिसका हमारे पास कोई रिकॉर्ड नहीं है।
address_required = गंतव्य देश को वहाँ का आपका पता चाहिए, और यह हमारे पास दर्ज नहीं है।
no_board = गंतव्य देश के अधिकारियों ने इस यात्री को बोर्डिंग की अनुमति नहीं दी है।
special_service = आपकी बुकिंग में एक सेवा ({ $service }) शामिल है, जिसे कर्मचारी आपके साथ पूरा करते हैं।
excess_baggage = { $asked } बैग आपके टिकट में शामिल { $allowed } बैग से अधिक हैं। बैग की संख्या बदलें, या अतिरिक्त बैग के लिए कर्मचारी आपकी सहायता कर सकते हैं।
bags_closed = इस उड़ान के लिए अब बैग स्वीकार नहीं किए जा रहे हैं। आप चेक-इन बैग के बिना आगे बढ़ सकते हैं, या कर्मचारी से मिलें।
no_seat = कोई उपयुक्त खाली सीट नहीं बची है।
refused = एयरलाइन सिस्टम आपका चेक-इन नहीं कर सका ({ $detail })।
reprint_limit = आपका बोर्डिंग पास उतनी बार फिर से प्रिंट हो चुका है जितनी कियोस्क अनुमति देता है। एक एजेंट इसे आपके लिए प्रिंट करेगा।
printer_failure = प्रिंटर में समस्या है। आपका चेक-इन हो चुका है।
airline_system_unavailable = अभी एयरलाइन सिस्टम से संपर्क नहीं हो पा रहा है। कृपया थोड़ी देर बाद फिर से कोशिश करें।

# When a scanned document cannot be read (documents::MrzError::message_id).
mrz-unreadable = पासपोर्ट पढ़ा नहीं जा सका। कृपया इसे रीडर पर सीधा रखें, फ़ोटो वाला पेज नीचे की ओर।
mrz-not-a-travel-document = यह पासपोर्ट या पहचान पत्र नहीं है। कृपया अपने पासपोर्ट का फ़ोटो वाला पेज स्कैन करें।
mrz-check-failed = पासपोर्ट ठीक से पढ़ा नहीं जा सका। कृपया इसे फिर से स्कैन करें, या सहायता माँगें।
