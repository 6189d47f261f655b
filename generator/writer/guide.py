"""The writer's guide, made from the models' field descriptions and the worked examples."""

from __future__ import annotations

import datetime
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from generator import kinds
from generator.content import models
from generator.content.model_types import choices, is_model, list_item, without_none
from generator.kinds import EXAMPLES, Kind
from generator.languages import SPANISH as SPANISH_RULES
from generator.writer import editor_rules, readability
from generator.writer.scaffold import min_items

_ROOT = EXAMPLES.parents[2]
SPANISH = SPANISH_RULES.reading
_INTRO = """\
# Writing content

<!-- Made by `python -m generator guide` from generator/content/models.py and
     generator/writer/examples/. Do not edit it by hand: change those, then run the command
     again. -->

This guide lists every field of every kind of content file, with a worked example of each.
Your editor can also check the files as you type: see "Editor help" at the end.

## Adding a topic, step by step

1. Start the file: `.venv/bin/python -m generator new condition leg-cramp` writes
   `content/conditions/leg-cramp.yml` with every field, each with a comment that says what
   goes there. Kinds: {kinds}.
2. Replace every `TODO`. Delete an optional field you do not need.
3. Check your work: `make check` names each field still to write and each mistake,
   with its file, line and column, and warns about hard sentences, hard words, overdue
   reviews and a site with no `contact`.
4. Add the new condition to a comparison's `conditions` and to a flowchart outcome's
   `conditions`, if it belongs there.
5. Preview the site: `make serve`, then open <http://127.0.0.1:8000>. If the content has a
   mistake, the preview shows it on the page.
6. See which pages need a review soon: `.venv/bin/python -m generator review --within 30`.

## Writing the files: long text and quotes

Each field is its name, a colon, a space and what you write: `name: Leg cramp`. Most text needs
nothing more. Three things help.

**Long text: start it with `>`.** Write `>` after the field's name, then the text on the lines
below, each indented two spaces more than the name. The lines are joined into one paragraph.
In this text, colons, `#` and quotes are just text: no quotes are needed around it.

```yaml
summary: >
  A muscle in your leg suddenly tightens and hurts.
  Note: it usually passes within a few minutes.
```

**Paragraphs and lists: start with `|`.** With `|`, each line stays as you wrote it. A blank
line starts a new paragraph, and lines that start with `- ` make a list (leave a blank line
before it). Do not use `>` for these: it joins the lines, so a list becomes one line of text.

```yaml
body: |
  Some things may help.

  - Stretch the muscle gently.
  - Drink some water.
```

**Quotes: put a one-line text in double quotes** when:

- it holds a colon and a space, or ends with a colon: `"Note: see a doctor."`;
- it holds a space and then `#`: `"Cramp #2"` (without quotes, the words from the `#` on
  would be left off the page, so `check` refuses it);
- it starts with `*`, `'`, `[`, `{{`, `>`, `|`, `!`, `&`, `%`, `@`, `#`, a backtick, or `-` or
  `?` and a space: `"*Rarely*, it is serious."`;
- it is only `true`, `false`, `null` or a number: `"10"`.

If the text holds double quotes itself, put single quotes around it, and write each
apostrophe in it twice:

```yaml
question: 'What''s a "charley horse"?'
```

## Rules for every file

- **One file per page.** The file's name is its id: `content/conditions/leg-cramp.yml` has
  `id: leg-cramp`. Files end in `.yml`, in small letters.
- **Ids** (short names) use small letters, digits and single hyphens, like `leg-cramp`.
- **One line of plain text** (names, titles, questions) shows exactly as you type it.
- **Text** may use a few marks: `*emphasis*`, `**strong**`, links written as
  `[words](https://…)`, and lists. Links start with `https:`, `http:`, `mailto:` or `tel:`.
  A web address typed as words (`https://…` or `www.…`) cannot be tapped, so `check` refuses
  it: write `[words that say where it goes](https://www.nhs.uk/)`.
  In an `emergency` group, warning signs and an emergency outcome, links may only call a
  phone number (`tel:`). There, and in the hint of a question that leads to an emergency
  outcome, a phone link calls the emergency number or one in `emergency.other_numbers`, and
  its words show no other number: `[Call 911](tel:911)`. Text may not hold HTML (`<b>`),
  images, headings or an address in `< >`.
- **Dates** are written like `2026-11-26` (year, month, day), without quotes.
  `next_review_due` is after `last_reviewed`. Leave out `reviewed_by` unless a real person
  reviewed the page.
- **When to get help** is a list of groups, each with a `care` level and its `items`. Every
  condition needs an `emergency` group. The emergency number comes from the site's `locale`
  (911 for en-US, 999 for en-GB, 112 for most of Europe) unless `emergency.number` sets it to
  another number that country answers. `check` refuses any other number unless
  `emergency.number_confirmed_by` names who confirmed it, and then warns.
- **Comparison rows** name a condition field; each cell is read from that condition's own file,
  so each fact is written in one place only. A comparison lists each condition once, and each
  field in one row only.
- **Questions and headings**: a page asks each FAQ question once, and uses each section
  heading once. `check` refuses two that differ only in capitals, spaces or marks
  (`Does it hurt?` and `does it hurt ?`), or that would get the same link on the page.
- **Flowcharts** start at the question named by `start`; each answer's `next` names the next
  question or outcome. `check` refuses an unknown target, a repeated id, answer value or
  outcome condition, a step nobody can reach, a circle of questions, a question with one
  answer, a dead end, and an emergency outcome that links away. `python -m generator graph ID`
  prints it as a diagram.
- **Reading level**: each page reads at US school grade {page_grade:.0f} or lower (the
  Flesch-Kincaid score), and each sentence has {words} words or fewer and, from {min_words}
  words up, reads at grade {sentence_grade:.0f} or lower. `check` warns about each one;
  `check --strict` (the tests) fails on them.
  Spanish pages get the Fernández-Huerta score instead, a scale made for Spanish, whose words
  have more syllables. It runs from 0 (very hard) to 100 (very easy): long words and long
  sentences bring it down. Higher is easier, so each Spanish page scores
  {es_page:.0f} or more (about grade {es_page_grade}), and each sentence of {min_words} words
  or more scores {es_sentence:.0f} or more (about grade {es_sentence_grade}).
- **Plain words**: `content/plain-words.yml` lists medical words many readers do not know,
  each with the plain words to write instead (`involuntary`: `that you cannot control`).
  `check` warns at each one it finds, at its line and column, and `check --strict` fails on
  them. A topic may use its own `name` and `other_names`. Add a word whenever you meet one.
  A translation has its own list in its own folder, like `content/es/plain-words.yml`.
- **Review dates**: `check` warns about a page whose review is overdue; `check --strict`
  fails on it.
- **Contact**: `check` warns when `site.yml` gives no `contact`, because then no page can tell
  readers how to report a mistake. Add one only when someone reads what arrives there.
"""
_TRANSLATIONS = """\
## Translations

A site can be published in more than one language. Each page of another language is a
translation of a page in the site's own language (its original), and says the same: readers
of every language get the same facts, the same questions and the same care.

1. **List the language** in `content/site.yml`: `languages: [en, es]`. The first is the site's
   own language, the one of its `locale`. The site then needs a folder for each other language,
   named by its code: `content/es/`, with its own `site.yml` (its title, description, intro and
   emergency message in that language, and a `locale` in it, like `es-US`; no `url`, `contact`
   or `languages`, which come from the original). The Spanish site is published at `es/`.
2. **Start each translation** from its original:
   `.venv/bin/python -m generator new condition muscle-twitch --language es` copies
   `content/conditions/muscle-twitch.yml`, comments and all, to
   `content/es/conditions/muscle-twitch.yml`. A translation has the same folder, file name and
   id as its original. Kinds: {kinds}.
3. **Translate the text**, and keep the rest as it is: every id, a flowchart's `start`, each
   answer's `value` and `next`, each outcome's `care` and `conditions`, the `care` of each group
   of "when to get help" (in the same order), and a comparison's `conditions` and each of its
   rows' `field`. `check` refuses a translation
   where any of them differs, and names the line in the translation and the line in the
   original. It also refuses a translation whose site would call another emergency number.
   A translation may have its own `plain-words.yml`, in its own language.
4. **Check it**: `make check`. Each page is read by the rules of its own language (see
   "Reading level" above: Spanish pages by the Fernández-Huerta score).

**What `translated_from` means.** `new --language` adds a line like
`translated_from: {example}` to the top of the translation: the version of the original it was
made from, 12 letters and digits that change whenever what the original says changes (not its
comments or spacing). Every translation has one, and an original never does. When the original
changes, `check` and `review` warn that the translation is stale: its original has changed since
it was made. Read the original again, bring the translation up to date, then set
`translated_from` to the version the warning names. `check` and `review` also warn about a page
that has no translation yet in a language the site lists, with the `new` command that starts it.
"""
_EDITOR = """\
## Editor help

Each content file starts with a line that tells editors how to check it:

```yaml
# yaml-language-server: $schema=../../generator/writer/schemas/condition.json
```

VS Code with the YAML extension (`redhat.vscode-yaml`) reads it, and `.vscode/settings.json`
maps the folders to the same checks. As you type, the editor underlines a missing or unknown
field, a value of the wrong kind, a `TODO` still to write, an id that is not small letters,
digits and hyphens, a date that is not a real date, a web address that does not start with
`https://` or `http://`, and in text: HTML, images, link definitions, and links that would not
work. Point at the underline to read what to do. The checks are made from the same format as
this guide (`.venv/bin/python -m generator schema --write`).

Only `make check` finds these, so run it before you finish:

{only_check}
"""


def guide() -> str:
    """Return the writer's guide as Markdown."""
    started = ", ".join(f"`{kind.name}`" for kind in kinds.folder_kinds())
    parts = [_INTRO.format(
        kinds=started, page_grade=readability.PAGE_GRADE_LIMIT,
        words=readability.SENTENCE_WORD_LIMIT, min_words=readability.SENTENCE_GRADE_MIN_WORDS,
        sentence_grade=readability.SENTENCE_GRADE_LIMIT,
        es_page=SPANISH.page.score, es_page_grade=SPANISH.page.grade,
        es_sentence=SPANISH.sentence.score, es_sentence_grade=SPANISH.sentence.grade)]
    parts.append(_TRANSLATIONS.format(kinds=started, example="3f9a0c51d2e8"))
    for kind in kinds.KINDS:
        parts.append(_kind_section(kind))
    parts.append(_EDITOR.format(only_check="\n".join(
        f"- {item}." for item in editor_rules.ONLY_CHECK)))
    return "\n".join(parts)


def kind_title(kind: str) -> str:
    """Return the heading word of a kind of file, like `Plain words`."""
    return kind.capitalize().replace("-", " ")


def _kind_section(kind: Kind) -> str:
    where = f"content/{kind.file}" if kind.file else f"content/{kind.folder}/<id>.yml"
    rows = "\n".join(f"| `{path}` | {need} | {what} | {text} |"
                     for path, need, what, text in _rows(kind.model, ""))
    example = kind.example
    shown = example.relative_to(_ROOT) if example.is_relative_to(_ROOT) else example
    return (f"## {kind_title(kind.name)}: `{where}`\n\n{_doc(kind.model)}\n\n"
            "| Field | Needed | What it holds | What to write |\n|---|---|---|---|\n"
            f"{rows}\n\n### Example\n\n`{shown.as_posix()}`:"
            f"\n\n```yaml\n{example.read_text(encoding='utf-8')}```\n")


def _doc(model: type[BaseModel]) -> str:
    return " ".join((model.__doc__ or "").split())


def _rows(model: type[BaseModel], prefix: str) -> Iterator[tuple[str, str, str, str]]:
    for name, info in model.model_fields.items():
        path = prefix + name
        inner = without_none(info.annotation)
        item = list_item(inner)
        what = _what(inner, info, min_items(model, name) if info.is_required() else 0)
        yield path, _need(info), what, _escape(info.description or "")
        nested = item if item is not None else inner
        if is_model(nested):
            yield from _rows(nested, f"{path}[]." if item is not None else f"{path}.")


def _need(info: FieldInfo) -> str:
    return "yes" if info.is_required() else "optional"


def _what(annotation: Any, info: FieldInfo, fewest: int) -> str:
    item = list_item(annotation)
    if item is not None:
        least = f", at least {fewest}" if fewest > 1 else ""
        return f"a list of {_plural(_kind_word(item, []))}{least}"
    return _kind_word(annotation, info.metadata)


# What each kind of value is, told by the validators pydantic keeps in a field's metadata.
_BY_VALIDATOR = {"_email_address": "an email address", "_web_address": "a web address",
                 "_site_address": "a web address", "_one_line": "one line of plain text",
                 "_markdown": "text"}


def _kind_word(annotation: Any, metadata: list[Any]) -> str:
    if typing.get_origin(annotation) is typing.Annotated:
        base, *extra = typing.get_args(annotation)
        return _kind_word(base, [*extra, *metadata])
    names = {getattr(getattr(m, "func", None), "__name__", "") for m in metadata}
    for validator, word in _BY_VALIDATOR.items():
        if validator in names:
            return word
    if any(getattr(m, "pattern", None) == _SLUG_PATTERN for m in metadata):
        return "an id"
    if annotation is datetime.date:
        return "a date"
    if annotation is bool:
        return "`true` or `false`"
    if is_model(annotation):
        return "a block of fields"
    allowed = choices(annotation)
    if allowed:
        return "one of " + ", ".join(f"`{c}`" for c in allowed)
    return "text"


_SLUG_PATTERN = typing.get_args(models.Slug)[1].pattern


def _plural(word: str) -> str:
    plurals = {"one line of plain text": "lines of plain text", "text": "texts",
               "a web address": "web addresses", "an email address": "email addresses",
               "an id": "ids", "a date": "dates",
               "a block of fields": "blocks"}
    return plurals.get(word, word)


def _escape(text: str) -> str:
    return text.replace("|", "\\|")
