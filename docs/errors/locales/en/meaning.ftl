# errdoc's own errors E0201–E0252: what the catalog says.

module-meaning = What the catalog says
    .note = Errors and warnings about what `catalog/codes.yaml` says, once it has been read: ids and names, codes defined twice, the ranges modules own (`owns`), families, named ranges, references, listings (`also:`), headings, markers, message drift, and names the exports cannot use. errdoc reports all of them in one run, each at its place in the catalog. Warnings do not stop a build; errors do.

code-201 = An id is defined twice
    .description = Two things of the same kind have the same id, and ids must be unique. The message says which kind: a reference, table, module, page, family or range, a heading of one module, or a value or name in one table. The note points at the first one.
    .cause-1 = An entry was copied and its id was not changed, for example two references with the same `id`, or two modules with the same `id` or `page`.
    .cause-2 = A table has two entries with the same `value` or the same `name`. Aliases count as names, so an alias that repeats a name of the table is reported too.
    .cause-3 = Two modules have a family or a named range with the same id: family ids and range ids are unique across the whole catalog, not only within their module. Heading ids are unique within their module.
    .solution-1 = Give one of them another id, or another page name. Rename its Fluent messages to match in every locale (`module-<id>`, `family-<id>`, `range-<id>`, `heading-<module>-<id>`).
    .solution-2 = If both describe the same thing, delete one. For a table value with two names, keep one entry and write the other name under its `aliases`.

code-202 = An id is not a lowercase id
    .description = The id of a module, table, family, range or heading is not of the form errdoc needs: lowercase ASCII letters, digits and `-`, starting with a letter and not ending with `-`. Ids become parts of Fluent message ids and of file names. Reference ids have their own rule (E0206).
    .cause-1 = The id has uppercase letters, `_`, spaces or dots, for example `Socket`, `socket_errno` or `net.socket`.
    .cause-2 = The id starts with a digit or `-`, or ends with `-`.
    .solution-1 = Rename it to lowercase letters, digits and `-`, such as `socket-errno`, and rename the Fluent messages that contain it (`module-<id>`, `family-<id>`, …) in every locale.

code-203 = The site's address is not a folder URL
    .description = `base_url` under `site:`, the address the site is published at, must be an absolute `http://` or `https://` URL of a folder: with a host, ending in `/`, and without spaces, quotes, `<` or `>`. errdoc uses it for `sitemap.xml`, the `hreflang` links and `404.html`.
    .cause-1 = The final `/` is missing: `https://example.org/docs` instead of `https://example.org/docs/`.
    .cause-2 = The address has no scheme or another one (`example.org/docs/`, `ftp://example.org/`), or it is a path such as `/docs/`.
    .solution-1 = Write the full address with the final `/`: `base_url: "https://errdoc.example.org/"`.
    .solution-2 = If the site has no fixed address yet, remove `base_url`; the build then leaves out what needs it. `errdoc build --base-url` can also give the address for one build.

code-204 = A reference has an invalid URL
    .description = The `url` of a reference under `references:` is not an absolute `http://` or `https://` URL, or it contains a space, a quote, `<` or `>`.
    .cause-1 = The scheme is missing (`www.rfc-editor.org/rfc/rfc6455`), or the URL is a relative link or a file path.
    .cause-2 = It contains a space or quotes, for example because it was copied together with the text around it.
    .solution-1 = Write the full address, with any space encoded as `%20`: `url: "https://www.rfc-editor.org/rfc/rfc6455#section-7.4.1"`.

code-205 = A reference has an empty title
    .description = A reference under `references:` has a `title` that is empty or only spaces. The title is what a page shows as the link to the document.
    .cause-1 = `title: ""` was written as a placeholder and not filled in.
    .solution-1 = Write the document's title: `title: "RFC 6455 §7.4.1"`. Titles are proper names and are not translated.

code-206 = A reference id is not a lowercase id
    .description = The `id` of a reference is not of the form reference ids need: lowercase ASCII letters, digits, `-` and `.`, starting with a letter and not ending with `-` or `.`. Unlike other ids, reference ids may contain dots, as in `rfc6455-7.4.1`.
    .cause-1 = The id has uppercase letters, `_`, spaces or `/`, for example `RFC6455` or `errno_3`.
    .cause-2 = The id starts with a digit, `-` or `.`, or ends with `-` or `.`.
    .solution-1 = Rename it, for example to `rfc6455-7.4.1`, and change it everywhere a code, family or range cites it under `references:`.

code-207 = A table id is reserved
    .description = A table's id is one errdoc keeps for itself: `ui`, `flag`, `module`, `heading`, `code`, `family` or `range`. The translations of a table's entries are the Fluent messages `<table>-<NAME>`, and messages starting with these words are errdoc's own (`code-1006`, `ui-causes`, …).
    .cause-1 = The table was named after what it holds, for example `code` for a table of codes.
    .solution-1 = Choose another id, such as `errno` or `status`, and change the `table:` of its families and the ids of its translated messages to match.

code-208 = A table has no entries
    .description = A table under `tables:` has no entries, so a family that expands it generates no codes.
    .cause-1 = `entries:` is missing or an empty list, for example in a table that was prepared but not filled in yet.
    .solution-1 = Add the entries under `entries:`, each with its `value`, `name` and `message`, such as value 110, name `ETIMEDOUT` and message `Connection timed out`.
    .solution-2 = If no family needs the table, remove it.

code-209 = A table entry's name is not a constant name
    .description = The `name` of a table entry, or one of its `aliases`, is not a constant name: uppercase ASCII letters, digits and `_`, starting with a letter. A family's pattern puts this name into the constant names of the codes it generates.
    .cause-1 = The name has lowercase letters, `-` or spaces, for example `etimedout` or `E-TIMEDOUT`.
    .cause-2 = The name starts with a digit or `_`.
    .solution-1 = Write it in uppercase with `_`: `ETIMEDOUT`, `SSL_ERROR_SSL`.

code-210 = A code lists an item twice
    .description = A code lists the same item twice in one of its lists: `references`, `related` or `flags`. The message says which list and which item.
    .cause-1 = An item was added again, for example when two edits were merged: `related: [2301110, 2301110]`.
    .solution-1 = Remove the repeat: each reference, related code and flag is listed once.

code-211 = A text is empty
    .description = A text of the catalog is empty or only spaces: a code's `message` (its Error Message) or a table entry's `message`.
    .cause-1 = `message: ""` was written as a placeholder, or the text was deleted.
    .solution-1 = Write the literal message in English, exactly as the API returns it: `message: "Connection refused"`.
    .solution-2 = If a code has no Error Message (as WebSocket close codes have none), remove `message` from the code. A table entry must have one.

code-212 = The catalog declares no modules
    .description = The catalog has no modules, and a module is a page, so the site has no pages. This is a warning: the check and the build still succeed (unless warnings are denied with `--deny-warnings`), but there is nothing to read.
    .cause-1 = The project was just created with `errdoc init`, whose catalog starts with `modules: []`.
    .cause-2 = `modules:` is missing from the catalog, or is an empty list.
    .solution-1 = Add a module under `modules:`, with its `id`, its `page` and its codes; the section "The catalog" of errdoc's README.md shows one.
    .solution-2 = Or bring existing pages in with `errdoc import`.

code-213 = A page name is not a plain file name
    .description = A module's `page`, the name of its output files without the extension, is empty or has characters other than ASCII letters, digits, `-` and `_`. The page is written as `<page>.md` and `<page>.html`, so it must be a plain file name.
    .cause-1 = The page has a folder or an extension: `docs/errorcode-net-socket` or `errorcode-net-socket.md`.
    .cause-2 = It has spaces, dots or letters outside ASCII.
    .solution-1 = Write the bare name: `page: errorcode-net-socket`.

code-214 = A metadata value cannot go in an HTML comment
    .description = A value of a module's `metadata` (`kit`, `subsystem`, `owner`, `designer`, `tester`, `adviser`) cannot be written on the page. Each value is written as one HTML comment line, such as `<!--Kit: Network Kit-->`, and this one would end the comment early, open another, or span several lines.
    .cause-1 = The value contains `-->` or `--!>`, which end a comment, or `<!--`, which opens one, or it ends with `<!-`.
    .cause-2 = The value spans several lines, for example a quoted text with a line break, or a YAML block with `|`.
    .solution-1 = Write the value on one line without those sequences. A plain `--` is fine: `owner: "@zxz--3"`.

code-215 = A module has nothing on its page
    .description = A module has no entries under `codes:` (no code, listing or heading), no families and no ranges, so there is nothing to show on its page. This is a warning: the build still succeeds.
    .cause-1 = The module was added before its codes.
    .cause-2 = Its codes were moved to other modules, and the module was left behind.
    .solution-1 = Add codes (`code:`), codes of other modules (`also:`), families or ranges to the module.
    .solution-2 = Or remove the module, and its messages (`module-<id>`) in every locale.

code-216 = A range ends before it starts
    .description = A range, under a module's `owns` or `ranges`, has a `from` larger than its `to`, so it contains no number.
    .cause-1 = `from` and `to` were swapped.
    .cause-2 = One of them has a digit too many or too few, for example `from: 2300000` with `to: 230199`.
    .solution-1 = Write the smaller number as `from` and the larger as `to`. For negative codes, the smaller is the one further from zero: `from: -10` and `to: -1`.

code-217 = Two modules own overlapping ranges
    .description = Two modules of the same number space own ranges that overlap. A range under `owns` belongs to one module only, so that a code defined in it by any other module is an error.
    .cause-1 = A range was copied into a second module, or two ranges were widened until they met.
    .cause-2 = The two modules number their codes independently, but no `namespace` tells them apart.
    .solution-1 = Narrow one of the ranges so that each number is owned by one module at most.
    .solution-2 = If the modules number their codes in different spaces, give them different `namespace` values: modules of different namespaces may own overlapping ranges. A number is still defined once in the whole catalog.

code-218 = A constant name is already taken
    .description = A code's constant name is already the name of another code. Constant names are unique across the whole catalog, names generated by families included. The note points at the first use of the name.
    .cause-1 = A code was copied and its `name` was not changed.
    .cause-2 = The name is one a family of an earlier module generates for another number. (Where the family is in the same module or a later one, errdoc reports the clash at the family's pattern instead, as E0223.)
    .solution-1 = Give one of the two codes another name. If both entries are the same code, keep one of them (see E0225).

code-219 = A code's name is not a constant name
    .description = A code's `name` is not a constant name: uppercase ASCII letters, digits and `_`, starting with a letter. The exports and the search use the name as a constant.
    .cause-1 = The name has lowercase letters, `-`, spaces or dots: `Abnormal_Closure`, `ABNORMAL-CLOSURE`.
    .cause-2 = It starts with a digit or `_`: `1006_ABNORMAL`.
    .solution-1 = Write it in uppercase with `_`: `ABNORMAL_CLOSURE`.

code-220 = A code lies outside its module's ranges
    .description = A module says with `owns` which numbers belong to it, and a code it defines lies outside all of them. The message lists the module's ranges.
    .cause-1 = The code was put into the wrong module.
    .cause-2 = The number has a typo, for example a digit too many.
    .cause-3 = The module has grown beyond the ranges it owns.
    .solution-1 = Move the entry to the module that owns the number, or fix the number.
    .solution-2 = If the code does belong to this module, widen its `owns`, or add another range to it.

code-221 = A code's version is empty
    .description = A code's `since` or `deprecated` is empty or only spaces. These fields give the version in which the code appeared or was deprecated, and the page shows them under Versions.
    .cause-1 = `since: ""` or `deprecated: ""` was written as a placeholder.
    .solution-1 = Write the version: `since: "API version 12"`.
    .solution-2 = If the version is not known, remove the field.

code-222 = A code is related to itself
    .description = A code lists its own number under `related`. Related codes send the reader to other codes.
    .cause-1 = The list was copied from a neighbouring code, which listed this one.
    .solution-1 = Remove the code's own number from `related`.

code-223 = A family's pattern makes a name that is taken
    .description = A family's name pattern makes, for one of the codes it generates, a constant name another code already has. errdoc reports this once per pattern: the first clash, and how many more codes of the family clash. The note points at the code that has the name first.
    .cause-1 = A code written out by hand has a name the family also makes for another number: `SOCKET_EINTR` on 2301004, and a second family with the pattern `SOCKET_{"{"}name{"}"}` that generates `SOCKET_EINTR` for 2301204.
    .cause-2 = Two families use the same pattern, or patterns that make the same names, over tables with the same names.
    .solution-1 = Give the family a pattern of its own, such as `TLS_SOCKET_{"{"}name{"}"}`, so that none of its names is another code's.
    .solution-2 = Or rename the other code.

code-224 = A related code does not exist
    .description = A code lists under `related` a number that no code of the catalog has. Related codes may be any code of the catalog, including codes that families generate.
    .cause-1 = The number has a typo.
    .cause-2 = The related code was removed or renumbered, or it was a family member whose table no longer has that entry.
    .solution-1 = Fix the number, or remove it from `related`.

code-225 = A code is defined twice
    .description = Two entries define the same number with `code:`. Every code is defined once in the whole catalog, across all modules and namespaces. The note points at the first definition.
    .cause-1 = An entry was copied and its number was not changed.
    .cause-2 = The code is documented on two pages, and both modules define it with `code:`.
    .solution-1 = If both entries are the same code, keep the `code:` entry in the module the code belongs to, and list it on the other page with `also:` and its number.
    .solution-2 = If they are different codes, give one of them a new number.

code-226 = A code collides with a family member
    .description = A code written out by hand has the number of a code that a family of another module generates. An entry replaces a generated member only in the family's own module; anywhere else, the two are two definitions of one number.
    .cause-1 = The code was written out in another module than the family's, for example to document it on that page.
    .cause-2 = The number has a typo and happens to be a family member's.
    .solution-1 = Move the entry into the family's module: there it replaces the generated member, with its own name, message and texts.
    .solution-2 = To show the code on another page too, list it there with `also:` and its number.
    .solution-3 = If it is a different code, give it a number the family does not generate.

code-227 = A family's name pattern has no placeholder
    .description = A family's `name` pattern does not contain `{"{"}name{"}"}`, the place where the name of each table entry goes. Without it, every code of the family would get the same name.
    .cause-1 = The placeholder is misspelt or written another way: `SOCKET_{"{"}NAME{"}"}`, `SOCKET_$name` or `SOCKET_<name>`.
    .cause-2 = A constant name was written instead of a pattern, for example `name: SOCKET_ERROR`.
    .solution-1 = Write the pattern with `{"{"}name{"}"}` in lowercase, in quotes: `name: "SOCKET_{"{"}name{"}"}"`.

code-228 = A family's name pattern does not make constant names
    .description = A family's `name` pattern contains `{"{"}name{"}"}`, but the names it makes are not constant names: apart from `{"{"}name{"}"}`, the pattern may use only uppercase ASCII letters, digits and `_`, and it must start with a letter or with `{"{"}name{"}"}`.
    .cause-1 = The pattern has lowercase letters, `-` or spaces: `socket_{"{"}name{"}"}` or `SOCKET-{"{"}name{"}"}`.
    .cause-2 = It starts with a digit or `_`: `_{"{"}name{"}"}`.
    .solution-1 = Use uppercase letters, digits, `_` and `{"{"}name{"}"}`: `SOCKET_{"{"}name{"}"}`.

code-229 = A family generates codes outside its module's ranges
    .description = A module states the ranges it owns with `owns`, and one of its families generates a code outside them. The message names the first such code and the module's ranges.
    .cause-1 = The family's `base` is wrong, or the module's ranges are too narrow for base plus the largest value of the table.
    .cause-2 = The table grew: an entry with a larger value puts its code beyond the module's ranges.
    .solution-1 = Change the `base` so that base plus every value of the table lies in the module's ranges, or widen `owns`.

code-230 = Two families define the same codes
    .description = Two families generate some of the same numbers, but every number is defined once. The message names both families, how many codes they share and the first few of them.
    .cause-1 = Two families have bases too close together for their tables: for example bases 2301000 and 2301100 over a table whose values go beyond 100.
    .cause-2 = A family was copied and its `base` was not changed.
    .solution-1 = Change one family's `base` so that the numbers the two generate do not overlap.

code-231 = A named range lies outside its module's ranges
    .description = A named range under a module's `ranges:` does not lie within one of the ranges the module owns with `owns`. The message gives the range and the module's ranges.
    .cause-1 = The range's `from` or `to` is wrong.
    .cause-2 = The range spans two ranges of `owns`. It must fit inside one of them, even where two of them together cover it.
    .solution-1 = Fix the range, or widen `owns` so that one of its ranges contains the whole named range.

code-232 = A named range contains a code
    .description = A named range of a module contains a code that the same module defines or generates. Named ranges describe numbers that are not documented one by one (such as 4000–4999, private use); a code inside one would be described twice.
    .cause-1 = A code was added inside a range, for example one private-use code documented on its own.
    .cause-2 = The range is wider than intended, or a family of the module generates codes in it.
    .solution-1 = Split the range around the code: a range before it and a range after it, each with its own id.
    .solution-2 = Or narrow the range, or give the code a number outside it.

code-233 = Two named ranges overlap
    .description = Two named ranges of one module share some numbers. Each number in the page's table of ranges belongs to one range.
    .cause-1 = The `to` of one range is the `from` of the next, or one range lies inside the other.
    .solution-1 = Make the ranges disjoint: for example 4000–4499 and 4500–4999 rather than 4000–4500 and 4500–4999.

code-234 = A reference is unknown
    .description = A code, family or range cites under its `references` an id that the catalog does not declare under its top-level `references:`. The hint lists the ids that are declared.
    .cause-1 = The id is misspelt, for example `rfc6455-7.4` for `rfc6455-7.4.1`.
    .cause-2 = The reference is not declared yet, or it was renamed or removed.
    .solution-1 = Use an id the hint lists, or declare the reference under `references:` with its `id`, `title` and `url`.

code-235 = Two headings share one message
    .description = Two headings of different modules would use the same Fluent message. A heading's title and text are the message `heading-<module>-<heading>`, and some pairs of ids make the same message id: module `a` with heading `b-c`, and module `a-b` with heading `c`, both give `heading-a-b-c`. The note points at the other heading.
    .cause-1 = One module's id is another's followed by `-` and a word (`net` and `net-tls`), and the shorter one has a heading whose id starts with that word: heading `tls-errors` of `net` and heading `errors` of `net-tls` both give `heading-net-tls-errors`.
    .solution-1 = Rename one of the two headings, and its message in every locale, so that each heading has a message of its own.

code-236 = A heading level is out of range
    .description = A heading level in the catalog is not a Markdown heading level it can be: a module's `code_level` must be from 2 to 6, a heading's `level` from 1 to 6. The level is the number of `#`: 1 is the page's title, 2 is `##`.
    .cause-1 = The level is 0, or larger than 6.
    .cause-2 = `code_level: 1` was set, but codes cannot be level 1: that level is the page's title.
    .solution-1 = Write the number of `#` of the heading: 2 for `##`, 3 for `###`. Codes under `##` headings take `code_level: 3`.

code-237 = A marker is not a word
    .description = The `marker` of a code or of a listing is not one word of ASCII letters and digits. The marker wraps the code's section in comments, `<!--Del-->` before it and `<!--DelEnd-->` after it, so it must fit there.
    .cause-1 = The marker was written with its comment, or with other characters: `marker: "<!--Del-->"`, `marker: Del End` or `marker: RP-1`.
    .cause-2 = The marker is empty: `marker: ""`.
    .solution-1 = Write the bare word: `marker: Del`.

code-238 = A message drift names no language tag
    .description = A key under a code's or a listing's `message_drift` is not a language tag as errdoc names locales: a BCP 47 tag in its canonical spelling, like the folders under `locales/`.
    .cause-1 = The tag uses `_`, a space or the wrong case: `zh_CN`, `zh-cn`.
    .solution-1 = Write the name of the locale's folder under `locales/`: `zh-CN`.

code-239 = A message drift names an unknown locale
    .description = A key under `message_drift` is a valid language tag, but the project has no such locale: there is no folder of that name under `locales/`. errdoc does not compare that drift. This is a warning: the build still succeeds.
    .cause-1 = The tag has a typo, for example `zh-TW` for `zh-CN`.
    .cause-2 = The locale was removed from `locales/`, or it has not been added yet.
    .solution-1 = Fix the tag so that it names a folder under `locales/`, or remove that locale from `message_drift`.
    .solution-2 = If the project should have that locale, add it with `errdoc l10n add` and the tag.

code-240 = A message drift is resolved
    .description = `message_drift` records, for a locale, an Error Message that is now the same as the catalog's `message` (for a listing, the message of the code's own entry), so there is no drift any more. This is a warning: the build still succeeds, and the page shows the same message either way.
    .cause-1 = The catalog's `message` was changed to what the page shows, and the drift entry was left behind.
    .solution-1 = Remove the locale from `message_drift`, and remove `message_drift` when nothing is left in it.

code-241 = A page shows another Error Message
    .description = The page of one locale shows the code with another Error Message than the catalog's `message`, and `message_drift` records it. The page keeps showing what it showed; errdoc warns so that someone decides which message is right. This is a warning: the build still succeeds. The note points at the catalog's message; where the code has none, the message says `none`.
    .cause-1 = A page imported in that language showed another Error Message (a typo, an older wording or a translated message), and `errdoc import` kept it as `message_drift`.
    .cause-2 = The drift was written into the catalog by hand, on a code or on a listing.
    .solution-1 = The Error Message is the literal text the API returns: find out which one is right and, if it is the page's, fix the catalog's `message`. Then remove the locale from `message_drift`: the page shows the catalog's message again.
    .solution-2 = Until then, the warning stays, and `errdoc l10n status` lists the code as drift. Only `--deny-warnings` makes it fail a check.

code-242 = A module lists a code twice
    .description = A module lists the same code twice with `also:`. A page shows each code once. The note points at the first listing.
    .cause-1 = A listing was added again, for example when a block of listings was copied.
    .solution-1 = Remove one of the two `also:` entries, and keep the one at the place of the page where the code belongs.

code-243 = A module lists a code no module defines
    .description = A module lists with `also:` a code that no module defines, either with `code:` or through a family.
    .cause-1 = The number has a typo.
    .cause-2 = The code's entry was removed or renumbered, or it was never written.
    .cause-3 = The code should be defined here: `also:` only lists codes that are defined elsewhere.
    .solution-1 = Define the code with `code:`, its `name:` and its `message:` in the module it belongs to, fix the number, or remove the listing.

code-244 = A module lists a code it defines itself
    .description = A module lists with `also:` a code it defines itself, with `code:` or through one of its families. Listings are for codes that another module defines; this page shows the code already.
    .cause-1 = The code was moved into this module, and the listing that showed it here was left behind.
    .cause-2 = The listing was meant to show the code at another place of the page.
    .solution-1 = Remove the `also:` entry. To show the code at another place of the page, move its `code:` entry there.

code-245 = A code lies in a range another module owns
    .description = A module defines a code inside a range that another module of the same number space owns with `owns`. That number belongs to the other module. The message lists the other module's ranges.
    .cause-1 = The code was put into the wrong module, or its number has a typo.
    .cause-2 = The code belongs to the other module but is documented on this module's page too.
    .cause-3 = The other module's `owns` is wider than it should be.
    .solution-1 = Move the code's entry to the module that owns the number, and list it here with `also:` if this page should show it too.
    .solution-2 = Or narrow the other module's `owns`.
    .solution-3 = If the two modules number their codes independently, give them different `namespace` values. A number is still defined once in the whole catalog.

code-246 = A name is a keyword in Rust
    .description = `errdoc export --format rust` turns each constant name into an enum variant in CamelCase (`ABNORMAL_CLOSURE` becomes `AbnormalClosure`), and this name becomes `Self`, a Rust keyword that cannot be a variant. errdoc checks this in every project, whether you export to Rust or not. For a family's pattern, it reports the first such name and how many more the pattern makes.
    .cause-1 = A code is named `SELF`, or a family's pattern is `{"{"}name{"}"}` alone and its table has an entry named `SELF`.
    .solution-1 = Give the code another name, for example with a prefix: `APP_SELF`. For a family, give the pattern a prefix.

code-247 = Two names are the same in Rust
    .description = Two different constant names become the same Rust enum variant. The Rust export writes names in CamelCase without `_`, so names that differ only in a `_` before a digit, or in doubled or trailing `_`, give one variant: `ERROR_1` and `ERROR1` both become `Error1`. errdoc checks this in every project. The note points at the first of the two names.
    .cause-1 = A name differs from another only by a `_` before a digit: `HTTP_2_ERROR` and `HTTP2_ERROR`.
    .cause-2 = A name has a doubled or trailing `_`: `TIMED__OUT` beside `TIMED_OUT`, or `TIMEOUT_` beside `TIMEOUT`.
    .solution-1 = Give one of the two codes another name, one that differs in its letters or digits, not only in `_`.

code-248 = A name is a macro of the C library
    .description = `errdoc export --format c` defines each constant name as a macro, after the prefix `site.export_prefix` (`ERRDOC_` by default), and with this project's prefix the name is already a macro of the ISO C standard library, such as `EOF` of `<stdio.h>` or `ERANGE` of `<errno.h>`. A program that includes both headers would get two definitions. The message names the header. errdoc checks this in every project; for a family's pattern, it reports the first such name and how many more the pattern makes.
    .cause-1 = A family's pattern is `{"{"}name{"}"}` alone, without a prefix, and its table holds errno names such as `EDOM`, `ERANGE` or `EILSEQ`.
    .cause-2 = A code is named after a common constant, such as `EOF`, `NULL`, `INT_MAX` or `SIZE_MAX`.
    .solution-1 = Set `site.export_prefix` to a prefix (`APP_`), or leave it out for `ERRDOC_`: the C export puts it before every name.
    .solution-2 = Or give the code another name, for example with a prefix: `APP_EOF`. For a family, give the pattern a prefix: `SOCKET_{"{"}name{"}"}`.

code-249 = A group of synonyms has fewer than two words
    .description = `site.synonyms` lists, for a locale tag or a language, groups of words that mean the same, so that the site's search finds a code by any of them: `en: [[refused, rejected]]`. A group of one word (or of empty words) says nothing, and errdoc leaves it out of the search index.
    .cause-1 = A group was written as a single word, `en: [refused]`, or a word was left empty: `[refused, ""]`.
    .solution-1 = Add the words that mean the same to the group, `[refused, rejected]`, or remove the group.

code-250 = The source URL is not a URL of a project file
    .description = `site.source_url` tells errdoc where the project's files are shown in their repository, so that the translation status page can link each string still to do to its line in the `.ftl` file. It is an absolute `http://` or `https://` address with `{"{"}path{"}"}` where a file's path goes (`locales/zh-CN/socket.ftl`) and, optionally, `{"{"}line{"}"}` where its line number goes.
    .cause-1 = The address has no `{"{"}path{"}"}`, such as the repository's home page `https://github.com/org/repo`.
    .cause-2 = The address is relative, or has spaces, quotes or angle brackets in it.
    .solution-1 = Write the address of a file with the placeholders, as the repository's host shows files: `https://github.com/org/repo/blob/main/{"{"}path{"}"}#L{"{"}line{"}"}` on GitHub, `https://gitee.com/org/repo/blob/master/{"{"}path{"}"}#L{"{"}line{"}"}` on Gitee, `https://gitlab.com/org/repo/-/blob/main/{"{"}path{"}"}#L{"{"}line{"}"}` on GitLab.

code-251 = The export prefix cannot start C names
    .description = `site.export_prefix` is what `errdoc export --format c` puts before every name of its header: before each code's macro (`NET_ABNORMAL_CLOSURE`) and before the header's own names, which end in lower case (`NET_message()`, the include guard `NET_codes_h`), so that they collide with no other header's. It must make C identifiers: ASCII letters, digits and `_`, starting with a letter (C reserves names that start with `_` and a capital letter or a second `_`). An empty prefix (`""`) leaves the codes' names as they are.
    .cause-1 = The prefix has a `-`, a `.`, a space or a letter outside ASCII, such as `net-`.
    .cause-2 = The prefix starts with a digit or with `_`.
    .solution-1 = Write a prefix such as `NET_`, or leave `export_prefix` out for `ERRDOC_`. `errdoc export --format c --prefix` overrides it for one export.

code-252 = A module's page has the name of a page errdoc makes
    .description = Each locale's folder of the site holds the module pages beside three pages errdoc makes itself: `index.html` (the home page), `status.html` (the translation status) and `changes.html` (the changes since `site.changes_since`), and the Markdown pages hold `changes.md`. A module whose `page` is `index`, `status` or `changes` would overwrite one of them, or be overwritten.
    .cause-1 = A module was given a short page name, such as `page: status` for a module of status codes.
    .solution-1 = Name the page another way, such as `errorcode-status`, as the house style does.

