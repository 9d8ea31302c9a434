"""Write UN General Debate speeches as JSON Lines for the benchmark scripts.

Usage: python3 scripts/ungdc-jsonl.py OUT FILE...

One object per speech, {"id", "country", "year", "text"}, in sorted file
order; the id is the file's name, the country its first three letters and
the year the name of its folder. scripts/bench-peers.sh and
scripts/bench-lexicon.sh both read the corpus this way, so their figures
are for the same input.
"""
import json
import os
import sys

with open(sys.argv[1], "w", encoding="utf-8") as out:
    for path in sorted(sys.argv[2:]):
        name = os.path.basename(path)
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        out.write(json.dumps({"id": name, "country": name[:3], "year": os.path.basename(os.path.dirname(path)),
                              "text": text}, ensure_ascii=False) + "\n")
