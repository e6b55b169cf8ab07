#!/usr/bin/env python3
"""The Project Gutenberg renderings of ../shared/books set again in other plain-text conventions, and scored.

The development set has each book in two renderings; books Bindery has never seen use other conventions too. This
re-renders every `bNN-pg.txt` with its chapters named otherwise (`CHAPTER I.`, `Chapter 1: Title`, `CHAPTER ONE`,
`1. Title`, `I. Title`), its paragraphs indented (by spaces or a tab) or run on without blank lines or one to a line,
its headings centred or underlined (`====`), or wrapped narrower or wider, or cut into pages with folios and running
heads (`pages-*`), its italics between asterisks, its notes in other styles (`notes-*`), and rewrites the truth's
heading texts to match, and in eight combinations of those conventions (`mix-*`); then scores EPUBs made from them with
score-books' own functions, a row per convention (`make score-restyled`). Block quotes, verse and notes (indented
or ragged blocks) keep their lines and the blank lines around them.

usage: restyled_books.py render OUT            write OUT/<convention>/bNN-pg.txt and bNN.truth.json
       restyled_books.py score OUT EPUBS [-v]  score EPUBS/<convention>/bNN-pg.epub against OUT's truth
"""
import importlib.machinery
import importlib.util
import json
import os
import re
import sys
import textwrap

SHARED = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared"))
BOOKS = os.path.join(SHARED, "books")
ROMAN = re.compile(r"^[IVXLC]+$")
UNITS = ("Zero One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen Fifteen Sixteen "
         "Seventeen Eighteen Nineteen Twenty").split()
TENS = "Twenty Thirty Forty Fifty Sixty Seventy Eighty Ninety".split()

# convention: (chapter numbering, paragraph layout, width, centred headings, underlined headings, page furniture,
# note style, marks: tabs for indents or asterisks for italics)
CONVENTIONS = {
    "indent": ("asis", "indent", 72, False),
    "wrapped": ("asis", "wrapped", 72, False),
    "oneline-blank": ("asis", "oneline-blank", 72, False),
    "oneline": ("asis", "oneline", 72, False),
    "chapter": ("chapter", "blank", 72, False),
    "chapline-indent": ("oneline", "indent", 66, False),
    "center": ("asis", "blank", 72, True),
    "words": ("words", "blank", 72, False),
    "dotted-wrapped60": ("dotted", "wrapped", 60, False),
    "underlined": ("oneline", "blank", 72, False, True),
    "pages-ff-wrapped": ("asis", "wrapped", 72, False, False, "ff-head"),
    "pages-foot-blank": ("asis", "blank", 72, False, False, "foot-folio"),
    "pages-ff-indent": ("chapter", "indent", 66, False, False, "ff-foot"),
    "hyphen-blank66": ("asis", "hyphen-blank", 66, False),
    "hyphen-wrapped60": ("chapter", "hyphen-wrapped", 60, False),
    "notes-sup": ("asis", "blank", 72, False, False, None, "sup"),
    "notes-glued-wrapped": ("asis", "wrapped", 72, False, False, None, "glued"),
    "notes-footblock-indent": ("asis", "indent", 72, False, False, None, "footblock"),
    "notes-chapter": ("chapter", "blank", 72, False, False, None, "chapter-end"),
    "notes-spaced": ("chapter", "blank", 72, False, False, None, "spaced"),
    "notes-paren": ("chapter", "blank", 72, False, False, None, "paren"),
    "romandot-indent": ("romandot", "indent", 72, False),
    "indent2-80": ("chapter", "indent2", 80, False),
    "indent-tabs": ("asis", "indent", 72, False, False, None, None, "tabs"),
    "stars-blank": ("asis", "blank", 72, False, False, None, None, "stars"),
    "pages-blank-head": ("asis", "blank", 72, False, False, "blank-head"),
    # Conventions combined, as a book in the wild combines them.
    "mix-chapter-wrapped-ffhead-glued": ("chapter", "wrapped", 72, False, False, "ff-head", "glued"),
    "mix-words-hyphen60-centre-foot-sectionnotes": ("words", "hyphen-wrapped", 60, True, False, "foot-folio", "chapter-end"),
    "mix-romandot-indent2-80-blankhead-spaced-tabs": ("romandot", "indent2", 80, False, False, "blank-head", "spaced", "tabs"),
    "mix-dotted-oneline66-underlined-paren-stars": ("dotted", "oneline", 66, False, True, None, "paren", "stars"),
    "mix-oneline-hyphen-centre-fffoot-sup": ("oneline", "hyphen-blank", 72, True, False, "ff-foot", "sup"),
    "mix-indent60-ffhead-footblock-stars": ("asis", "indent", 60, False, False, "ff-head", "footblock", "stars"),
    "mix-chapter-wrapped80-blankhead-sectionnotes": ("chapter", "wrapped", 80, False, False, "blank-head", "chapter-end"),
    "mix-words-indent66-underlined-foot-sup-tabs": ("words", "indent", 66, False, True, "foot-folio", "sup", "tabs"),
}
SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
MARKER = re.compile(r"\[(\d+)\]")
PAGE_LINES = 40
KEYS = ["headings_recall", "headings_precision", "level_agree", "paras_exact", "quotes", "notes_linked", "verse_lines", "leaks"]


def roman_value(text):
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for i, c in enumerate(text):
        n = values[c]
        total += -n if i + 1 < len(text) and values[text[i + 1]] > n else n
    return total


def in_words(n):
    """`Twenty-One`, `One Hundred and Two`."""
    if n >= 100:
        return UNITS[n // 100] + " Hundred" + (" and " + in_words(n % 100) if n % 100 else "")
    if n <= 20:
        return UNITS[n]
    return TENS[n // 10 - 2] + ("-" + UNITS[n % 10] if n % 10 else "")


def blocks(lines):
    """[blank lines before, lines, blank lines after] for each run of non-blank lines."""
    out, current, blank = [], [], 0
    for line in lines:
        if line.strip() == "":
            if current:
                out.append([blank, current])
                current, blank = [], 0
            blank += 1
        else:
            current.append(line)
    if current:
        out.append([blank, current])
    for i, block in enumerate(out):
        block.append(out[i + 1][0] if i + 1 < len(out) else 3)
    return out


def is_number(token):
    return ROMAN.match(token) is not None or token.isdigit()


def chapter_lines(style, first, n, title):
    """The heading lines of chapter `first` (its printed number, worth `n`) in a numbering style."""
    if style == "chapter":
        return [f"CHAPTER {first}."] + ([title] if title else [])
    if style == "oneline":
        return [f"Chapter {n}: {title}" if title else f"Chapter {n}"]
    if style == "romandot":
        return [f"{first}. {title}" if title else f"{first}."]
    if style == "words":
        return [f"CHAPTER {in_words(n).upper()}"] + ([title] if title else [])
    return [f"{n}. {title}" if title else f"{n}."]


def paginate(lines, style, width, title, author):
    """The lines cut into pages of PAGE_LINES with a page's furniture: `ff-head`, a form feed then a running head
    with the folio (`12    AUTHOR` on the left page, `TITLE    13` on the right); `foot-folio`, a centred `- 12 -`
    between blank lines at each page's foot; `ff-foot`, a form feed, the title centred at the top, the folio alone at
    the foot; `blank-head`, `ff-head`'s running heads after three blank lines instead of a form feed."""
    out = []
    for start in range(0, len(lines), PAGE_LINES):
        n = start // PAGE_LINES + 1
        page = lines[start:start + PAGE_LINES]
        if style == "ff-head":
            left, right = (str(n), author.upper()) if n % 2 == 0 else (title.upper(), str(n))
            out += (["\f"] if n > 1 else []) + [left + " " * max(4, width - len(left) - len(right)) + right, ""] + page
        elif style == "foot-folio":
            out += page + ["", "", " " * ((width - 6) // 2) + f"- {n} -", "", ""]
        elif style == "blank-head":
            left, right = (str(n), author.upper()) if n % 2 == 0 else (title.upper(), str(n))
            out += (["", "", ""] if n > 1 else []) + [left + " " * max(4, width - len(left) - len(right)) + right, ""] + page
        elif style == "ff-foot":
            out += (["\f"] if n > 1 else []) + [" " * ((width - len(title)) // 2) + title, ""] + page + ["", str(n)]
    # A form feed starts the line it stands on.
    return "\n".join(out).replace("\f\n", "\f").split("\n")


def hyphen_wrap(text, width):
    """Lines of at most `width` characters, a word that does not fit broken with a hyphen where three letters or more
    stay on each side, a compound broken after its own hyphen (`three-` / `dimensional`)."""
    lines, line = [], ""
    for word in text.split(" "):
        while True:
            room = width - len(line) - (1 if line else 0)
            if len(word) <= room:
                line = (line + " " + word) if line else word
                break
            cut = word.rfind("-", 0, room)
            if cut >= 2 and line:
                head, word = word[:cut + 1], word[cut + 1:]
            else:
                letters = 0
                while letters < len(word) and word[letters].isalpha():
                    letters += 1
                cut = min(room - 1, letters - 3)
                if cut < 3 or room < 6 or not line:
                    if not line:
                        line = word
                        word = ""
                    lines.append(line)
                    line = ""
                    if word:
                        continue
                    break
                head, word = word[:cut] + "-", word[cut:]
            lines.append((line + " " + head) if line else head)
            line = ""
    if line:
        lines.append(line)
    return [x for x in lines if x]


def note_entries(lines):
    """The NOTES section's entries by number (`[3] text` and the lines that follow), and the lines before it."""
    at = max((i for i, line in enumerate(lines) if line.strip() == "NOTES"), default=None)
    if at is None:
        return lines, {}
    entries, current = {}, None
    for line in lines[at + 1:]:
        match = re.match(r"^\[(\d+)\] (.*)$", line)
        if match:
            current = int(match.group(1))
            entries[current] = [match.group(2)]
        elif current is not None:
            entries[current].append(line)
    while lines[at - 1].strip() == "":
        at -= 1
    return lines[:at], {n: "\n".join(text).strip().split("\n") for n, text in entries.items()}


def restyle_notes(lines, style):
    """The notes set in another style: `sup`, superscript markers and `1. text` entries; `glued`, markers glued to the
    word (`rock,1`) and `1. text` entries; `spaced`, markers set off by a space (`rock, [1]`); `paren`, markers and
    entries in parentheses (`rock, (1)`, `(1) text`); `footblock`, `[Footnote 1: text]` after the marker's paragraph;
    `chapter-end`, a NOTES list after each section (a block between blank-line runs of two or more), numbered again from 1."""
    body, entries = note_entries(lines)
    if not entries:
        return lines
    if style in ("sup", "glued"):
        marker = (lambda n: str(n).translate(SUPERSCRIPTS)) if style == "sup" else str
        out = [MARKER.sub(lambda m: marker(int(m.group(1))) if int(m.group(1)) in entries else m.group(0), line)
               for line in body]
        out += ["", "", "", "NOTES", ""]
        for n, text in sorted(entries.items()):
            out += [f"{n}. {text[0]}"] + text[1:] + [""]
        return out
    if style in ("spaced", "paren"):
        open_, close = ("[", "]") if style == "spaced" else ("(", ")")
        out = [MARKER.sub(lambda m: f" {open_}{m.group(1)}{close}" if int(m.group(1)) in entries else m.group(0), line) for line in body]
        out += ["", "", "", "NOTES", ""]
        for n, text in sorted(entries.items()):
            out += [f"{open_}{n}{close} {text[0]}"] + text[1:] + [""]
        return out
    if style == "footblock":
        out, pending = [], []
        for line in body + [""]:
            if line.strip() == "" and pending:
                for n in pending:
                    out += ["", f"[Footnote {n}: {entries[n][0]}"] + entries[n][1:]
                    out[-1] += "]"
                pending = []
            pending += [int(n) for n in MARKER.findall(line) if int(n) in entries]
            out.append(line)
        return out[:-1]
    out, section = [], []
    for before, block, after in blocks(body):
        if before >= 2 and after >= 2 and section:
            out += ["", "", "NOTES", ""]
            for index, n in enumerate(section, 1):
                out += [f"{index}. {entries[n][0]}"] + entries[n][1:] + [""]
            section = []
        renumbered = []
        for line in block:
            def local(match):
                n = int(match.group(1))
                if n not in entries:
                    return match.group(0)
                section.append(n)
                return f"[{len(section)}]"
            renumbered.append(MARKER.sub(local, line))
        out += [""] * before + renumbered
    if section:
        out += ["", "", "NOTES", ""]
        for index, n in enumerate(section, 1):
            out += [f"{index}. {entries[n][0]}"] + entries[n][1:] + [""]
    return out


def render(book, numbering, layout, width, centred, underlined=False, pages=None, notes=None, marks=None):
    """The book's PG rendering in a convention, and its truth with the heading texts it now prints."""
    lines = open(f"{BOOKS}/{book}-pg.txt", encoding="utf-8").read().split("\n")
    if notes:
        lines = restyle_notes(lines, notes)
    truth = json.load(open(f"{BOOKS}/{book}.truth.json", encoding="utf-8"))
    # Only the outermost numbered headings are renamed (a book's aphorisms `1`, `2` do not become chapters).
    numbered = [h for h in truth["headings"] if is_number(h["text"].split(" ")[0])]
    top = min((h["level"] for h in numbered), default=0)
    renamed = {h["text"].split(" ", 1)[0] for h in numbered if h["level"] == top}
    kept = {h["text"].split(" ", 1)[0] for h in numbered if h["level"] != top}
    out, printed = [], {}
    for before, block, after in blocks(lines):
        if before >= 2 and after >= 2:
            first = block[0].strip()
            if numbering != "asis" and is_number(first) and len(block) <= 2 and first in renamed and first not in kept:
                n = roman_value(first) if ROMAN.match(first) else int(first)
                title = block[1].strip() if len(block) == 2 else ""
                block = chapter_lines(numbering, first, n, title)
                printed[(first, title.replace("_", ""))] = " ".join(x.replace("_", "") for x in block)
            if centred:
                block = [" " * max(0, (width - len(x.strip())) // 2) + x.strip() for x in block]
            if underlined:
                block = block + [("=" if first in renamed else "-") * len(block[-1].strip())]
            out += [""] * max(before, 2) + block
            continue
        ragged = len(block) >= 2 and sum(1 for x in block[:-1] if len(x) < 50) * 2 > len(block) - 1
        if block[0].startswith(" ") or block[0].startswith("[Footnote") or ragged:
            out += [""] * max(1, before) + block
            continue
        text = " ".join(x.strip() for x in block)
        after_display = before >= 2 or (out and out[-1].startswith(" "))
        if layout == "oneline-blank":
            out += [""] * before + [text]
        elif layout == "oneline":
            out += ([""] * before if after_display else []) + [text]
        elif layout == "blank":
            out += [""] * before + textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)
        elif layout == "indent":
            wrapped = textwrap.wrap(text, width, initial_indent="    ", break_long_words=False, break_on_hyphens=False)
            out += ([""] * before if after_display else []) + wrapped
        elif layout == "indent2":
            wrapped = textwrap.wrap(text, width, initial_indent="  ", break_long_words=False, break_on_hyphens=False)
            out += ([""] * before if after_display else []) + wrapped
        elif layout == "hyphen-blank":
            out += [""] * before + hyphen_wrap(text, width)
        elif layout == "hyphen-wrapped":
            out += ([""] * before if after_display else []) + hyphen_wrap(text, width)
        elif layout == "wrapped":
            wrapped = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)
            out += ([""] * before if after_display else []) + wrapped
    for heading in truth["headings"]:
        parts = heading["text"].split(" ", 1)
        key = (parts[0], parts[1] if len(parts) > 1 else "")
        if key in printed:
            heading["text"] = printed[key]
    if pages:
        out = paginate(out, pages, width, truth["title"], truth["author"])
    text = "\n".join(out) + "\n"
    if marks == "tabs":
        text = re.sub(r"(?m)^    (?=\S)", "\t", text)
    if marks == "stars":
        text = re.sub(r"(?<![A-Za-z0-9])_([^_\n]+?)_(?![A-Za-z0-9])", r"*\1*", text)
    return text, truth


def score(root, epubs, verbose):
    """A row of means per convention (`-v`: a row per book too), by score-books' own `score`."""
    loader = importlib.machinery.SourceFileLoader("score_books", os.path.join(SHARED, "tools", "score-books"))
    spec = importlib.util.spec_from_loader("score_books", loader)
    score_books = importlib.util.module_from_spec(spec)
    loader.exec_module(score_books)
    print("%-46s" % "convention" + "".join("%9s" % k[:8] for k in KEYS))
    for convention in sorted(os.listdir(root)):
        rows = []
        for i in range(1, 11):
            book = f"b{i:02d}"
            epub = f"{epubs}/{convention}/{book}-pg.epub"
            if not os.path.exists(epub):
                print("missing", epub)
                continue
            row = score_books.score(f"{root}/{convention}/{book}.truth.json", epub)
            rows.append(row)
            if verbose:
                print("  %-44s" % book + "".join("%9s" % (row[k] if row[k] is not None else "-") for k in KEYS))
        means = {}
        for k in KEYS:
            values = [r[k] for r in rows if r[k] is not None]
            means[k] = sum(values) if k == "leaks" else round(sum(values) / max(1, len(values)), 3)
        print("%-46s" % convention + "".join("%9s" % means[k] for k in KEYS))


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "render":
        for name, convention in CONVENTIONS.items():
            os.makedirs(f"{sys.argv[2]}/{name}", exist_ok=True)
            for i in range(1, 11):
                book = f"b{i:02d}"
                text, truth = render(book, *convention)
                open(f"{sys.argv[2]}/{name}/{book}-pg.txt", "w", encoding="utf-8").write(text)
                json.dump(truth, open(f"{sys.argv[2]}/{name}/{book}.truth.json", "w", encoding="utf-8"), ensure_ascii=False)
    elif len(sys.argv) >= 4 and sys.argv[1] == "score":
        score(sys.argv[2], sys.argv[3], "-v" in sys.argv)
    else:
        sys.exit(__doc__)
