#!/usr/bin/env python3
"""Validates eds3 JSON outputs against their schemas in docs/schema/.

Usage: validate_json.py SCHEMA_DIR FILE...

Each FILE is parsed as JSON; its "format" ("eds3-result/2") names the schema
(SCHEMA_DIR/eds3-result-2.schema.json), a JSON Schema draft 2020-12. Prints
one line per problem and exits 1 when any file is not valid, 0 otherwise.
"""
import json
import os
import sys

import jsonschema


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    schema_dir = argv[1]
    problems = 0
    schemas = {}
    for path in argv[2:]:
        try:
            with open(path, encoding="utf-8") as handle:
                document = json.load(handle)
        except (OSError, ValueError) as error:
            print(f"{path}: not JSON: {error}")
            problems += 1
            continue
        fmt = document.get("format") if isinstance(document, dict) else None
        if not isinstance(fmt, str):
            print(f"{path}: no \"format\" string at the top")
            problems += 1
            continue
        schema_path = os.path.join(schema_dir,
                                   fmt.replace("/", "-") + ".schema.json")
        if schema_path not in schemas:
            try:
                with open(schema_path, encoding="utf-8") as handle:
                    schema = json.load(handle)
            except OSError:
                print(f"{path}: no schema for format '{fmt}' ({schema_path})")
                problems += 1
                continue
            jsonschema.Draft202012Validator.check_schema(schema)
            schemas[schema_path] = jsonschema.Draft202012Validator(schema)
        for error in sorted(schemas[schema_path].iter_errors(document),
                            key=lambda e: list(e.absolute_path)):
            where = "/".join(str(part) for part in error.absolute_path)
            print(f"{path}: /{where}: {error.message}")
            problems += 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
