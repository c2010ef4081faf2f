# Speech mode: what the kiosk says aloud and never shows (see src/ui/speech.rs).
speech-on = Voz activada. Arriba y abajo para moverse entre los botones, Intro para elegir, Ayuda para llamar al personal.
speech-off = Voz desactivada.
speech-move = Pulse arriba o abajo para oír los botones, Intro para elegir.
speech-button = { $label }, botón { $position } de { $count }
speech-button-selected = { $label }, seleccionado, botón { $position } de { $count }
speech-button-disabled = { $label }, no disponible, botón { $position } de { $count }
speech-rate = Velocidad cambiada.
speech-volume = Volumen cambiado.
speech-bag-more = Una maleta más para { $name }
speech-bag-fewer = Una maleta menos para { $name }
speech-pass = Tarjeta de embarque de { $name }: vuelo { $flight }, asiento { $seat }.
speech-seat-window = ventana
speech-seat-aisle = pasillo
speech-seat-middle = centro
speech-idle-enter = Pulse Intro para tener más tiempo.

## Each language's name in this language, said after its own name (in its own voice) on Welcome
speech-language-en = inglés
speech-language-ur = urdu
speech-language-ar = árabe
speech-language-es = español
speech-language-fr = francés
speech-language-de = alemán
speech-language-hi = hindi
speech-language-zh = chino
