# कियोस्क पर कर्मचारी मोड: एयरलाइन के कर्मचारी इसे देखते हैं।

staff-sign-in = कर्मचारी साइन इन
staff-number = कर्मचारी नंबर
staff-pin = पिन
staff-enter = साइन इन करें
staff-cancel = रद्द करें
staff-wrong = कर्मचारी नंबर या पिन गलत है। { $left ->
    [one] कर्मचारी मोड लॉक होने से पहले केवल एक प्रयास बचा है।
   *[other] कर्मचारी मोड लॉक होने से पहले { $left } प्रयास बचे हैं।
}
staff-locked = बहुत अधिक बार गलत पिन डालने के कारण कर्मचारी मोड { $time } तक लॉक है।
staff-title = कर्मचारी मोड — { $name }
staff-step = चरण: { $step }
staff-exception = समस्या: { $exception }
staff-none = कोई नहीं
staff-printer-ok = प्रिंटर: तैयार
staff-printer-fault = प्रिंटर: { $detail }
staff-help = सहायता अनुरोध: { $status }
staff-help-none = कोई खुला अनुरोध नहीं
staff-help-acknowledged = { $agent } ने स्वीकार किया
staff-help-delivered = पहुँच गया, कर्मचारी की प्रतीक्षा है
staff-help-fallback = नहीं पहुँचा (यात्री को काउंटर पर भेजा गया)
staff-help-queued = भेजने की कतार में
staff-kiosk-open = कियोस्क: खुला
staff-kiosk-closed = कियोस्क: यात्रियों के लिए बंद
staff-override = दस्तावेज़ स्वीकार करें:
staff-reason-checked = दस्तावेज़ मैंने स्वयं जाँचा
staff-reason-permit = वीज़ा या अनुमति-पत्र देख लिया
staff-reason-address = पता दर्ज कर लिया
staff-reprint = दस्तावेज़ फिर से प्रिंट करें
staff-restart = सत्र फिर से शुरू करें
staff-close = कियोस्क बंद करें
staff-open = कियोस्क खोलें
staff-resolve = सहायता अनुरोध हल करें
staff-leave = कर्मचारी मोड से बाहर निकलें
staff-config-error = कॉन्फ़िगरेशन फ़ाइल में किया गया अंतिम बदलाव लागू नहीं हुआ (पिछली सेटिंग ही लागू रहेगी): { $error }
staff-document-of = { $passenger } के लिए: दस्तावेज़ पर { $document } लिखा है
staff-late = चेक-इन बंद हो चुका है। फिर भी चेक-इन करें:
staff-late-gate = गेट यात्री को स्वीकार करता है
staff-late-connection = आने वाली उड़ान देर से पहुँची
staff-late-manager = ड्यूटी मैनेजर ने मंज़ूरी दी
staff-reissue-tag = बैग टैग { $plate } बदलें ({ $passenger })
staff-find = बुकिंग खोजें (केवल संदर्भ)
