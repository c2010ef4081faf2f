# Speech mode: what the kiosk says aloud and never shows (see src/ui/speech.rs).
speech-on = Voix activée. Haut et bas pour passer d'un bouton à l'autre, Entrée pour choisir, Aide pour appeler le personnel.
speech-off = Voix désactivée.
speech-move = Appuyez sur haut ou bas pour entendre les boutons, Entrée pour choisir.
speech-button = { $label }, bouton { $position } sur { $count }
speech-button-selected = { $label }, sélectionné, bouton { $position } sur { $count }
speech-button-disabled = { $label }, indisponible, bouton { $position } sur { $count }
speech-rate = Vitesse modifiée.
speech-volume = Volume modifié.
speech-bag-more = Un bagage de plus pour { $name }
speech-bag-fewer = Un bagage de moins pour { $name }
speech-pass = Carte d'embarquement de { $name } : vol { $flight }, siège { $seat }.
speech-seat-window = hublot
speech-seat-aisle = couloir
speech-seat-middle = milieu
speech-idle-enter = Appuyez sur Entrée pour avoir plus de temps.

## Each language's name in this language, said after its own name (in its own voice) on Welcome
speech-language-en = anglais
speech-language-ur = ourdou
speech-language-ar = arabe
speech-language-es = espagnol
speech-language-fr = français
speech-language-de = allemand
speech-language-hi = hindi
speech-language-zh = chinois
