"""signgen's own HTML blocks pass through Markdown as they are, without being parsed again.

A generated page holds long HTML that signgen built and escaped itself (a community's sign
schedule, the audit sheet). Python-Markdown parses every raw HTML block tag by tag (about
15 µs a tag), which with 1,000 communities is most of the site's Markdown time. Between the
lines :data:`RAW_START` and :data:`RAW_END` the block is stashed whole instead, exactly as
Python-Markdown stashes raw HTML it has parsed: the page's HTML is the same. Without this
extension (plain Markdown) the markers are HTML comments and the block is ordinary raw HTML.
"""

from __future__ import annotations

# Python-Markdown ships no type information: its base classes are Any here.
from markdown import Extension, Markdown  # type: ignore[import-untyped]
from markdown.preprocessors import Preprocessor  # type: ignore[import-untyped]

RAW_START = "<!-- signgen:html -->"
RAW_END = "<!-- /signgen:html -->"


def raw_block(html: str) -> str:
    """``html`` (escaped by its maker, no blank line inside) marked to pass through Markdown.

    >>> print(raw_block("<p>a</p>"))
    <!-- signgen:html -->
    <p>a</p>
    <!-- /signgen:html -->
    """
    return f"{RAW_START}\n{html}\n{RAW_END}"


class RawBlockPreprocessor(Preprocessor):  # type: ignore[misc]
    """Stash each marked block whole; an unterminated block is left to Markdown."""

    def run(self, lines: list[str]) -> list[str]:
        """Replace each marked block by a placeholder paragraph for its stashed HTML."""
        out: list[str] = []
        block: list[str] | None = None
        for line in lines:
            if block is None:
                if line == RAW_START:
                    block = []
                else:
                    out.append(line)
            elif line == RAW_END:
                out += ["", self.md.htmlStash.store("\n".join(block)), ""]
                block = None
            else:
                block.append(line)
        if block is not None:
            out += [RAW_START, *block]
        return out


class RawBlocks(Extension):  # type: ignore[misc]
    """The Markdown extension the signgen plugin adds to the site's extensions."""

    def extendMarkdown(self, md: Markdown) -> None:
        """Run before Python-Markdown's raw HTML preprocessor (priority 20)."""
        md.preprocessors.register(RawBlockPreprocessor(md), "signgen_raw_blocks", 25)
