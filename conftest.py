"""Every test, and every command line a test starts, uses a cache folder of its own
(:mod:`drafter.cache`), made for the run and removed after it: the user's is never touched."""

import atexit
import os
import shutil
import tempfile

_FOLDER = tempfile.mkdtemp(prefix="drafter-test-cache-")
os.environ["DRAFTER_CACHE_DIR"] = _FOLDER
atexit.register(shutil.rmtree, _FOLDER, True)
