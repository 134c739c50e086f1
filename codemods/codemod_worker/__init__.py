"""The Python side of the engine: a JSON Lines worker that runs LibCST codemods on file contents it is sent.

``python3 -m codemod_worker [--codemods DIR ...]`` reads one request per line on stdin and writes one response per line
on stdout (protocol version 1: hello, list, transform, scan, shutdown). It never opens or writes project files: every
file arrives as base64 of its raw bytes and leaves the same way, so LibCST alone decides encodings, BOMs and line
endings.
"""

PROTOCOL_VERSION = 1
