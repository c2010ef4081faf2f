# Speech mode: what the kiosk says aloud and never shows (see src/ui/speech.rs).
speech-on = آواز آن۔ بٹنوں کے درمیان جانے کے لیے اوپر اور نیچے دبائیں، منتخب کرنے کے لیے انٹر، عملے کو بلانے کے لیے مدد۔
speech-off = آواز بند۔
speech-move = بٹن سننے کے لیے اوپر یا نیچے دبائیں، منتخب کرنے کے لیے انٹر۔
speech-button = { $label }، بٹن { $position } از { $count }
speech-button-selected = { $label }، منتخب، بٹن { $position } از { $count }
speech-button-disabled = { $label }، دستیاب نہیں، بٹن { $position } از { $count }
speech-rate = رفتار بدل گئی۔
speech-volume = آواز کی سطح بدل گئی۔
speech-bag-more = { $name } کے لیے ایک بیگ زیادہ
speech-bag-fewer = { $name } کے لیے ایک بیگ کم
speech-pass = { $name } کا بورڈنگ پاس: پرواز { $flight }، نشست { $seat }۔
speech-seat-window = کھڑکی
speech-seat-aisle = راہداری
speech-seat-middle = درمیان
speech-idle-enter = مزید وقت کے لیے انٹر دبائیں۔

## Each language's name in this language, said after its own name (in its own voice) on Welcome
speech-language-en = انگریزی
speech-language-ur = اردو
speech-language-ar = عربی
speech-language-es = ہسپانوی
speech-language-fr = فرانسیسی
speech-language-de = جرمن
speech-language-hi = ہندی
speech-language-zh = چینی
