#!/usr/bin/env python3
"""Takes the TrueType hinting out of the shipped fonts (assets/fonts/*.ttf): the font programs
(fpgm, prep), the control values (cvt) and each glyph's instructions. The kiosk's text renderer
runs a font's hinting programs again for every face and size it meets, and its cache of them
holds only eight: a screen in two scripts at five sizes ran them over and over, and the first tap
into a language spent about a sixth of its time there. Hinting is for small sizes on coarse
screens; the kiosk's smallest text is 18 px and scales up with the panel, and printed documents
are not hinted by PDF readers anyway. Outlines, metrics and shaping tables are untouched.
Run after taking fonts afresh from Debian's fonts-noto-core (pip install fonttools); the test
`the_shipped_fonts_carry_no_hinting_programs` fails until it is.
"""
import glob
import os

from fontTools.ttLib import TTFont

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
for path in sorted(glob.glob(os.path.join(root, "assets/fonts/*.ttf"))):
    font = TTFont(path)
    before = os.path.getsize(path)
    for table in ("fpgm", "prep", "cvt ", "hdmx", "LTSH", "VDMX"):
        if table in font:
            del font[table]
    glyf = font["glyf"]
    for name in font.getGlyphOrder():
        glyf[name].removeHinting()
    # maxp keeps its limits (upper bounds, still true): with no programs and no instructions
    # left but maxSizeOfInstructions above zero, the renderer still takes the (now idle)
    # TrueType interpreter instead of falling back to its automatic hinter, as FreeType would.
    assert font["maxp"].maxSizeOfInstructions > 0
    font.save(path)
    print(f"{os.path.relpath(path, root)}: {before} -> {os.path.getsize(path)} bytes")
