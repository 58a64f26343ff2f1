# errdoc's own error codes E05xx: files, options and the sources lock.

module-files = Files, options and the sources lock
    .note = Problems reading the project's files (the catalog, `.ftl` files, templates, layouts and each translation's `.sources.lock`) and a wrong command-line option. errdoc reads only regular UTF-8 files inside the project, up to 64 MiB each; whatever it cannot read is an error that names the file or folder, and the command stops rather than leave something out.

code-501 = A link leads out of the project
    .description = A symbolic link in the project points to a file or folder outside the project folder. errdoc follows links only where they stay inside the project, so that a project cannot make it read, or print, files from elsewhere (`/proc/self/environ`, another checkout). The file is not read; a locale folder that is such a link stops the build rather than drop that language.
    .cause-1 = A shared folder of translations or templates was linked in from another checkout, such as `locales/zh-CN` pointing to `../../shared/zh-CN`.
    .cause-2 = A link points to a system file or device, such as `/dev/zero`.
    .solution-1 = Copy the file or folder into the project (in CI, a copy step before errdoc runs), or make the link point inside the project.

code-502 = Not a regular file
    .description = Where errdoc reads a file, it found a folder, a device, a named pipe or a socket. errdoc reads regular files only.
    .cause-1 = A folder has the name of a file errdoc reads, such as `catalog/codes.yaml`.
    .cause-2 = A named pipe or a device was created under `locales/`, `templates/` or `layouts/`, with a name errdoc reads (such as `x.ftl`).
    .solution-1 = Replace it with a plain file, or remove it.

code-503 = A file is too large
    .description = The file is larger than 64 MiB, the most errdoc reads from one input file (the catalog, an `.ftl` file, a template, a layout). errdoc does not read it, so that a wrong file cannot exhaust the memory.
    .cause-1 = It is not the file you meant: a log, a dump or a binary file with the expected name.
    .cause-2 = A generated file really is that large.
    .solution-1 = Check that it is the right file.
    .solution-2 = Split large texts: a locale's messages can be spread over several `.ftl` files, any way you like.

code-504 = A file is not UTF-8
    .description = The file is not valid UTF-8; the message gives the offset of the first invalid byte. errdoc reads every text file as UTF-8 (a byte order mark at the start is fine).
    .cause-1 = The file was saved in a legacy encoding, such as GBK or GB 2312 for Chinese, or Windows-1252.
    .cause-2 = The file was saved as UTF-16, which some Windows editors call “Unicode”.
    .solution-1 = Save the file as UTF-8 in the editor, or convert it, such as with `iconv -f GBK -t UTF-8 old.ftl > new.ftl`.

code-505 = A file or folder cannot be read
    .description = While going through a folder of the project (`locales/`, `templates/`, `layouts/`), errdoc could not read an entry; the message gives the system's reason. errdoc reads everything under these folders and skips nothing without saying so.
    .cause-1 = A broken symbolic link, whose target no longer exists (`No such file or directory`).
    .cause-2 = A folder errdoc has no permission to read.
    .cause-3 = A link that loops back to a folder above it.
    .solution-1 = Fix or remove the link, or give errdoc permission to read the folder.

code-507 = The sources lock cannot be read
    .description = `locales/<tag>/.sources.lock`, the file that records the English each translation was made from, exists but cannot be read; the message says why (not UTF-8, too large, not a regular file, a link out of the project, or an error of the system). errdoc does not guess the record: every command that loads the project stops.
    .cause-1 = The file was damaged, or replaced by something that is not a plain UTF-8 file.
    .cause-2 = It is a link that leads out of the project.
    .solution-1 = Restore it from version control.
    .solution-2 = Or delete it and run `errdoc l10n sync --locale <tag>`, which writes a new one. That records today's English for every existing translation, so translations that were stale count as up to date afterwards.

code-509 = The sources lock does not parse
    .description = `locales/<tag>/.sources.lock` is not the JSON errdoc writes: it does not parse, or it has a field errdoc does not know. The message gives the line, the column and the parser's reason. Every command that loads the project stops, rather than lose the record.
    .cause-1 = A merge left conflict markers (`<<<<<<<`, `>>>>>>>`) in the file, after two branches changed translations.
    .cause-2 = The file was edited by hand (a missing comma or quote) or rewritten by another tool.
    .solution-1 = After a merge, resolve the conflict so that the file is valid JSON again, keeping the entries of both sides.
    .solution-2 = Or restore it from version control, or delete it and run `errdoc l10n sync --locale <tag>` (translations that were stale then count as up to date).

code-510 = The base URL given on the command line is not valid
    .description = The value of `build --base-url` must be the absolute address the site is published at: `http://` or `https://`, a host, and a path that ends with `/`, without spaces, quotes or angle brackets. errdoc uses it for `sitemap.xml`, the `hreflang` links and `404.html`.
    .cause-1 = The final `/` is missing: `https://example.org/docs/errors`.
    .cause-2 = The scheme is missing or another one (`example.org/docs/`, `ftp://…`), or it is a relative path.
    .solution-1 = Write it with its scheme and the final `/`: `--base-url https://example.org/docs/errors/`.
    .solution-2 = The catalog's `site.base_url` follows the same rule (E0203); the option overrides it.
