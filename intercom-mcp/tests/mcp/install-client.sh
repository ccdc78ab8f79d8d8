#!/bin/sh
# Installs the Python MCP reference client that intercom-mcp/tests/mcp.rs drives the
# intercom-mcp binary with: a virtual environment at .cache/mcp-client (under the workspace
# root) holding exactly the pins of requirements.txt, next to this script. Does nothing when
# the environment already holds them. $PYTHON names the interpreter (default python3).
#
# A script rather than an xtask: building the xtask (the generator and its parsers, with
# dependency features other than the test build's) cost a fresh clone's test command ~95 s.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
venv="$root/.cache/mcp-client"
requirements="$here/requirements.txt"
stamp="$venv/installed-requirements.txt"
if [ -x "$venv/bin/python" ] && cmp -s "$requirements" "$stamp"; then
    echo "mcp client: .cache/mcp-client is up to date"
    exit 0
fi
[ -x "$venv/bin/python" ] || "${PYTHON:-python3}" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input \
    --require-virtualenv -r "$requirements"
cp "$requirements" "$stamp"
echo "mcp client: installed intercom-mcp/tests/mcp/requirements.txt into .cache/mcp-client"
