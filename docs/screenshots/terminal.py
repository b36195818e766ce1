#!/usr/bin/env python3
"""Renders a terminal capture with colours (`tmux capture-pane -e -p`) as a PNG, a cell per character
and two for a wide (Chinese) one, so the screenshots of docs/editor.md can be made on a machine without
a graphical desktop. Needs python3-pil and a monospace font with Chinese glyphs (fonts-wqy-zenhei).

    python3 docs/screenshots/terminal.py CAPTURE.txt OUT.png
"""

import re
import sys
import unicodedata

from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
FONT_INDEX = 2  # WenQuanYi Zen Hei Mono
SIZE = 16
CELL_W, CELL_H = SIZE // 2 + 1, SIZE + 5
BG, FG = (30, 30, 30), (220, 220, 220)

# The 16 ANSI colours (a dark theme), then the 6×6×6 cube and the grey ramp of 256-colour terminals.
BASE = [
    (30, 30, 30), (205, 49, 49), (13, 188, 121), (229, 229, 16),
    (36, 114, 200), (188, 63, 188), (17, 168, 205), (229, 229, 229),
    (102, 102, 102), (241, 76, 76), (35, 209, 139), (245, 245, 67),
    (59, 142, 234), (214, 112, 214), (41, 184, 219), (255, 255, 255),
]


def colour256(n):
    if n < 16:
        return BASE[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return (steps[n // 36], steps[(n // 6) % 6], steps[n % 6])
    v = 8 + (n - 232) * 10
    return (v, v, v)


def width(c):
    return 2 if unicodedata.east_asian_width(c) in "WF" else 1


def parse(text):
    """Lines of (char, fg, bg, bold) cells."""
    lines = []
    fg, bg, bold, reverse = FG, BG, False, False
    for raw in text.split("\n"):
        cells = []
        i = 0
        for m in re.finditer(r"\x1b\[([0-9;:]*)m|([^\x1b])", raw):
            if m.group(2) is not None:
                c = m.group(2)
                f, b = (bg, fg) if reverse else (fg, bg)
                cells.append((c, f, b, bold))
                if width(c) == 2:
                    cells.append(("", f, b, bold))
                continue
            params = [int(p) if p else 0 for p in re.split("[;:]", m.group(1) or "0")]
            i = 0
            while i < len(params):
                p = params[i]
                if p == 0:
                    fg, bg, bold, reverse = FG, BG, False, False
                elif p == 1:
                    bold = True
                elif p == 22:
                    bold = False
                elif p == 7:
                    reverse = True
                elif p == 27:
                    reverse = False
                elif 30 <= p <= 37:
                    fg = BASE[p - 30]
                elif 90 <= p <= 97:
                    fg = BASE[p - 90 + 8]
                elif 40 <= p <= 47:
                    bg = BASE[p - 40]
                elif 100 <= p <= 107:
                    bg = BASE[p - 100 + 8]
                elif p == 39:
                    fg = FG
                elif p == 49:
                    bg = BG
                elif p in (38, 48) and i + 1 < len(params):
                    if params[i + 1] == 5 and i + 2 < len(params):
                        colour = colour256(params[i + 2])
                        i += 2
                    elif params[i + 1] == 2 and i + 4 < len(params):
                        colour = tuple(params[i + 2:i + 5])
                        i += 4
                    else:
                        colour = FG if p == 38 else BG
                    if p == 38:
                        fg = colour
                    else:
                        bg = colour
                i += 1
        lines.append(cells)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def render(text, out):
    lines = parse(text)
    cols = max((len(l) for l in lines), default=1)
    img = Image.new("RGB", (cols * CELL_W + 16, len(lines) * CELL_H + 16), BG)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, SIZE, index=FONT_INDEX)
    # Backgrounds first, then glyphs: a wide glyph's right half lies over the next cell.
    for y, cells in enumerate(lines):
        for x, (c, f, b, _) in enumerate(cells):
            px, py = 8 + x * CELL_W, 8 + y * CELL_H
            if b != BG:
                draw.rectangle([px, py, px + CELL_W - 1, py + CELL_H - 1], fill=b)
    for y, cells in enumerate(lines):
        for x, (c, f, b, _) in enumerate(cells):
            px, py = 8 + x * CELL_W, 8 + y * CELL_H
            if c and c != " ":
                # Bold is shown by colour alone: a doubled stroke blurs Chinese glyphs.
                draw.text((px, py + 2), c, font=font, fill=f)
    img.save(out)


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        render(f.read(), sys.argv[2])
