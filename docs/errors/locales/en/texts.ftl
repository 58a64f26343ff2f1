# errdoc's own error codes E0301–E0347: the locales and their Fluent files.

module-texts = Locales and translations
    .note = Problems with the folders under `locales/` and the Fluent (`.ftl`) files in them: their syntax, the texts the catalog needs, and every translation compared with the English (the source locale). Most point at a file, line and column; a missing English text points at the catalog entry that needs it, a missing translation at the English it translates. Warnings leave the build working; `check --deny-warnings` fails on them too.

code-301 = The source locale is missing
    .description = The project has no usable folder for its source locale, the language every other locale is translated from (`en`, unless the catalog's `site.source_locale` names another). Without it errdoc has no texts to build from, so it stops here.
    .cause-1 = `locales/en/` does not exist yet, or errdoc runs in another folder than the project (see `--root`).
    .cause-2 = `site.source_locale` in `catalog/codes.yaml` names a tag that has no folder, for example `en-US` while the English files are in `locales/en/`.
    .cause-3 = The folder exists but errdoc skipped it: its name is not a canonical language tag (E0302, E0303), or it is a link that leads out of the project (E0501). That problem is reported too.
    .solution-1 = Create the folder the message names and put the English `.ftl` files in it, or set `site.source_locale` to the tag of the folder that holds them.
    .solution-2 = If another error is reported for the folder, fix that one first.

code-302 = A locale folder is not named by a language tag
    .description = Every folder directly under `locales/` is a locale, named by its BCP 47 language tag (`en`, `zh-CN`, `ja`, `zh-Hant-TW`). The name of this folder cannot be read as a language tag, so errdoc skips the folder and every file in it.
    .cause-1 = A folder that is not a locale was put under `locales/`, such as a backup (`en.bak`, `en-GB.old`) or a folder of notes (`translations`).
    .cause-2 = The folder is named in words or with a space: `chinese_simplified`, `中文`, `zh CN`.
    .solution-1 = Rename the folder to the language's tag, for example `locales/zh-CN/` for Simplified Chinese as written in mainland China.
    .solution-2 = Move folders that are not locales out of `locales/`. errdoc takes every folder there for a language, and a short name such as `old` is a valid tag, so it would become a locale of its own.

code-303 = A locale folder's tag is not written the canonical way
    .description = The folder's name is a language tag, but not in the canonical spelling errdoc uses for locale folders: the language in lowercase, a script with a capital first letter (`Hant`), the region in uppercase, joined by `-`. errdoc skips the folder and every file in it until it is renamed.
    .cause-1 = The tag is written with an underscore or in another case, as some other tools name locales: `zh_CN`, `zh-cn`, `EN`.
    .solution-1 = Rename the folder to the spelling the message gives, for example `zh_CN` to `zh-CN`. On a file system that ignores case (Windows, macOS), rename it in two steps, through another name.
    .solution-2 = Use the same spelling wherever the catalog names the locale, for example under `message_drift`.

code-304 = Placeables are nested too deep
    .description = A placeable (an expression between braces in a Fluent text) can hold further placeables, and this file nests them more than 64 deep. errdoc does not parse such a file at all: it skips the whole file, so every message in it counts as missing.
    .cause-1 = The file was made by a tool or a fuzzer, or is hostile input; real messages nest two or three levels deep.
    .cause-2 = Many opening braces are never closed. errdoc counts the opening braces of placeables (not those in comments or string literals), and each closing brace ends one; so unclosed braces add up across the whole file, even in different messages.
    .solution-1 = Go to the line and column the message gives (the first brace past the limit) and close the placeables left open before it.
    .solution-2 = If a tool wrote the file, fix the tool: real messages need only two or three levels.

code-305 = A Fluent syntax error
    .description = A Fluent file does not parse at this place. errdoc reports where the parser stopped and what it expected there. The message that holds the error is left out; the other messages of the file are still read.
    .cause-1 = A placeable is not closed: an opening brace without its closing brace. The parser notices it only on a later line, so errdoc points at the end of the line that left it open.
    .cause-2 = An attribute line does not parse: it has a closing brace without an opening one, or a continuation line starts with `.`, `[`, `*` or a closing brace, which Fluent reads as syntax.
    .cause-3 = A brace meant as text. In Fluent every opening brace starts a placeable, so a brace that should appear on the page is written as a string literal placeable.
    .cause-4 = A message line without `=` (`code-1006 Normal Closure`), an id with characters Fluent does not allow (an id starts with a letter and holds letters, digits, `-` and `_`), or an indented attribute with no message above it.
    .solution-1 = Fix the syntax at the position shown; the hint names the usual reason. The [Fluent guide](https://projectfluent.org/fluent/guide/) explains the syntax.
    .solution-2 = Keep each text on one line, or start continuation lines with ordinary words, so that no line of a text begins with `.`, `[` or `*`.

code-306 = A message is defined twice
    .description = Two messages (or two terms) of the same locale have the same id, in one file or in two files of the locale. errdoc uses the first and ignores the second; the error points at the second and names where the first is.
    .cause-1 = A message was copied to make a new one, and its id was not changed.
    .cause-2 = A message was moved to another file of the locale and is still in the old one, or two branches that added the same message were merged.
    .solution-1 = Delete one of the two, after moving into the other whatever text only it has.
    .solution-2 = If the copy was meant for another code, module or heading, give it that id (`code-1007`).

code-307 = A catalog entry has no English text
    .description = The catalog declares a module, code, heading, family or range, but the source locale has no message for it. Each of them needs at least an English title: `module-<module>`, `code-<number>`, `heading-<module>-<heading>`, `family-<family>`, `range-<range>`. The error points at the entry in `catalog/codes.yaml`.
    .cause-1 = A code (or a module, heading, family or range) was added to the catalog, and its English text is not written yet.
    .cause-2 = The message's id has a typo or an old number, such as `code-1060` for code 1006; that message is then reported as unused (E0311).
    .cause-3 = The message is in a file errdoc could not read in full: a syntax error in that message, or a file skipped as too deep, not UTF-8 or too large. That error is reported too.
    .solution-1 = Add the message to a file of the source locale, by convention the module's file: `code-1006 = Abnormal closure` in `locales/en/websocket-close.ftl`, with its attributes under it.
    .solution-2 = Codes a family generates and codes listed with `also:` need no message of their own: the family's message and the code's own message give their texts.

code-308 = A message has attributes but no title
    .description = An English message the catalog needs has attributes (`.description`, `.note`, …) but no value: nothing follows the `=` on its first line. The value is the title: of the page for a module, of the section for a code or heading, of the table for a family, of the range in the table of ranges.
    .cause-1 = The title was left out or deleted, so that the first line reads `code-1006 =` and the attributes follow.
    .solution-1 = Write the title after the `=`: `code-1006 = Abnormal closure`.
    .solution-2 = For a code that really has no title on its page (the heading shows the number alone), write an empty string literal as its title: `code-2900001 = {"{"}""{"}"}`.

code-310 = A translation gives a listed code texts the English page does not
    .description = A page that lists a code of another module (`also:`) may give it texts of its own, the message `code-<number>-on-<module>`. This translation has such a message and the English does not, so the page in this language says something else about the code than the English page. errdoc shows it and `l10n status` counts it as drift. This is a warning: the build still succeeds.
    .cause-1 = `import` of a translated page kept the page's own text of a listed code, because it differed from the code's own page, while the English page had none.
    .cause-2 = The English `code-<number>-on-<module>` was deleted, and the translation still has it.
    .solution-1 = Decide with the English authors which page is right. If the page should say what the code's own page says, delete the message from the translation.
    .solution-2 = If the page should say something of its own, write the English `code-<number>-on-<module>` too; the translation then translates it like any message.

code-311 = An English message is not used
    .description = The source locale has a message whose id looks like one the catalog asks for (it starts with `module-`, `heading-`, `code-`, `family-`, `range-` or a table's id and `-`), but no module, code, heading, family or range of the catalog uses it. It is shown nowhere. This is a warning: the build still succeeds.
    .cause-1 = The code (or module, heading, family or range) was removed from the catalog or renumbered, and its message was left behind.
    .cause-2 = The id has a typo or names the wrong module: `code-1060` for code 1006 (E0307 then reports the code's missing text too), or `code-2300002-on-http` while the module `http` does not list 2300002.
    .cause-3 = It is a text for a code that a family generates. Such codes take their texts from the family's message (`family-<family>`), not from `code-<number>`.
    .solution-1 = Delete the message, or correct its id so that it matches the catalog.

code-312 = A translated message is obsolete
    .description = A translation has a message whose id looks like one of the catalog's, but no module, code, heading, family or range of the catalog asks for it, so it is shown nowhere. This is a warning: the build still succeeds.
    .cause-1 = The code (or module, heading, family or range) was removed from the catalog or renumbered after this was translated.
    .cause-2 = The id has a typo, so that the right message counts as not translated (E0324).
    .solution-1 = Delete the message, or correct its id.
    .solution-2 = `errdoc l10n sync --prune --locale <tag>` deletes every message of the translation that the English no longer has (but keeps those a kept message still references).

code-313 = A message has an unknown attribute
    .description = A message has an attribute that messages of its kind do not have, so it would never be shown. Modules take `.note` and `.intro`; headings `.text`; codes (and a page's own texts of a listed code) `.intro`, `.description`, `.cause-1`, `.cause-2`…, `.solution-1`, `.solution-2`… and `.details`; families `.rule`, `.rule-label`, `.description`, `.cause-N` and `.solution-N`; ranges `.description`; table entries none.
    .cause-1 = A typo: `.desciption`, `.solutions-1`, `.cause1`.
    .cause-2 = A list numbered from 0, or not numbered: `.cause-0`, `.cause`. Causes and steps are numbered from 1.
    .cause-3 = An attribute of another kind of message, such as `.note` on a code; or `.title`, while the title is the message's value, after the `=` on its first line.
    .solution-1 = Rename the attribute to one the hint lists, or move its text where it belongs.

code-314 = A translation has an attribute the English lacks
    .description = A translation of a catalog message has an attribute of a kind the message may have (such as `.cause-3` or `.intro`) that the English message does not have. The page in this language shows it; the English page does not. This is a warning: the build still succeeds.
    .cause-1 = The English dropped the attribute (a cause or step deleted, an intro removed) after it was translated.
    .cause-2 = A translator, or the import of a translated page, added a text the English page does not have.
    .solution-1 = If the English is right, delete the attribute from the translation.
    .solution-2 = If the text belongs on every page, write it in the English too; the translation then translates it.

code-315 = A translation has an obsolete attribute
    .description = A translated message that is not one of the catalog's (a UI string such as `ui-home`, for example) has an attribute the English message does not have. Nothing shows it. This is a warning: the build still succeeds.
    .cause-1 = The English message lost the attribute, or the attribute was only ever added to the translation.
    .solution-1 = Delete the attribute. The warning also goes away once the English has the same attribute, but the attributes of a UI string are never shown.

code-316 = A translation gives a title the English leaves out
    .description = A translated message has a value (a title) while the English message has only attributes. This happens with a page's own texts of a listed code (`code-<number>-on-<module>`): the English leaves the title out, so the English page shows the code's own title, while the page in this language shows the translation's. This is a warning: the build still succeeds.
    .cause-1 = The English `code-<number>-on-<module>` lost its title, or the translation gave the page a title of its own.
    .solution-1 = Delete the value from the translation and keep the `=` and the attributes (`code-2300002-on-http =`), so that both pages show the code's own title.
    .solution-2 = If the page should have a title of its own, write it in the English message too.

code-317 = A translation references other messages or terms than the English
    .description = A value or attribute of a translation refers to other messages or terms (ids starting with `-`, such as `-brand`) than the same text in English. References keep a shared name in one place; a translation that leaves one out, or uses another, can drift from it. This is a warning: the build still succeeds.
    .cause-1 = The translator typed the product or kit name instead of referencing its term.
    .cause-2 = The English started or stopped using a term or message after this was translated.
    .cause-3 = The translation uses a term of its own that its language needs (a translation may define terms the English does not have).
    .solution-1 = Reference the same messages and terms as the English; the message lists both sets.
    .solution-2 = If the difference is deliberate, the warning can stay; only `check --deny-warnings` fails on it.

code-318 = A plural variant the language never uses
    .description = In a translation, a select expression on a number has a variant for a CLDR plural category (`zero`, `one`, `two`, `few`, `many`, `other`) that the plural rules of this locale never select. Chinese, for example, has only `other`, so a `one` variant is never shown. This is a warning: the build still succeeds.
    .cause-1 = The translation copied the English structure, a `one` variant and a default `other` variant, into a language that does not tell them apart.
    .solution-1 = Delete the variant; keep one default variant (marked with `*`) that holds the whole text.

code-319 = A variant leaves out a variable
    .description = In a translation, one variant of a select expression does not use a variable that the English text uses, so a reader who gets that variant misses what it stands for (a code, a name). A variable used outside the select expression, or the one it selects on, counts for every variant. This is a warning: the build still succeeds.
    .cause-1 = One variant was shortened, or was written before the English gained the variable.
    .solution-1 = Use the variables in every variant, or once outside the select expression, so that every variant says what the English says.

code-320 = A translation uses other variables than the English
    .description = A value or attribute of a translation uses another set of variables than the same text in English. Variable names belong to the program, not to the text: errdoc fills in exactly the English ones, so a misspelt or translated name gets no value, and a variable left out loses what it says.
    .cause-1 = A variable name was misspelt or translated (`nmae` for `name`).
    .cause-2 = The translation left a variable out, or added one the English does not use, for example by selecting on it.
    .cause-3 = The English gained or lost a variable after this was translated.
    .solution-1 = Use exactly the variables of the English, named as in the English, and move them wherever the sentence needs them. The message lists both sets.

code-321 = A translated message has no title
    .description = The translation has the message, but only its attributes: the title (the value after `=`) is missing, while the English has one. The page shows the English title meanwhile. This is a warning: the build still succeeds.
    .cause-1 = Only the attributes were translated, and the first line was left as `code-1006 =`.
    .solution-1 = Write the translated title after the `=`: `code-1006 = 异常关闭`.

code-322 = A stub is not translated yet
    .description = The message is a stub that `errdoc l10n sync` wrote (its comment has the line `errdoc: untranslated`), and it still says the English. It counts as missing, and the page shows the English meanwhile. This is a warning: the build still succeeds.
    .cause-1 = `errdoc l10n sync` or `errdoc l10n add` added the stub, and nobody has translated it yet.
    .cause-2 = The stub references a term or message (such as `-kit`) and only that one was translated: a stub counts as untranslated until its own text changes.
    .solution-1 = Replace the English after each `=` with the translation. The `# en:` comments keep the English in view; delete them and the `# errdoc: untranslated` line when you are done.

code-323 = An attribute is not translated
    .description = The translation has the message, but not this attribute of it, which the English has; the warning points at the English attribute. For a single text (`.description`, `.intro`, `.note`) the page shows the English meanwhile. A numbered cause or step is different: a translation that has other items of the same list shows only its own items, so this one is missing from the page until it is translated. This is a warning: the build still succeeds.
    .cause-1 = The English gained the attribute (a new cause, step or description) after the message was translated. `l10n sync` adds stubs for whole messages only, not for attributes of a message the translation has.
    .cause-2 = The translator left it out.
    .solution-1 = Add the translated attribute to the message in the translation, beside its other attributes: `.solution-3 = …`.

code-324 = A message is not translated
    .description = The translation has no message with this id at all. The page shows the English meanwhile. The warning points at the English message, or, for a table entry, at the entry in the catalog. UI strings that errdoc itself translates into this language are not reported. This is a warning: the build still succeeds.
    .cause-1 = The English message (of a code, module, family, range, UI string or table entry) is newer than the last update of the translation.
    .cause-2 = The locale is new, or only partly translated.
    .solution-1 = Run `errdoc l10n sync --locale <tag>`: it appends a stub for every missing message to the right file. Then translate the stubs.
    .solution-2 = Or add the message by hand to the file the hint names, with the same id as the English.

code-325 = A translation is stale
    .description = The English changed after this translation was made: the fingerprint of the English that `locales/<tag>/.sources.lock` records for it no longer matches today's English. `build` shows the translation with a visible note (with `--stale fallback`, the English instead). This is a warning: the build still succeeds.
    .cause-1 = Someone edited the English message, or this attribute of it, after it was translated.
    .solution-1 = See what changed with `errdoc l10n diff <key> --locale <tag>`, update the translation, then record that it matches today's English with `errdoc l10n confirm <key> --locale <tag>`.
    .solution-2 = If the change does not affect your language (a typo fixed in the English), confirm without editing.

code-326 = A translation is the same as the English
    .description = The translated text is exactly the English text. Usually it was copied in as a placeholder and is not translated yet. This is a warning: the build still succeeds.
    .cause-1 = The English was pasted in to fill the message, instead of a stub from `l10n sync`.
    .cause-2 = The text really is the same in both languages, such as a product name or an abbreviation (`TLS`).
    .solution-1 = Translate it.
    .solution-2 = If it is right as it is, the warning can stay; only `check --deny-warnings` fails on it.

code-327 = A text cannot be formatted
    .description = Fluent reported an error while formatting this text. `check` formats every text once, with a sample value for each variable it uses, and errdoc formats it again with the real values when it writes the pages; either can report this.
    .cause-1 = The text references a message or term that does not exist in this locale (a typo, or one defined only in another locale).
    .cause-2 = The text uses a variable this kind of message is not given. Codes, modules, headings and ranges get none; a family's title, `.rule` and `.rule-label` get `base`; the texts of a family's codes get `code`, `name`, `value` and `message`.
    .cause-3 = Messages reference each other in a circle, or the text calls a function Fluent does not have (there are only `NUMBER` and `DATETIME`).
    .solution-1 = Correct or remove the reference, and use only the variables README.md lists for this kind of message (section “Message ids”).

code-328 = A translation is empty
    .description = The translated text formats to nothing, or only to blanks, while the English has text, so the page would show an empty place. (An English title that is empty on purpose may be translated by an empty one.)
    .cause-1 = An empty string literal was put in as a placeholder.
    .cause-2 = The text is only a reference to a message or term whose text is empty.
    .solution-1 = Write the translation, or delete the message (or attribute) so that the page shows the English until it is translated.

code-329 = A text contains U+FFFD or invisible direction marks
    .description = The text contains U+FFFD, the replacement character that marks text broken by a wrong encoding (often shown as a question mark in a diamond), or one of the invisible Unicode direction isolation marks U+2066 to U+2069. Neither belongs on a page. Every locale is checked, English included.
    .cause-1 = The file was converted from another encoding by a tool that replaced what it could not read with U+FFFD.
    .cause-2 = The text was copied from an application or web page that wraps inserted values in isolation marks, as Fluent does by default.
    .solution-1 = Retype the broken characters from the original and delete the invisible marks. To find them, run `LC_ALL=C grep -nP '\xE2\x81[\xA6-\xA9]|\xEF\xBF\xBD' locales/*/*.ftl`.

code-330 = A text contains raw HTML
    .description = The text contains HTML that Markdown would pass on as markup. errdoc shows it as text instead, on the site and in the Markdown pages, so that no translation can put markup or script on a page. Marker comments (`<!--Del-->`), `<br>`, `<sup>` and `<sub>` are allowed. This is a warning: the build still succeeds.
    .cause-1 = HTML tags were used for formatting: `<b>`, `<code>`, `<p>`, `<table>`.
    .cause-2 = Angle brackets outside a code span, such as a type `Array<string>` or a placeholder `<file name>`, which Markdown reads as a tag.
    .solution-1 = Write Markdown instead: `**bold**`, backticks for code, a Markdown list or table.
    .solution-2 = Put types and placeholders in backticks, or write `&lt;` for `<`.

code-331 = A text links to an address that is not allowed
    .description = A link or image in the text (or a link reference definition) points to an address whose scheme is not http, https or mailto, such as `javascript:`, `data:`, `file:` or `ftp:`, or its source holds a `<` that Markdown renderers read in different ways. errdoc shows such a link as text, on the site and in the Markdown pages. This is a warning: the build still succeeds.
    .cause-1 = A link to a local document (`file:///…`) or to an FTP server.
    .cause-2 = HTML inside the link's text or address, as in `[see <b>this</b>](https://…)`.
    .solution-1 = Link to an `https://` address, or to a page of this project by its file name (`errorcode-net-socket.md`), which errdoc turns into that page on the site.
    .solution-2 = If the address should only be shown, put it in backticks.

code-333 = A full-width sign where Fluent needs an ASCII one
    .description = Fluent's syntax is made of ASCII signs: `=` after an id, `{"{"}` and `{"}"}` around a placeable, `$` before a variable's name. A Chinese, Japanese or Korean input method in full-width mode types their full-width twins instead (`＝`, `｛`, `｝`, `＄`), which look almost the same but are other characters. Where Fluent needs the sign, the message does not parse; errdoc points at the full-width one.
    .cause-1 = The line was typed or edited with the input method in full-width or Chinese punctuation mode.
    .cause-2 = The text was copied from a document or chat that turned ASCII signs into full-width ones.
    .solution-1 = Delete the sign and type it again with the input method in English or half-width mode (on many systems Shift switches it, and Shift+Space switches between full and half width).
    .solution-2 = Full-width punctuation in the translated text itself (`，`, `。`, `（`) is fine: only the signs of Fluent's syntax must be ASCII.

code-334 = A variable's name is translated or not a name
    .description = In `{"{"} $name {"}"}` the part after `$` is the variable's name, which errdoc fills in when it builds the page. Names are ASCII letters, digits, `-` and `_`, starting with a letter, and they are the same in every language: the English text decides them. The message does not parse, so its text is not shown until the name is fixed.
    .cause-1 = The name was translated along with the text: `{"{"} $基数 {"}"}` for `{"{"} $base {"}"}`.
    .cause-2 = A space or another sign was typed between `$` and the name: `{"{"} $ name {"}"}`, `{"{"} $(name) {"}"}`.
    .solution-1 = Write the variable exactly as the English of the same text writes it; the message names the English variables.
    .solution-2 = A name written in ASCII but misspelled (`{"{"} $nmae {"}"}`) parses, and is reported as E0320 instead.

code-335 = A placeable is not closed
    .description = A placeable starts with `{"{"}` and ends with `{"}"}` on the same line: `{"{"} $value {"}"}`. Here something else comes where the `{"}"}` should be, often a full-width bracket such as `）` or the end of the line, so the message does not parse.
    .cause-1 = The `{"}"}` was deleted, or replaced with a bracket of the text around it, while editing.
    .cause-2 = A full-width `）` or `】` was typed in place of `{"}"}`.
    .solution-1 = Type the ASCII `{"}"}` right after the placeable's content, as the message shows: `{"{"} $value {"}"}`.

code-336 = A line of text starts with a sign of Fluent's syntax
    .description = A text may go on over several indented lines, but a line may not start with `.`, `*`, `[` or `{"}"}`: Fluent reads `.` as the start of an attribute, `*` and `[` as a variant of a select expression, and `{"}"}` as the end of a placeable. A Markdown bullet (`* item`) or link (`[text](url)`) at the start of a line is the usual case.
    .cause-1 = A Markdown list was written with `*` bullets, one item per line.
    .cause-2 = A line was broken just before a Markdown link `[…](…)` or a number such as `.5`.
    .solution-1 = Write the sign as a string placeable: `{"{"}"*"{"}"}` for `*`, `{"{"}"["{"}"}` for `[`, `{"{"}"."{"}"}` for `.`, `{"{"}"{"}"}"{"}"}` for `{"}"}`. The page shows the sign itself.
    .solution-2 = Or join the line to the one above it, or use `-` for list bullets, which Fluent does not read as syntax.

code-337 = A line of text is not indented
    .description = Every line after the first of a message's text starts with at least one space. A line that starts at the margin is read as a new message (`id = …`), and as it is none, the message above it does not parse from there on.
    .cause-1 = A long text was broken into lines and the second line was not indented.
    .cause-2 = An editor removed leading spaces, or the text was pasted without them.
    .solution-1 = Indent the line with spaces, as far as the other lines of the message (four spaces in errdoc's files).

code-338 = A line is indented with full-width spaces
    .description = Fluent reads only the ASCII space (U+0020) as indentation. A line that starts with the full-width space U+3000, which an input method types in full-width mode, is a line at the margin to Fluent, so the message above it does not parse from there on.
    .cause-1 = The line was indented with the space bar while the input method was in full-width mode.
    .solution-1 = Replace the full-width spaces at the start of the line with ASCII spaces.

code-339 = A brace in text
    .description = In Fluent, `{"{"}` always opens a placeable (`{"{"} $name {"}"}`, `{"{"}"text"{"}"}`) and `{"}"}` always closes one. A brace meant as text, such as in JSON (`{"{"}"code": 4{"}"}`), a C block or a format string (`{"{"}{"}"}`), does not parse.
    .cause-1 = The text quotes code, JSON or a format string with braces.
    .cause-2 = A `{"{"}` or `{"}"}` was typed by mistake, or a full-width brace was mixed with an ASCII one.
    .solution-1 = Write each brace meant as text as a string placeable: `{"{"}"{"{"}"{"}"}` for `{"{"}`, `{"{"}"{"}"}"{"}"}` for `{"}"}`. The page shows the brace itself.
    .solution-2 = If the brace belongs to a variable, write the whole placeable: `{"{"} $name {"}"}`.

code-340 = An English base file of a table differs from the catalog
    .description = A table entry's English, such as `errno-ETIMEDOUT`, is its `message` in the catalog: the literal text the API returns, kept once. `errdoc l10n sync` copies the messages of each table into a base file in the English folder (`locales/en/errno.ftl`), because translation platforms such as Pontoon, Weblate and Crowdin pair every translated file with an English file of the same name. This message of the base file says something else than the catalog, so translators would translate a text the pages do not show. The pages keep the catalog's English. This is a warning: the build still succeeds.
    .cause-1 = The catalog's `message` was changed and the base file was not written again since.
    .cause-2 = Someone changed the English wording in the `.ftl` file instead of the catalog.
    .solution-1 = Run `errdoc l10n sync`: it writes the base file again from the catalog.
    .solution-2 = To change the English text, edit the entry's `message` in its table in `catalog/codes.yaml`, then sync.

code-341 = An English base file of a table lacks an entry
    .description = The English folder has a base file of this table (`locales/en/errno.ftl`, see E0340), but the file has no message for this entry of the table, so translation platforms do not offer it to translators. The warning points at the entry in the catalog. This is a warning: the build still succeeds.
    .cause-1 = The entry was added to the table after the base file was last written.
    .cause-2 = The message was deleted from the base file by hand.
    .solution-1 = Run `errdoc l10n sync`: it writes the base file again from the catalog.

code-342 = A translation does not use the glossary's word for a term
    .description = The locale has a glossary (`locales/<tag>/glossary.tsv`): for each English term, the approved translation and the variants not to use. This English string uses a term of the glossary, and its translation does not contain the approved translation, so the pages may name one thing in two ways. A term inside a code span (`` `socket()` ``) is a name and is not compared. The warning points at the translated string and names the glossary's row. This is a warning: the build still succeeds.
    .cause-1 = The string was translated before the term was agreed on, or by someone who did not know the glossary.
    .cause-2 = The string uses the term in another sense, which the glossary's translation does not fit.
    .solution-1 = Use the approved translation in the string.
    .solution-2 = If the term is rightly translated another way here, change the glossary: a longer term (`TLS socket`) takes precedence over a shorter one (`socket`) it contains, so a row for the longer phrase can give it its own translation.

code-343 = A translation uses a variant the glossary does not allow
    .description = The glossary lists, after a term's approved translation, variants not to use for it. This translation of a string that uses the term contains one of them, outside code spans and outside the approved translations of the string's terms. The warning points at the variant in the `.ftl` file. This is a warning: the build still succeeds.
    .cause-1 = The string was translated with another word for the term, often the English word kept as it is or an older translation.
    .solution-1 = Replace the variant with the approved translation the message names.
    .solution-2 = If the word is a name rather than the term (a parameter, a function), write it as code: `` `socket` ``.

code-344 = A row of the glossary cannot be read
    .description = A glossary is tab-separated text, one term a row: the English term, a tab, the approved translation, and optionally more tabs, each followed by a variant not to use. Lines starting with `#` are comments, and a first row `term`, `approved`, `forbidden` is a header. This row does not have that shape, or gives a term a second time. errdoc skips the row and stops, as it does for any input it cannot read.
    .cause-1 = The columns are separated by spaces: an editor set to expand tabs changed them.
    .cause-2 = The term or its approved translation is empty.
    .cause-3 = The same term is on another row (terms are compared regardless of case).
    .solution-1 = Separate the columns with tabs (a spreadsheet does it when it saves as tab-separated text), fill both columns, and keep one row per term.

code-345 = A message or attribute name is not a name
    .description = Every message and attribute has a name, written before its `=`: `code-1006 = …`, `    .description = …`. Names are ASCII letters, digits, `-` and `_`, starting with a letter; errdoc finds each text by its name, so a name is written exactly as in the English file and never translated. This line's name has other characters, so Fluent cannot read the line, and the text is lost until it is fixed.
    .cause-1 = The name was translated along with the text (`错误 = 连接超时`, `    .描述 = …`).
    .cause-2 = The name was mistyped with a character that is not allowed, such as a space, a dot inside it or a full-width letter.
    .solution-1 = Copy the name from the same text in the English file, and translate only what follows the `=`.

code-346 = A colon where Fluent needs an equals sign
    .description = In Fluent a name and its text are separated by `=`: `code-1006 = Abnormal closure`. This line separates them with a colon (`:` or the full-width `：`), as YAML or a properties file would, so Fluent cannot read it.
    .cause-1 = The line was written in the habit of another file format.
    .cause-2 = An input method typed `：` for `=`, or the `=` was deleted and a colon typed.
    .solution-1 = Replace the colon with `=`: `name = text`.

code-347 = A line is indented with a tab
    .description = Fluent reads only ASCII spaces as indentation. A line of a message's text that starts with a tab stands at the margin to Fluent, so the message above it does not parse from there on.
    .cause-1 = The editor inserts a tab for the tab key.
    .solution-1 = Replace the tabs at the start of the line with spaces, and set the editor to insert spaces in `.ftl` files.

code-348 = A message has the same attribute twice
    .description = A message (or term) writes one attribute twice, such as two `.cause-1` lines. Fluent formats the first and ignores the second, so the second text would be missing from the pages without a word. The error points at the second and names where the first is.
    .cause-1 = A cause or solution was added by copying the one above it, and its number was not changed.
    .cause-2 = Two branches that each added a cause with the next number were merged.
    .solution-1 = Give the second its own name, the next free number: `.cause-3` after `.cause-1` and `.cause-2`. The pages list causes and solutions in the order of their numbers.
    .solution-2 = If both say the same, delete one.
