"""The whole site as a site builder reads it: pages, files, theme and configuration.

The conductor's result becomes a folder that a builder builds with no plugin of ours:
`mkdocs.yml`, the pages' Markdown with their front matter and the other files in `docs/`
(robots.txt, the oEmbed files and the npm assets), and the theme overrides in `overrides/`.
`python -m generator export DIR` writes it; `build` writes one for each output and runs the
builder on it; the preview hands MkDocs the same pages and settings in memory.

The configuration is the project's own mkdocs.yml (theme, palettes, Markdown extensions, scripts
and styles) with the site's values put in: its name, description, address and menu, and under
`extra.health` what the overrides show (the emergency text, the footer and search-help links).
The overrides are rendered by the builder's template engine, which cannot read our catalog, so
their words travel here too: `extra.health.words` holds every `theme.*` text of the catalog
(generator/wording.py) by the rest of its key (`theme.notfound.title` is
`words.notfound.title`), with the site's values put in, and `extra.health.script_words` the
scripts' `script.*` texts, as JSON that main.html hands the page. The palette toggles' names
come from the catalog as well. MkDocs' templates print these values as they are, without
escaping them, so every text value a page shows is HTML, escaped here, and every link arrives
as its address in this output. The site's name is Markup, which `| e` leaves alone: Material's
header escapes it once more.

Zensical reads the same mkdocs.yml with its own template engine (MiniJinja) and its own copy
of Material's theme. Its site source differs only where it must (`builder="zensical"`): the
theme's classic look, which is Material's, rather than its new one; and the templates in
ZENSICAL_THEME, which replace the overrides that read MkDocs' own objects (the sitemap); and
without the search box override, since Zensical's search is its own (ZENSICAL_LEFT_OUT).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Literal, TypeVar
from urllib.parse import urlsplit

import yaml  # type: ignore[import-untyped]
from markupsafe import Markup, escape

from generator.content.models import Contact
from generator.content.project import Project
from generator.site import front_matter, routes
from generator.site.contact import contact_links
from generator.site.front_matter import FrontMatter
from generator.site.navigation import NavEntry
from generator.site.render import Pages
from generator.site.views import search_help_links
from generator.wording import Wording

CONFIG = "mkdocs.yml"
DOCS = "docs"
THEME = "overrides"
PLUGIN = "health-content"
"""Our MkDocs plugin, which only the preview needs: the site source never lists it."""
OFFLINE_PLUGINS = ("offline", "material/offline")

Builder = Literal["mkdocs", "zensical"]
"""The site builders a site source is written for."""
ZENSICAL_THEME = Path(__file__).parents[1] / "builders" / "zensical_theme"
"""Templates that take the place of overrides/ files in Zensical's site source."""
ZENSICAL_LEFT_OUT = ("partials/search.html",)
"""Overrides that Zensical's theme has no place for: its search is a dialog of its own, which
Material's search box (with our help for a search that finds nothing) would replace."""

NPM_ASSETS = {
    "assets/javascripts/iframe-worker-shim.js": "node_modules/iframe-worker/shim/index.js",
}
"""Front-end files from the npm registry (package.json): site path → file, from mkdocs.yml's
folder. The iframe-worker shim lets search run from file:// in the offline bundle."""

_Part = TypeVar("_Part")

_HEADER = ("# Written by `python -m generator export`, from the content and the project's "
           "mkdocs.yml:\n# edit those instead. Build it with `mkdocs build -f mkdocs.yml`, "
           "then secure it with\n# `python -m generator guard site`.\n")


class SiteSourceError(Exception):
    """A file the site source needs is missing or cannot be read."""


@dataclass(frozen=True)
class SiteSource:
    """Everything a builder needs to build one output of the site."""

    bodies: Pages
    """Each page's Markdown after its front matter, by source path."""
    front_matter: dict[str, FrontMatter]
    """Each page's front matter as the builder takes it: text escaped, links as addresses."""
    files: Pages
    """The other generated files: robots.txt and, on the website, the oEmbed files."""
    assets: dict[str, Path]
    """Files copied into the site as they are (the npm assets), by site path."""
    theme_dir: Path | None
    """The theme overrides (mkdocs.yml's `theme.custom_dir`)."""
    settings: dict[str, Any]
    """The values the content gives the builder's configuration (name, address, menu, extra)."""
    config: dict[str, Any]
    """The whole configuration, as written to mkdocs.yml."""
    builder: Builder = "mkdocs"
    """The builder this source is written for."""

    @cached_property
    def pages(self) -> Pages:
        """Return the whole Markdown pages, front matter first."""
        return {path: front_matter.page(self.front_matter[path], body)
                for path, body in self.bodies.items()}


def assemble(project: Project, bodies: Pages, values: dict[str, FrontMatter], files: Pages,
             nav: list[NavEntry], config_file: Path, *, words: Wording, offline: bool,
             builder: Builder = "mkdocs", folder: str = "") -> SiteSource:
    """Return the site source of the website, or of the offline bundle when `offline`.

    The offline bundle leaves out what only the website serves (`routes.WEBSITE_ONLY`: the
    embeddable FAQ pages and their oEmbed files), so its menu, links and search cannot name them.
    `folder` is where this language's site goes in the whole site (`es/`, or empty for the
    site's own language): the theme, its search and `<html lang>` take the project's language,
    and each page's links to its versions in the other languages go from there.
    """
    if offline:
        bodies, values = _without_website_only(bodies), _without_website_only(values)
        files = _without_website_only(files)
    root = config_file.parent
    base = _named_palette_toggles(read_config(config_file), words)
    link = _Links(set(bodies), folders=not offline)
    settings = site_settings(project, nav, link, words)
    versions = _Versions(folder, _whole_site_url(project.site.url, folder), folders=not offline)
    theme = base.get("theme")
    custom_dir = theme.get("custom_dir") if isinstance(theme, dict) else None
    return SiteSource(
        bodies=bodies,
        front_matter={path: _builder_values(page, link, versions.of(path))
                      for path, page in values.items()},
        files=files,
        assets={path: _npm_asset(root, source) for path, source in NPM_ASSETS.items()},
        theme_dir=root / custom_dir if isinstance(custom_dir, str) else None,
        settings=settings,
        config=_config(base, settings, offline=offline, builder=builder,
                       language=project.language),
        builder=builder,
    )


def site_settings(project: Project, nav: list[NavEntry], link: _Links,
                  words: Wording) -> dict[str, Any]:
    """Return the configuration values the content gives, escaped, with links as addresses."""
    site = project.site
    settings: dict[str, Any] = {
        "site_name": escape(site.title),
        "site_description": _html(site.description),
        "copyright": _html(words.text("config.copyright", publisher=site.publisher)),
        "nav": _escaped_nav(nav),
        "extra": {"health": {
            "emergency_message": _html(site.emergency.message),
            "emergency_number": _html(site.emergency_number),
            "footer_links": [link(p.title, routes.plain_page(p.id)) for p in project.pages],
            "search_help": [link(e["title"], e["path"]) for e in search_help_links(project, words)],
            "not_found_links": {"home": link.from_root(routes.HOME),
                                "topics": link.from_root(routes.TOPICS)},
            "contact": _footer_contact(site.contact, words),
            "site_root": _site_root(site.url),
            **override_words(words, site=site.title, number=site.emergency_number),
        }},
    }
    if len(project.languages) > 1:
        # The theme's header makes room for its language selector only when this is set; our
        # partials/alternate.html is that selector, with each page's own relative links.
        settings["extra"]["alternate"] = True
    if site.url:
        settings["site_url"] = site.url
    return settings


def override_words(words: Wording, **values: str) -> dict[str, Any]:
    """Return the words of the overrides and of the scripts, as `extra.health` holds them.

    `words`: each `theme.*` text, escaped, with `values` put in, under the parts of the rest of
    its key, so that both MkDocs' Jinja and Zensical's MiniJinja read it as
    `config.extra.health.words.notfound.title`. `script_words`: the `script.*` texts by the
    rest of their key, as JSON escaped for an attribute; a script fills in their braces.
    """
    nested: dict[str, Any] = {}
    for name, text in words.texts("theme.", **values).items():
        *parents, last = name.split(".")
        folder = nested
        for part in parents:
            folder = folder.setdefault(part, {})
        folder[last] = _html(text)
    scripts = json.dumps(words.texts("script."), ensure_ascii=False, sort_keys=True)
    return {"words": nested, "script_words": _html(scripts)}


def write(source: SiteSource, folder: Path) -> None:
    """Write the site source into `folder`: mkdocs.yml, docs/ and the theme's overrides/."""
    for path, data in _files(source, folder).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.read_bytes())


def update(source: SiteSource, folder: Path) -> None:
    """Make `folder`, which holds an earlier site source or nothing, hold this one, as `write`
    would, writing only the files that differ: after one edit, a few files of thousands.

    Only `folder`'s own docs/, overrides/ and mkdocs.yml are touched: another language's
    source may lie in a folder beside them (`es/`).
    """
    files = _files(source, folder)
    for part in (DOCS, THEME):
        for path in sorted((folder / part).rglob("*"), reverse=True):
            if path.is_dir() and not path.is_symlink():
                if not any(path.iterdir()):
                    path.rmdir()
            elif path not in files:
                path.unlink()
    for path, data in files.items():
        wanted = data if isinstance(data, bytes) else data.read_bytes()
        if not path.is_symlink() and path.is_file() and path.read_bytes() == wanted:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.unlink(missing_ok=True)
        path.write_bytes(wanted)


def _files(source: SiteSource, folder: Path) -> dict[Path, bytes | Path]:
    """Return every file of the site source by where it goes in `folder`: its bytes, or the
    file to copy them from."""
    docs = folder / DOCS
    files: dict[Path, bytes | Path] = {
        docs / path: text.encode("utf-8") for path, text in {**source.pages,
                                                             **source.files}.items()}
    files.update({docs / path: origin for path, origin in source.assets.items()})
    if source.theme_dir is not None:
        # Not its hidden files: the project's mkdocs.yml keeps its empty docs folder there.
        files.update(_theme_files(source.theme_dir, folder / THEME))
        if source.builder == "zensical":
            files.update(_theme_files(ZENSICAL_THEME, folder / THEME))
            for name in ZENSICAL_LEFT_OUT:
                del files[folder / THEME / name]
    files[folder / CONFIG] = config_text(source.config).encode("utf-8")
    return files


def _theme_files(theme_dir: Path, target: Path) -> dict[Path, bytes | Path]:
    """Return the theme folder's files, but not its hidden ones, by where they go."""
    return {target / path.relative_to(theme_dir): path for path in sorted(theme_dir.rglob("*"))
            if path.is_file() and not any(part.startswith(".")
                                          for part in path.relative_to(theme_dir).parts)}


def config_text(config: dict[str, Any]) -> str:
    """Return the configuration as mkdocs.yml: Python names as names, Markup as Markup."""
    text: str = yaml.dump(config, Dumper=_ConfigDumper, sort_keys=False, allow_unicode=True)
    return _HEADER + text


def read_config(config_file: Path) -> dict[str, Any]:
    """Return mkdocs.yml as MkDocs reads it, with its Python names (`!!python/name:`)."""
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise SiteSourceError(f"{config_file.as_posix()} cannot be read: {error}") from None
    if not isinstance(config, dict):
        raise SiteSourceError(f"{config_file.as_posix()} holds no settings.")
    return config


class _Links:
    """Make links to the site's pages, named by source path, into titled addresses."""

    def __init__(self, pages: set[str], *, folders: bool) -> None:
        self.pages = pages
        self.folders = folders

    def __call__(self, title: str, path: str) -> dict[str, str]:
        """Return a link as the templates take it: its title escaped, and its address."""
        if path not in self.pages:
            raise ValueError(f"A link goes to {path}, which is not a page.")
        return {"title": _html(title), "url": routes.address(path, folders=self.folders)}

    def from_root(self, path: str) -> str:
        """Return the address of a page as the 404 page links to it, from the site's root."""
        if path not in self.pages:
            raise ValueError(f"A link goes to {path}, which is not a page.")
        return routes.root_address(path, folders=self.folders)


def _without_website_only(part: dict[str, _Part]) -> dict[str, _Part]:
    """Return pages or files without those that only the website holds."""
    return {path: value for path, value in part.items() if not routes.website_only(path)}


class _Versions:
    """Make a page's versions in every language (`alternates`) into its links to them."""

    def __init__(self, folder: str, site_url: str | None, *, folders: bool) -> None:
        self.folder = folder
        self.site_url = site_url
        """The address of the whole site, the site's own language's (None without one)."""
        self.folders = folders

    def of(self, path: str) -> Callable[[list[dict[str, Any]]], list[dict[str, Any]]]:
        """Return how the page at `path` links to its versions: each with its address from
        the page (`href`, for the switcher) and the address search engines read (`alternate`:
        the full address on a website with one, else the same relative one). The theme's
        script fetches a sitemap beside each alternate, which a page opened from a file may
        fetch only from beside itself."""
        here = self.folder + routes.address(path, folders=self.folders).removeprefix("./")

        def links(versions: list[dict[str, Any]]) -> list[dict[str, Any]]:
            made = []
            for version in versions:
                there = version["folder"] + routes.address(
                    version["path"], folders=self.folders).removeprefix("./")
                href = routes.between(here, there)
                made.append({**version, "name": _html(version["name"]), "href": href,
                             "alternate": f"{self.site_url}{there}"
                             if self.site_url and self.folders else href})
            return made
        return links


def _hreflang(versions: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Return the page's versions for search engines, `x-default` the site's own language's:
    only where another language has the page, so that they always come in pairs."""
    translated = [version for version in versions if version["counterpart"]]
    if len(translated) < 2:
        return []
    links = [{"lang": version["locale"], "href": version["alternate"]} for version in translated]
    if versions[0]["counterpart"]:
        links.append({"lang": "x-default", "href": versions[0]["alternate"]})
    return links


def _whole_site_url(url: str | None, folder: str) -> str | None:
    """Return the address of the whole site, from that of one language's site in `folder`."""
    return url[:len(url) - len(folder)] if url and folder and url.endswith(folder) else url


def _builder_values(values: FrontMatter, link: _Links,
                    versions: Callable[[list[dict[str, Any]]], list[dict[str, Any]]]
                    ) -> FrontMatter:
    """Return a page's front matter with its title, description and notice escaped, menus
    and language versions as links, and the versions search engines read (`hreflang`)."""
    page = dict(values)
    if "languages" in page:
        page["languages"] = versions(page["languages"])
        if not page.get("noindex"):  # an embed, for other sites' frames
            page["hreflang"] = _hreflang(page["languages"])
    for key in ("title", "description", "notice"):
        if isinstance(page.get(key), str):
            page[key] = _html(page[key])
    menu = page.get("menu")
    if isinstance(menu, dict):
        page["menu"] = {
            "section": link(**menu["section"]) if menu["section"] else None,
            "letters": [link(**entry) for entry in menu["letters"]],
            "related": [link(**entry) for entry in menu["related"]]}
    return page


def _config(base: dict[str, Any], settings: dict[str, Any], *, offline: bool,
            builder: Builder, language: str) -> dict[str, Any]:
    # The site's own values first and its long menu last, so the file reads from the top.
    config = {key: value for key, value in settings.items() if key not in ("extra", "nav")}
    config["docs_dir"] = DOCS
    config.update({key: value for key, value in base.items()
                   if key not in (*settings, "docs_dir", "site_dir")})
    if isinstance(config.get("theme"), dict):
        # The theme's own words, its search's stemmer and <html lang>, in the site's language.
        config["theme"] = {**config["theme"], "language": language}
        if "custom_dir" in config["theme"]:
            config["theme"] = {**config["theme"], "custom_dir": THEME}
    if builder == "zensical" and isinstance(config.get("theme"), dict):
        # Zensical's own look loads other fonts and icons; the classic one is Material's.
        config["theme"] = {**config["theme"], "variant": "classic"}
    config["extra"] = {**(base.get("extra") or {}), **settings["extra"]}
    config["plugins"] = _plugins(base.get("plugins") or [], offline=offline)
    config["nav"] = settings["nav"]
    return config


def _named_palette_toggles(base: dict[str, Any], words: Wording) -> dict[str, Any]:
    """Return mkdocs.yml with each palette toggle named from the catalog, by its scheme."""
    theme = base.get("theme")
    if not isinstance(theme, dict) or not isinstance(palette := theme.get("palette"), list):
        return base
    return {**base, "theme": {**theme, "palette": named_palette(palette, words)}}


def named_palette(palette: list[Any], words: Wording) -> list[Any]:
    """Return mkdocs.yml's palette with each toggle named from the catalog, by its scheme."""
    names = {"default": words.text("config.palette.default"),
             "slate": words.text("config.palette.slate")}
    # The builder prints a toggle's name as it is, in an attribute: escaped here.
    return [{**entry, "toggle": {**entry["toggle"], "name": _html(names[entry["scheme"]])}}
            if isinstance(entry, dict) and isinstance(entry.get("toggle"), dict)
            and entry.get("scheme") in names else entry
            for entry in palette]


def _plugins(listed: list[Any] | dict[str, Any], *, offline: bool) -> list[Any]:
    """Return the plugins without ours, with the offline plugin on only for the bundle."""
    entries = listed.items() if isinstance(listed, dict) else (
        (entry, None) if isinstance(entry, str) else next(iter(entry.items()))
        for entry in listed)
    plugins: list[Any] = []
    for name, options in entries:
        if name == PLUGIN:
            continue
        if name in OFFLINE_PLUGINS:
            options = {**(options or {}), "enabled": offline}
        plugins.append({name: options} if options else name)
    if offline and not any(isinstance(p, dict) and set(p) & set(OFFLINE_PLUGINS)
                           for p in plugins):
        plugins.append({"offline": {"enabled": True}})
    return plugins


def _npm_asset(root: Path, source: str) -> Path:
    path = root / source
    if not path.is_file():
        raise SiteSourceError(f"{source} is missing: run `npm ci` (or `make site`) first.")
    return path


def _site_root(url: str | None) -> str:
    """Return the path the site is published under (`/` without an address), as `/a/b/`."""
    path = urlsplit(url).path if url else ""
    return "/" + path.strip("/") + "/" if path.strip("/") else "/"


def _html(text: str) -> str:
    return str(escape(text))


def _footer_contact(contact: Contact | None, words: Wording) -> dict[str, Any] | None:
    """Return the footer's contact line: its sentence and links, escaped (None without one)."""
    if contact is None:
        return None
    return {"description": _html(contact.description),
            "links": [{"label": _html(link.label), "text": _html(link.text),
                       "href": _html(link.href)} for link in contact_links(contact, words)]}


def _escaped_nav(nav: Any) -> Any:
    """Return a menu in MkDocs' `nav` format with every title escaped."""
    if isinstance(nav, list):
        return [_escaped_nav(item) for item in nav]
    if isinstance(nav, dict):
        return {_html(title): _escaped_nav(value) for title, value in nav.items()}
    return nav


class _ConfigLoader(yaml.Loader):  # type: ignore[misc]
    """Read mkdocs.yml as MkDocs does, Python names (`!!python/name:`) included.

    Not MkDocs' `!ENV`: the site's values travel as options, never through the environment.
    """


class _ConfigDumper(yaml.Dumper):  # type: ignore[misc]
    """Write mkdocs.yml for MkDocs, which reads Python names and Markup back as they were."""

    def ignore_aliases(self, data: Any) -> bool:
        """Write every value where it is used: no YAML anchors."""
        return True


_ConfigDumper.add_representer(Markup, lambda dumper, text: dumper.represent_sequence(
    "tag:yaml.org,2002:python/object/apply:markupsafe.Markup", [str(text)]))
