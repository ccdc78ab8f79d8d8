"""Drives an MCP server with the Python reference client (`mcp` from PyPI), over stdio or
over the streamable HTTP transport.

Usage: python drive.py SERVER [ARGS...] < scenario.json      (stdio: starts the server)
       python drive.py --http URL < scenario.json             (HTTP: the server is running)

Over HTTP, $MCP_BEARER (when set) is sent as `Authorization: Bearer …`, and the report adds the
HTTP status of every response (`statuses`); a session that fails reports `error` instead of the
tools and results.

The scenario is {"calls": [{"tool": NAME, "arguments": {...}}, ...]}. The server is started
with this process's environment; the calls run one after another. Printed on stdout, as one
JSON document: the server's name, the listed tools and the result of every call, each as on
the wire (`inputSchema`, `isError`, `content`, `structuredContent`, …). The test
(intercom-mcp/tests/mcp.rs) makes every assertion; this script only reports.
"""

import asyncio
import json
import os
import sys

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client
from mcp.client.streamable_http import streamable_http_client
from mcp.shared._httpx_utils import create_mcp_http_client


async def drive(server, args, scenario):
    params = StdioServerParameters(command=server, args=args, env=dict(os.environ))
    async with stdio_client(params) as (read, write):
        return await run(read, write, scenario)


async def drive_http(url, scenario):
    bearer = os.environ.get("MCP_BEARER")
    headers = {"Authorization": f"Bearer {bearer}"} if bearer is not None else None
    statuses = []

    async def record(response):
        statuses.append(response.status_code)

    client = create_mcp_http_client(headers=headers)
    client.event_hooks = {"response": [record]}
    try:
        async with client:
            async with streamable_http_client(url, http_client=client) as (read, write):
                report = await run(read, write, scenario)
    except Exception as error:  # noqa: BLE001 - reported for the test to judge
        report = {"error": repr(error)}
    report["statuses"] = statuses
    return report


async def run(read, write, scenario):
    async with ClientSession(read, write) as session:
        init = await session.initialize()
        listed = await session.list_tools()
        tools = [wire(tool) for tool in listed.tools]
        results = []
        for call in scenario["calls"]:
            result = await session.call_tool(call["tool"], call.get("arguments") or {})
            results.append(wire(result))
        return {"server": wire(init)["serverInfo"]["name"], "tools": tools, "results": results}


def wire(model):
    """A protocol object as it is on the wire (camelCase names, no absent fields)."""
    return model.model_dump(mode="json", by_alias=True, exclude_none=True)


def main():
    if len(sys.argv) < 2 or (sys.argv[1] == "--http" and len(sys.argv) != 3):
        sys.exit("usage: drive.py SERVER [ARGS...] < scenario.json | drive.py --http URL < scenario.json")
    scenario = json.load(sys.stdin)
    if sys.argv[1] == "--http":
        report = asyncio.run(drive_http(sys.argv[2], scenario))
    else:
        report = asyncio.run(drive(sys.argv[1], sys.argv[2:], scenario))
    json.dump(report, sys.stdout)


if __name__ == "__main__":
    main()
