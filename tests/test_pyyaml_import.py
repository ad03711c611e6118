"""PyYAML imported by drafter (drafter.inputs.pyyaml), its patterns compiled when first used,
reads, resolves, refuses and writes exactly as PyYAML imported plainly; nothing else in the
process, and no other thread, gets a pattern that is not compiled. Fresh processes: PyYAML is
imported once per process."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from support.samples import SAMPLES

from drafter.inputs.pyyaml import import_yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

#: Scalars each resolver, the constructor and the reader decide on; then a dump, where the
#: resolver decides what must be quoted.
READ = r"""
import json, re, sys
yaml = IMPORT
text = '''
words: [yes, No, on, OFF, y, "yes", ~, null, Null, '', =, <<x]
numbers: [0x1F, 0o17, 017, 1_000, 1:30, 1e3, 1.5e-3, .inf, -.Inf, .NaN, 6.8523015e+5, +12, 0b101]
dates: [2026-12-05, 2001-12-14t21:59:43.10-05:00, 2002-12-14, 2001-12-14 21:59:43.10 -5]
base: &b {a: 1, b: two}
merged: {<<: *b, c: 3}
'''
out = []

def attempt(text, loader):
    try:
        out.append(repr(yaml.load(text, Loader=loader)))
    except yaml.YAMLError as error:
        out.append(f"{type(error).__name__}: {error}")

for loader in (yaml.SafeLoader, yaml.CSafeLoader, yaml.FullLoader, yaml.BaseLoader):
    attempt(text, loader)
    attempt(text.replace(" =,", ""), loader)
for bad in ("a: \x07", "a: [1, 2", "a: b: c", "\ufeffa: 1\n\x85b"):
    for loader in (yaml.SafeLoader, yaml.CSafeLoader):
        attempt(bad, loader)
out.append(yaml.safe_dump({"s": ["yes", "1:30", "0x1F", "~", "2026-12-05", "a\x07"], "n": [1, 1.5, None, True]}))
out += [repr(yaml.load(open(p, encoding="utf-8").read(), Loader=yaml.CSafeLoader)) for p in sys.argv[1:]]
lazy = not isinstance(yaml.reader.Reader.NON_PRINTABLE, re.Pattern)
print(json.dumps({"out": out, "lazy": lazy, "restored": re.compile.__module__ == "re"}))
"""


def read(importing: str) -> dict:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([ROOT, os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-c", READ.replace("IMPORT", importing), *map(str, SAMPLES)],
                          capture_output=True, text=True, encoding="utf-8", env=env, cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_pyyaml_imported_by_drafter_reads_and_writes_as_pyyaml_imported_plainly():
    ours = read("__import__('drafter.inputs.pyyaml').inputs.pyyaml.import_yaml()")
    plain = read("__import__('yaml')")
    assert ours["lazy"] and not plain["lazy"]  # the patterns were left to their first use
    assert ours["restored"]
    assert ours["out"] == plain["out"]
    assert sum("Error" in line for line in ours["out"]) >= 6  # the bad documents were refused


THREADS = r"""
import re, threading
from drafter.inputs.pyyaml import import_yaml
got, stop = [], threading.Event()

def compiling():
    count = 0
    while not stop.is_set() or count < 50:
        count += 1
        got.append(re.compile(f"thread-{count}-[a-z]+"))

worker = threading.Thread(target=compiling)
worker.start()
yaml = import_yaml()
stop.set()
worker.join()
again = import_yaml()
print(len(got), all(isinstance(p, re.Pattern) for p in got), again is yaml, re.compile.__module__)
"""


def test_another_thread_compiling_meanwhile_gets_compiled_patterns():
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([ROOT, os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-c", THREADS], capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    count, compiled, same, module = done.stdout.split()
    assert int(count) >= 50 and compiled == "True" and same == "True" and module == "re"


def test_pyyaml_already_imported_is_returned_as_it_is():
    import yaml

    assert import_yaml() is yaml
