#!/usr/bin/env python3
"""check_html.py finds each problem it is meant to find, and none in a good
page: so that a report passing it means something."""

import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_html  # noqa: E402

HEAD = ('<!DOCTYPE html>\n<html lang="en-GB">\n<head><meta charset="utf-8">'
        '<title>T</title></head>\n<body>\n')
TAIL = '</body>\n</html>\n'
TABLE = ('<table><caption>C</caption><thead><tr><th scope="col">A</th></tr>'
         '</thead><tbody><tr><th scope="row">x</th></tr></tbody></table>')
GOOD = ('<h1>T</h1>' + TABLE + '<h2>S</h2><h3>U</h3><h2>V</h2>'
        '<p><a href="https://example.org/?q=javascript:x">E</a> '
        '<a href="mailto:a@example.org">M</a> &lt;script&gt;</p>')

BAD = {
    "no lang": GOOD.join([HEAD.replace(' lang="en-GB"', ''), TAIL]),
    "two h1": HEAD + GOOD + '<h1>Again</h1>' + TAIL,
    "no h1": HEAD + '<h2>S</h2>' + TAIL,
    "skipped level": HEAD + '<h1>T</h1><h3>U</h3>' + TAIL,
    "no caption": HEAD + '<h1>T</h1>' + TABLE.replace(
        '<caption>C</caption>', '') + TAIL,
    "th without scope": HEAD + '<h1>T</h1>' + TABLE.replace(
        ' scope="row"', '') + TAIL,
    "script": HEAD + GOOD + '<script>alert(1)</script>' + TAIL,
    "event attribute": HEAD + GOOD + '<p onclick="x">p</p>' + TAIL,
    "svg": HEAD + GOOD + '<svg onload="alert(1)"></svg>' + TAIL,
    "javascript link": HEAD + GOOD + '<a href=" javascript:alert(1)">x</a>'
    + TAIL,
    "data link": HEAD + GOOD + '<a href="data:text/html,x">x</a>' + TAIL,
    "relative link": HEAD + GOOD + '<a href="report.xlsx">x</a>' + TAIL,
    "image": HEAD + GOOD + '<img src="https://example.org/x.png" alt="">'
    + TAIL,
    "stylesheet fetch": HEAD.replace(
        '</head>', '<style>body{background:url(https://x/)}</style></head>')
    + GOOD + TAIL,
    "unclosed element": HEAD + GOOD + '<div><p>x</p>' + TAIL,
    "bidi override": HEAD + GOOD + '<p>a\u202eb</p>' + TAIL,
    "no doctype": HEAD.replace('<!DOCTYPE html>\n', '') + GOOD + TAIL,
}


def problems(text):
    with tempfile.NamedTemporaryFile("w", suffix=".html", delete=False,
                                     encoding="utf-8") as handle:
        handle.write(text)
    try:
        return check_html.check(handle.name)
    finally:
        os.unlink(handle.name)


def main():
    failed = False
    found = problems(HEAD + GOOD + TAIL)
    if found:
        print("good page reported: {}".format(found))
        failed = True
    for name, page in BAD.items():
        if not problems(page):
            print("not caught: {}".format(name))
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
