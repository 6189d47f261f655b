"""Keep the theme's compiled templates between the preview's rebuilds.

MkDocs makes a new Jinja environment for every build, so `mkdocs serve` compiled all of
Material's templates again after every edit: about a third of a rebuild. Jinja's own bytecode
cache keeps them here, in memory, for the life of the process. Jinja checks each template's
source against the cached one, so an edited template (in `overrides/`) is compiled again.
"""

from __future__ import annotations

from jinja2 import Environment
from jinja2.bccache import Bucket, BytecodeCache


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates in memory, by Jinja's key (template name and file)."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        """Fill the bucket with the template's compiled code, if it is kept."""
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep a template's newly compiled code."""
        self.compiled[bucket.key] = bucket.bytecode_to_string()


_CACHES: dict[tuple[object, ...], MemoryBytecodeCache] = {}
"""One cache for each way of compiling: code compiled with other settings is never mixed in."""


def keep_compiled_templates(env: Environment) -> Environment:
    """Give the environment the bytecode cache of environments compiled like it; return it."""
    settings = (env.block_start_string, env.block_end_string, env.variable_start_string,
                env.variable_end_string, env.comment_start_string, env.comment_end_string,
                env.line_statement_prefix, env.line_comment_prefix, env.trim_blocks,
                env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline,
                env.optimized, env.autoescape, env.is_async, env.finalize,
                env.code_generator_class, tuple(sorted(env.extensions)))
    env.bytecode_cache = _CACHES.setdefault(settings, MemoryBytecodeCache())
    return env
