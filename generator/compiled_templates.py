"""Keep Jinja's compiled templates between builds, in the user's own cache folder.

Compiling the generator's page templates took 0.7 s of every build at 1,000 topics, and each
MkDocs build compiled Material's templates again (four builds a `build`: two outputs, two
languages). Jinja's own `FileSystemBytecodeCache` keeps them in `health-generator/templates-…/`
beside the content cache (generator/content/content_cache.py). Jinja checks each template's
source against the one it compiled, so an edited template is compiled again, and each way of
compiling (the environment's settings, the generator's files and libraries) has a folder of its
own, so code compiled with other settings is never mixed in. Compiled code runs when it is
loaded, so, like the content cache, a folder anyone else may write to is never used.
"""

from __future__ import annotations

import hashlib

from jinja2 import Environment
from jinja2.bccache import FileSystemBytecodeCache

from generator.content.content_cache import cache_folder, generator_fingerprint, private


def keep_compiled(env: Environment) -> Environment:
    """Give the environment the compiled templates of earlier builds, and keep its own."""
    folder = cache_folder() / f"templates-{_settings_digest(env)}"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if private(folder.parent) and private(folder):
            env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    except OSError:  # no cache folder: the templates are compiled in memory, as before
        pass
    return env


def _settings_digest(env: Environment) -> str:
    """Return a hash of everything that shapes the code Jinja compiles for this environment."""
    def name(value: object) -> str:
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', value)!r}"

    settings = (env.block_start_string, env.block_end_string, env.variable_start_string,
                env.variable_end_string, env.comment_start_string, env.comment_end_string,
                env.line_statement_prefix, env.line_comment_prefix, env.trim_blocks,
                env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline,
                env.optimized, name(env.autoescape), env.is_async, name(env.finalize),
                name(env.code_generator_class), *sorted(env.extensions),
                generator_fingerprint())
    return hashlib.sha256(repr(settings).encode()).hexdigest()[:24]
