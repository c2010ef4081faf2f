#!/usr/bin/env python3
"""Cuts Noto Sans CJK SC down to the characters of the built-in Chinese messages (plus ASCII and
CJK punctuation), for assets/fonts/NotoSansSC-{Regular,Bold}-Subset.otf. Run it after changing
locales/zh-CN/*.ftl; the glyph-coverage test fails until you do.

Needs fontTools (pip install fonttools) and the fonts of Debian's fonts-noto-cjk:
    apt-get download fonts-noto-cjk && dpkg-deb -x fonts-noto-cjk_*.deb /tmp/cjk
    scripts/subset-cjk-font.py /tmp/cjk/usr/share/fonts/opentype/noto
"""
import glob
import os
import sys

from fontTools import subset
from fontTools.ttLib import TTCollection

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
source = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/opentype/noto"
text = ""
for path in glob.glob(os.path.join(root, "locales/zh-CN/*.ftl")):
    for line in open(path, encoding="utf-8"):
        if not line.lstrip().startswith("#"):
            text += line
chars = {c for c in text if ord(c) > 0x2000}
extra = set("，。？！：、；（）……「」《》") | {chr(c) for c in range(0x20, 0x7F)} | {"\u00a0"}
for weight in ["Regular", "Bold"]:
    path = os.path.join(source, f"NotoSansCJK-{weight}.ttc")
    index = [i for i, f in enumerate(TTCollection(path).fonts)
             if f["name"].getDebugName(1) == "Noto Sans CJK SC"][0]
    options = subset.Options()
    options.font_number = index
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    font = subset.load_font(path, options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(chars | extra)))
    subsetter.subset(font)
    out = os.path.join(root, f"assets/fonts/NotoSansSC-{weight}-Subset.otf")
    subset.save_font(font, out, options)
    print(out, os.path.getsize(out), "bytes")
with open(os.path.join(root, "assets/fonts/NotoSansSC-Subset.txt"), "w", encoding="utf-8") as f:
    f.write("".join(sorted(chars)) + "\n")
