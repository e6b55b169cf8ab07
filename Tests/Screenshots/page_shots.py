#!/usr/bin/env python3
"""One page of each kind the EPUB writer makes, photographed in headless Chromium at an e-reader's size.

Finds, across the EPUBs of EPUB_DIR, the first file of each kind (title page, dedication, epigraph, a chapter, a part,
notes, a bibliography, an index; by the class the writer gives its section), unpacks that EPUB and writes
OUT/<kind>.png with its style sheet applied. `make page-shots`; not run in CI.

usage: page_shots.py EPUB_DIR OUT
"""
import glob
import os
import subprocess
import sys
import zipfile

KINDS = ["titlepage", "dedication", "epigraph", "chapter", "part", "notes", "bibliography", "index"]


def main(epub_dir, out):
    os.makedirs(out, exist_ok=True)
    found = {}
    for epub in sorted(glob.glob(os.path.join(epub_dir, "*.epub"))):
        with zipfile.ZipFile(epub) as archive:
            pages = sorted(n for n in archive.namelist() if n.startswith("EPUB/text/") and n.endswith(".xhtml"))
            for kind in KINDS:
                if kind in found:
                    continue
                for name in pages:
                    text = archive.read(name).decode("utf-8")
                    if (kind == "titlepage" and name.endswith("titlepage.xhtml")) or f'class="{kind}' in text or f'class="{kind} ' in text:
                        folder = os.path.join(out, "unpacked", os.path.basename(epub)[:-5])
                        archive.extractall(folder)
                        found[kind] = os.path.join(folder, name)
                        break
    # The title page worth seeing is the one the source set itself (most lines), not a generated one.
    title_pages = []
    for epub in sorted(glob.glob(os.path.join(epub_dir, "*.epub"))):
        with zipfile.ZipFile(epub) as archive:
            title_pages.append((archive.read("EPUB/text/titlepage.xhtml").decode("utf-8").count("<p"), epub))
    if title_pages:
        epub = max(title_pages)[1]
        folder = os.path.join(out, "unpacked", os.path.basename(epub)[:-5])
        zipfile.ZipFile(epub).extractall(folder)
        found["titlepage"] = os.path.join(folder, "EPUB/text/titlepage.xhtml")
    for kind, page in found.items():
        target = os.path.join(out, kind + ".png")
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=600,900",
                        f"--screenshot={target}", "file://" + os.path.abspath(page)], check=True, capture_output=True)
        print(f"{kind}: {target} ({os.path.relpath(page, out)})")
    missing = [kind for kind in KINDS if kind not in found]
    if missing:
        print("no page of these kinds in the EPUBs:", ", ".join(missing))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
