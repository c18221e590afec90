"""Settings for the test suite: a throw-away data folder, fast password hashing."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("CPS_DATA_DIR", tempfile.mkdtemp(prefix="cps-test-"))
os.environ.setdefault("CPS_SECRET_KEY", "test-" + "x" * 60)

from cps.web.config.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAX_UPLOAD_MB = 1
MAX_EXTRACT_MB = 1
