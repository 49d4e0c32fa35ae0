#!/usr/bin/env python3
"""Fails when the WebAssembly inside a page names a folder of the machine
that built it (the sources' or the build folder's absolute path): such a
page differs from one built in another clone.

Usage: no-build-paths.py PAGE FOLDER...
"""
import base64
import re
import sys

page = open(sys.argv[1], encoding="utf-8").read()
match = re.search(r"data:application/octet-stream;base64,([A-Za-z0-9+/=]+)", page)
if not match:
    sys.exit(f"{sys.argv[1]}: no embedded WebAssembly found")
wasm = base64.b64decode(match.group(1))
found = sorted({folder for folder in sys.argv[2:] if folder.encode() in wasm})
if found:
    sys.exit(f"{sys.argv[1]}: the WebAssembly names {', '.join(found)}")
