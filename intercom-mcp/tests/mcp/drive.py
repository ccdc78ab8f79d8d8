"""Drives an MCP server over stdio with the Python reference client (`mcp` from PyPI).

Usage: python drive.py SERVER [ARGS...] < scenario.json

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


async def drive(server, args, scenario):
    params = StdioServerParameters(command=server, args=args, env=dict(os.environ))
    async with stdio_client(params) as (read, write):
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
    if len(sys.argv) < 2:
        sys.exit("usage: drive.py SERVER [ARGS...] < scenario.json")
    scenario = json.load(sys.stdin)
    report = asyncio.run(drive(sys.argv[1], sys.argv[2:], scenario))
    json.dump(report, sys.stdout)


if __name__ == "__main__":
    main()
