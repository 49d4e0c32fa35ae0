#!/usr/bin/env python3
"""Checks the HTML reports eds3 writes: safe to publish and accessible.

Usage: check_html.py FILE...

For each file, with the standard library's html.parser only:
  - it parses, every element that is opened is closed in order, and it
    starts with <!DOCTYPE html>;
  - <html> has a lang; there is exactly one <h1>, and headings never skip a
    level (h2 after h1, h3 after h2 ...);
  - every <table> has a <caption> as its first child, and every <th> a scope;
  - nothing can run or fetch: no <script>, <iframe>, <object>, <embed>,
    <base>, <link>, <img>, <form>, <meta http-equiv>; no on* attribute; no
    src or srcset at all; href only on <a>, and only http, https or mailto;
    no javascript: or data: in any attribute; the <style> imports nothing
    (no url(), no @import);
  - no bidi override or other hidden character appears unescaped in the
    text (eds3 writes them as <U+202E>).
Prints "FILE: problem" for each problem and exits 1 when there is any.
"""

import re
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "source", "track", "wbr"}
FORBIDDEN = {"script", "iframe", "object", "embed", "base", "link", "img",
             "form", "frame", "frameset", "svg", "math", "applet", "audio",
             "video", "source", "template"}
LIVE_SCHEMES = ("http://", "https://", "mailto:")
# Format characters, controls (but tab and line ends) and separators that
# hide or reorder text.
HIDDEN = re.compile("[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f"
                    "\u061c\u200b-\u200f\u202a-\u202e\u2028\u2029"
                    "\u2060-\u2069\ufeff]")


class Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.stack = []
        self.doctype = False
        self.lang = None
        self.h1 = 0
        self.last_heading = 0
        # For each open table: has it had its first child yet?
        self.tables = []
        self.in_style = False

    def problem(self, text):
        where = "line {}".format(self.getpos()[0])
        self.problems.append("{}: {}".format(where, text))

    def handle_decl(self, decl):
        if decl.lower() == "doctype html":
            self.doctype = True

    def handle_starttag(self, tag, attrs):
        self.check_element(tag, attrs)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.check_element(tag, attrs)

    def check_element(self, tag, attrs):
        if not self.doctype:
            self.problem("content before <!DOCTYPE html>")
            self.doctype = True
        if tag in FORBIDDEN:
            self.problem("<{}> element".format(tag))
        if tag == "meta" and any(k == "http-equiv" for k, _ in attrs):
            self.problem("<meta http-equiv>")
        for key, value in attrs:
            value = value or ""
            squashed = re.sub(r"[\s\x00-\x20]", "", value).lower()
            if key.startswith("on"):
                self.problem("event attribute {}=".format(key))
            if key in ("src", "srcset", "action", "formaction", "poster",
                       "background", "xlink:href", "ping"):
                self.problem("{}= on <{}>".format(key, tag))
            # An href is checked by its scheme below (an https address may
            # hold "javascript:" in its query, harmlessly).
            if key != "href" and ("javascript:" in squashed or
                                  "data:" in squashed or
                                  "vbscript:" in squashed):
                self.problem("script or data URL in {}= on <{}>".format(
                    key, tag))
            if key == "href":
                if tag != "a":
                    self.problem("href on <{}>".format(tag))
                elif not value.lower().startswith(LIVE_SCHEMES):
                    self.problem("link to {!r}: only http, https and mailto "
                                 "may be linked".format(value))
            if key == "style" and ("url(" in squashed or
                                   "@import" in squashed):
                self.problem("style attribute fetches")
            if HIDDEN.search(value):
                self.problem("hidden character in {}= on <{}>".format(
                    key, tag))
        if tag == "html":
            self.lang = dict(attrs).get("lang") or ""
        if self.tables and not self.tables[-1] and self.stack and \
                self.stack[-1] == "table":
            self.tables[-1] = True
            if tag != "caption":
                self.problem("table without a caption first")
        if tag == "table":
            self.tables.append(False)
        if tag == "th":
            scope = dict(attrs).get("scope")
            if scope not in ("row", "col", "rowgroup", "colgroup"):
                self.problem("<th> without scope")
        if tag == "a" and "href" not in dict(attrs):
            self.problem("<a> without href")
        if tag == "style":
            self.in_style = True
        match = re.fullmatch(r"h([1-6])", tag)
        if match:
            level = int(match.group(1))
            if level == 1:
                self.h1 += 1
            if level > self.last_heading + 1:
                self.problem("<h{}> after <h{}>: a heading level is "
                             "skipped".format(level, self.last_heading))
            self.last_heading = level

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problem("</{}> does not close the open <{}>".format(
                tag, self.stack[-1] if self.stack else "nothing"))
            if tag in self.stack:
                while self.stack and self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()
        if tag == "table":
            if not self.tables.pop():
                self.problem("empty table without a caption")
        if tag == "style":
            self.in_style = False

    def handle_data(self, data):
        if self.in_style:
            squashed = re.sub(r"\s", "", data).lower()
            if "url(" in squashed or "@import" in squashed:
                self.problem("the stylesheet fetches (url() or @import)")
        if HIDDEN.search(data):
            self.problem("hidden character U+{:04X} in the text".format(
                ord(HIDDEN.search(data).group(0))))

    def finish(self):
        self.close()
        if not self.doctype:
            self.problem("no <!DOCTYPE html>")
        if self.stack:
            self.problem("elements left open: {}".format(
                " ".join(self.stack)))
        if not self.lang:
            self.problem("<html> without lang")
        if self.h1 != 1:
            self.problem("{} <h1> elements; a page has exactly one".format(
                self.h1))


def check(path):
    with open(path, "rb") as handle:
        raw = handle.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return ["not UTF-8: {}".format(error)]
    checker = Checker()
    checker.feed(text)
    checker.finish()
    return checker.problems


def main(paths):
    if not paths:
        print("usage: check_html.py FILE...", file=sys.stderr)
        return 2
    failed = False
    for path in paths:
        for problem in check(path):
            print("{}: {}".format(path, problem))
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
