# Speech mode: what the kiosk says aloud and never shows (see src/ui/speech.rs).
speech-on = Sprachausgabe an. Mit Auf und Ab zwischen den Tasten wechseln, mit Eingabe wählen, mit Hilfe das Personal rufen.
speech-off = Sprachausgabe aus.
speech-move = Auf oder Ab drücken, um die Tasten zu hören, Eingabe zum Wählen.
speech-button = { $label }, Taste { $position } von { $count }
speech-button-selected = { $label }, ausgewählt, Taste { $position } von { $count }
speech-button-disabled = { $label }, nicht verfügbar, Taste { $position } von { $count }
speech-rate = Geschwindigkeit geändert.
speech-volume = Lautstärke geändert.
speech-bag-more = Ein Gepäckstück mehr für { $name }
speech-bag-fewer = Ein Gepäckstück weniger für { $name }
speech-pass = Bordkarte für { $name }: Flug { $flight }, Sitz { $seat }.
speech-seat-window = Fenster
speech-seat-aisle = Gang
speech-seat-middle = Mitte
speech-idle-enter = Drücken Sie Eingabe für mehr Zeit.

## Each language's name in this language, said after its own name (in its own voice) on Welcome
speech-language-en = Englisch
speech-language-ur = Urdu
speech-language-ar = Arabisch
speech-language-es = Spanisch
speech-language-fr = Französisch
speech-language-de = Deutsch
speech-language-hi = Hindi
speech-language-zh = Chinesisch
