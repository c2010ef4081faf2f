# Speech mode: what the kiosk says aloud and never shows (see src/ui/speech.rs).
speech-on = आवाज़ चालू। बटनों के बीच जाने के लिए ऊपर और नीचे, चुनने के लिए एंटर, स्टाफ़ को बुलाने के लिए सहायता दबाएँ।
speech-off = आवाज़ बंद।
speech-move = बटन सुनने के लिए ऊपर या नीचे दबाएँ, चुनने के लिए एंटर।
speech-button = { $label }, { $count } में से बटन { $position }
speech-button-selected = { $label }, चुना गया, { $count } में से बटन { $position }
speech-button-disabled = { $label }, उपलब्ध नहीं, { $count } में से बटन { $position }
speech-rate = गति बदली गई।
speech-volume = आवाज़ का स्तर बदला गया।
speech-bag-more = { $name } के लिए एक बैग और
speech-bag-fewer = { $name } के लिए एक बैग कम
speech-pass = { $name } का बोर्डिंग पास: उड़ान { $flight }, सीट { $seat }।
speech-seat-window = खिड़की
speech-seat-aisle = गलियारा
speech-seat-middle = बीच
speech-idle-enter = और समय के लिए एंटर दबाएँ।

## Each language's name in this language, said after its own name (in its own voice) on Welcome
speech-language-en = अंग्रेज़ी
speech-language-ur = उर्दू
speech-language-ar = अरबी
speech-language-es = स्पेनिश
speech-language-fr = फ़्रेंच
speech-language-de = जर्मन
speech-language-hi = हिन्दी
speech-language-zh = चीनी
