#!/usr/bin/env bash
# Runs every test from a clean clone: installs and starts what the tests need, builds with warnings as errors,
# runs all test projects, and ends with one "tests: N passed, N failed" line.
set -euo pipefail
cd "$(dirname "$0")/.."

# Azurite (storage emulator) from the project's pinned package-lock.json; the integration tests use it.
bash scripts/azurite.sh start

# Headless Chromium: a report test opens report.html in it and fails when it is missing (clean Debian: apt, root).
if [ ! -x /usr/bin/chromium ]; then
  apt-get update -qq && apt-get install -y -qq chromium
fi

dotnet build GradingFunctions.sln -c Release -warnaserror -nologo -v minimal

# The deployment: Bicep builds and lints with no warnings (Bicep CLI restored from NuGet into .tools/).
bash infra/validate.sh

log="$(mktemp)"
set +e
dotnet test GradingFunctions.sln -c Release --no-build -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

awk '
  match($0, /Failed: +[0-9]+/) { f += substr($0, RSTART + 7, RLENGTH - 7) + 0 }
  match($0, /Passed: +[0-9]+/) { p += substr($0, RSTART + 7, RLENGTH - 7) + 0 }
  END { printf "tests: %d passed, %d failed\n", p, f }' "$log"

exit "$status"
