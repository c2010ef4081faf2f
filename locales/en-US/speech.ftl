# Speech mode: what the kiosk says aloud and never shows (see src/ui/speech.rs).
speech-on = Speech on. Up and down move between the buttons, Enter chooses, Help calls staff.
speech-off = Speech off.
speech-move = Press up or down to hear the buttons, Enter to choose.
speech-button = { $label }, button { $position } of { $count }
speech-button-selected = { $label }, selected, button { $position } of { $count }
speech-button-disabled = { $label }, unavailable, button { $position } of { $count }
speech-rate = Speed changed.
speech-volume = Volume changed.
speech-bag-more = One more bag for { $name }
speech-bag-fewer = One bag fewer for { $name }
speech-pass = Boarding pass for { $name }: flight { $flight }, seat { $seat }.
speech-seat-window = window
speech-seat-aisle = aisle
speech-seat-middle = middle
speech-idle-enter = Press Enter for more time.

## Each language's name in this language, said after its own name (in its own voice) on Welcome
speech-language-en = English
speech-language-ur = Urdu
speech-language-ar = Arabic
speech-language-es = Spanish
speech-language-fr = French
speech-language-de = German
speech-language-hi = Hindi
speech-language-zh = Chinese
