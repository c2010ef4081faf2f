#!/usr/bin/env python3
"""Sets the vertical metrics of assets/fonts/NotoSansDevanagari-{Regular,Bold}.ttf so that Hindi
sits on the same line as Latin. The text shaper centres a line's glyphs by the font's ascent and
descent: Noto Sans has ascent - descent = 1069 - 293 = 776 units, Noto Sans Devanagari as shipped
896 - 408 = 488, which put Hindi labels 0.144 em (4-5 px) higher than Latin ones beside them. The
ascent goes up to 408 + 776 = 1184; the descent stays, so marks below the line keep their room.
Run once on fonts freshly taken from Debian's fonts-noto-core (pip install fonttools); the test
`hindi_sits_on_the_same_line_as_latin` fails until it is.
"""
import os

from fontTools.ttLib import TTFont

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
for weight in ["Regular", "Bold"]:
    path = os.path.join(root, f"assets/fonts/NotoSansDevanagari-{weight}.ttf")
    font = TTFont(path)
    ascent = -font["hhea"].descent + (1069 - 293)
    font["hhea"].ascent = ascent
    font["OS/2"].sTypoAscender = ascent
    font["OS/2"].usWinAscent = ascent
    font.save(path)
    print(path, "ascent", ascent)
