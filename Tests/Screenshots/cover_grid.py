#!/usr/bin/env python3
"""Writes grid.html (every EPUB's cover in a grid of thumbnails) and phone.html (the first cover at a phone's size)
from the EPUBs in a directory, for `make cover-shot` to photograph in headless Chromium."""
import html, pathlib, sys, zipfile

epubs, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)
names = []
for epub in sorted(epubs.glob("*.epub")):
    with zipfile.ZipFile(epub) as archive:
        # The generated cover (SVG) or the sidecar's `cover-image`, whatever its type.
        cover = next(n for n in archive.namelist() if n.startswith("EPUB/images/cover."))
        name = epub.stem + pathlib.PurePath(cover).suffix
        (out / name).write_bytes(archive.read(cover))
    names.append(name)
cells = "".join(f'<figure><img src="{html.escape(n)}"><figcaption>{html.escape(n)}</figcaption></figure>' for n in names)
(out / "grid.html").write_text(
    "<!DOCTYPE html><html><head><style>body{margin:16px;background:#eee;font:12px sans-serif}"
    "div{display:grid;grid-template-columns:repeat(6,150px);gap:16px}figure{margin:0}"
    "img{width:150px;height:225px;box-shadow:0 2px 6px #0006}</style></head>"
    f"<body><div>{cells}</div></body></html>")
(out / "phone.html").write_text(
    f'<!DOCTYPE html><html><body style="margin:0;background:#000"><img src="{html.escape(names[0])}" '
    'style="width:390px;height:844px"></body></html>')
