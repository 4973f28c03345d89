"""pdfminer's page interpreter with a faster reading of the content stream, for table pages.

pdfminer reads a content stream a byte at a time through a state machine in Python, and logs every token
at debug level on the way: about a third of pdfplumber's time on a table page. `tokens` reads the same
stream with one regular expression, and `FastInterpreter` runs pdfminer's own operators (the same device,
the same graphics and text state) on what it reads.

`tokens` accepts only the plain subset of the syntax that PDF writers print (numbers, names without `#`
escapes, literal strings without nested parentheses or line continuations, hex strings, arrays, dicts,
comments, operators) and for that subset gives exactly the objects pdfminer's PDFContentParser gives.
Anything else (an inline image, a name with a `#` escape, a stray delimiter, an unbalanced array, a
stream pdfminer cannot decode) makes it return None before a single operator has run, and the page is
read by pdfminer's own parser from the start: this never guesses what pdfminer would make of odd input.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from pdfminer import settings
from pdfminer.pdfinterp import PDFInterpreterError, PDFPageInterpreter
from pdfminer.pdftypes import PDFStream, stream_value
from pdfminer.psparser import KWD, LIT, PSKeyword, PSLiteral, keyword_name

# One token of the plain subset, or whitespace and comments (no group). pdfminer's delimiters end a name
# or an operator: / % [ ] ( ) < > { } # and whitespace.
_TOKEN = re.compile(
    rb"""
    [ \t\n\r\f\v]+ | %[^\r\n]*
    | (?P<number>[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))
    | /(?P<name>[^\#/%\[\]()<>{}\s]*)
    | (?P<operator>[A-Za-z][^\#/%\[\]()<>{}\s]*|['"])
    | \((?P<string>(?:[^()\\]|\\[btnfr()\\]|\\[0-7]{1,3})*)\)
    | <(?P<hex>[0-9A-Fa-f \t\n\r\f\v]*)>
    | (?P<open>\[|<<) | (?P<close>\]|>>)
    """,
    re.VERBOSE,
)
_NUMBER, _NAME, _OPERATOR, _STRING, _HEX, _OPEN, _CLOSE = (
    _TOKEN.groupindex[name] for name in ("number", "name", "operator", "string", "hex", "open", "close")
)
# pdfminer's escapes in a literal string (PSBaseParser's ESC_STRING), and octal codes of up to 3 digits.
_ESCAPES = {
    b"b": b"\b", b"t": b"\t", b"n": b"\n", b"f": b"\f", b"r": b"\r", b"(": b"(", b")": b")", b"\\": b"\\"
}
_ESCAPE = re.compile(rb"\\([btnfr()\\]|[0-7]{1,3})")
_WHITESPACE = re.compile(rb"[ \t\n\r\f\v]")
# pdfminer's content parser reads these itself (an inline image: BI dict ID data EI).
# tokens holds a page's objects in a list before they run, where pdfminer's parser hands them over one
# at a time: pages with more content than this (a table page holds 5-50 KB) are left to pdfminer, so a
# page near Limits.max_content_bytes_per_page costs no more memory than it did.
MAX_PLAIN_BYTES = 2 * 1024 * 1024
_INLINE_IMAGE = frozenset(KWD(name) for name in (b"BI", b"ID", b"EI"))
_OPENING = {b"]": b"[", b">>": b"<"}


class _NotPlain(Exception):
    """Syntax outside the plain subset: pdfminer's parser reads this stream."""


def _unescaped(match: re.Match[bytes]) -> bytes:
    code = match.group(1)
    if code in _ESCAPES:
        return _ESCAPES[code]
    value = int(code, 8)
    if value > 255:  # pdfminer fails an assertion here
        raise _NotPlain("octal escape above 255")
    return bytes((value,))


def _hex_bytes(digits: bytes) -> bytes:
    """pdfminer's reading of a hex string: whitespace dropped, pairs of digits, a last odd digit alone."""
    digits = _WHITESPACE.sub(b"", digits)
    return bytes(int(digits[i : i + 2], 16) for i in range(0, len(digits), 2))


def _name(raw: bytes) -> PSLiteral:
    try:
        return LIT(str(raw, "utf-8"))
    except UnicodeDecodeError:
        return LIT(raw)


def _closed(kind: bytes, items: list[Any]) -> list[Any] | dict[str, Any]:
    if kind == b"[":
        return items
    if len(items) % 2 or not all(isinstance(key, PSLiteral) for key in items[::2]):
        raise _NotPlain("a dictionary that is not name/value pairs")
    # As PSStackParser builds it: keys by literal_name, null values dropped.
    return {
        key.name if isinstance(key.name, str) else str(key.name): value
        for key, value in zip(items[::2], items[1::2], strict=True)
        if value is not None
    }


def _stream_tokens(data: bytes, objects: list[Any], stack: list[tuple[bytes, list[Any]]]) -> None:
    """Append the objects of one stream to `objects` (arrays and dicts left open in `stack` carry over
    to the next stream, as pdfminer's parser carries them)."""
    position, end = 0, len(data)
    target = stack[-1][1] if stack else objects
    match = _TOKEN.match
    while position < end:
        token = match(data, position)
        if token is None:
            raise _NotPlain(f"unexpected byte {data[position:position + 1]!r}")
        position = token.end()
        kind = token.lastindex
        if kind is None:
            continue  # whitespace or a comment
        text = token.group(kind)
        if kind == _NUMBER:
            target.append(float(text) if b"." in text else int(text))
        elif kind == _OPERATOR:
            if text == b"true" or text == b"false":
                target.append(text == b"true")
                continue
            if stack:
                raise _NotPlain("an operator inside an array or dictionary")
            operator = KWD(text)
            if operator in _INLINE_IMAGE:
                raise _NotPlain("an inline image")
            target.append(operator)
        elif kind == _NAME:
            target.append(_name(text))
        elif kind == _STRING:
            target.append(_ESCAPE.sub(_unescaped, text) if b"\\" in text else text)
        elif kind == _HEX:
            target.append(_hex_bytes(text))
        elif kind == _OPEN:
            stack.append((text[:1], []))
            target = stack[-1][1]
        else:  # _CLOSE
            if not stack or stack[-1][0] != _OPENING[text]:
                raise _NotPlain("a closing bracket without its opening one")
            opened, items = stack.pop()
            target = stack[-1][1] if stack else objects
            target.append(_closed(opened, items))


def tokens(datas: Sequence[bytes]) -> list[Any] | None:
    """The objects pdfminer's PDFContentParser reads from these decoded streams in turn (operators as
    PSKeyword, arrays as lists, dicts as dicts, strings as bytes, names as PSLiteral), or None when a
    stream uses syntax outside the plain subset or the streams hold more than MAX_PLAIN_BYTES."""
    if sum(map(len, datas)) > MAX_PLAIN_BYTES:
        return None
    objects: list[Any] = []
    stack: list[tuple[bytes, list[Any]]] = []
    try:
        for data in datas:
            _stream_tokens(data, objects, stack)
    except _NotPlain:
        return None
    return None if stack else objects


class FastInterpreter(PDFPageInterpreter):
    """PDFPageInterpreter whose content streams are read by `tokens` when they can be; otherwise, and for
    streams pdfminer would refuse or warn about (not indirect, circular), pdfminer's own execute runs."""

    def execute(self, streams: Sequence[object]) -> None:
        plain = self._plain_objects(streams)
        if plain is None:
            super().execute(streams)
            return
        objects, stream_ids = plain
        self.stream_ids.clear()
        self.stream_ids.update(stream_ids)
        operators: dict[PSKeyword, tuple[Callable[..., Any] | None, int]] = {}
        argstack = self.argstack
        for obj in objects:
            if type(obj) is not PSKeyword:
                argstack.append(obj)
                continue
            operator = operators.get(obj)
            if operator is None:
                operator = operators[obj] = self._operator(obj)
            function, count = operator
            if function is None:
                continue
            if count:
                # PDFPageInterpreter.pop: the last `count` operands, fewer if fewer are on the stack.
                args = argstack[-count:]
                del argstack[-count:]
                if len(args) == count:
                    function(*args)
            else:
                function()
            argstack = self.argstack  # an operator may have replaced the stack

    def _plain_objects(self, streams: Sequence[object]) -> tuple[list[Any], set[int]] | None:
        """The objects of the streams and their ids, or None for pdfminer's execute to handle them."""
        datas, ids = [], set()
        for obj in streams:
            try:
                stream = stream_value(obj)
                if not isinstance(stream, PDFStream) or stream.objid is None:
                    return None
                if stream.objid in self.parent_stream_ids:
                    return None
                data = stream.get_data()
            except Exception:  # pdfminer's execute raises or reports it as it does
                return None
            if not isinstance(data, bytes):
                return None
            datas.append(data)
            ids.add(stream.objid)
        if not datas:
            return None
        objects = tokens(datas)
        return None if objects is None else (objects, ids)

    def _operator(self, keyword: PSKeyword) -> tuple[Callable[..., Any] | None, int]:
        """The method pdfminer's execute calls for `keyword` and how many operands it takes."""
        name = keyword_name(keyword)
        method = "do_" + name.replace("*", "_a").replace('"', "_w").replace("'", "_q")
        function = getattr(self, method, None)
        if function is None:
            if settings.STRICT:
                raise PDFInterpreterError(f"Unknown operator: {name!r}")
            return None, 0
        return function, function.__code__.co_argcount - 1
