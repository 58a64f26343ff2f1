# errdoc's own errors E0101–E0117: the catalog file and the shape of its entries.

module-catalog = The catalog file
    .note = Errors in `catalog/codes.yaml` itself: whether it exists, its YAML syntax, and the shape of its entries and fields. Each error names the file and, where there is one, the line and column. Errors E0102 to E0109 stop errdoc from reading the catalog, so it reports only the first of them: fix it and run `errdoc check` again to see whether more follow.

code-101 = The catalog is missing
    .description = errdoc found no `catalog/codes.yaml` in the project folder. The catalog is where every code is defined, so without it errdoc has nothing to check or build.
    .cause-1 = errdoc was run outside the project folder. Without `--root`, the project folder is the current folder.
    .cause-2 = The catalog has another name or place, for example `catalog/codes.yml`, or `codes.yaml` at the project's root instead of in `catalog/`.
    .cause-3 = The project is new and has no catalog yet.
    .solution-1 = Run errdoc in the folder that holds `catalog/`, or name that folder with `--root`: `errdoc --root docs/errors check`.
    .solution-2 = Rename or move the file to `catalog/codes.yaml`.
    .solution-3 = To start a new project, run `errdoc init <folder>`: it creates the folder with a catalog to fill in.

code-102 = YAML syntax error
    .description = `catalog/codes.yaml` is not valid YAML at the position shown. The message is the YAML parser's own, such as `unclosed quote` or `mapping values are not allowed in this context`. The mistake is on this line or one of the lines before it. errdoc stops reading the catalog here.
    .cause-1 = The indentation is wrong: the fields of one entry do not start in the same column, or a line is indented with a tab (YAML indents with spaces only).
    .cause-2 = A quote, `[` or `{"{"}` is opened and never closed, for example `message: "Connection refused` without its closing quote.
    .cause-3 = A value without quotes contains `: ` or starts with a character YAML reserves, such as a backtick, `@`, `*` or `&`, for example `message: Error: bad request`.
    .cause-4 = A number is too large for its field, such as a heading `level` above 255: the message is then `invalid u8`.
    .solution-1 = Read the line shown and the lines before it: line up the fields of each entry with spaces, and close every quote and bracket.
    .solution-2 = Put a value in double quotes when it contains `: ` or starts with a special character: `message: "Error: bad request"`.

code-103 = A field is unknown
    .description = An entry of the catalog has a field errdoc does not know at that place. The message names the field and lists the fields that belong there. Every part of the catalog accepts only its own fields, so a misspelt field is an error instead of being silently ignored.
    .cause-1 = The field name is misspelt, for example `mesage:` or `nmae:`.
    .cause-2 = The field is indented to the wrong level and so belongs to another part of the catalog, for example a code's `name:` indented like the fields of its module.
    .cause-3 = The field is written where it does not belong, for example `owns:` under a code instead of under its module.
    .solution-1 = Fix the spelling, using one of the names the message lists.
    .solution-2 = Move the field to its place and indentation, or remove it. The section "The catalog" of errdoc's README.md shows every field in its place.

code-104 = A required field is missing
    .description = An entry lacks a field it must have. The message names the field.
    .cause-1 = The field was left out. A module needs `id` and `page`; a reference needs `id`, `title` and `url`; a table needs `id`, and each of its entries `value`, `name` and `message`; a family needs `id`, `base`, `table` and `name`; a range needs `from` and `to`, and a named range under `ranges:` also `id`.
    .cause-2 = An entry written on one line (`- ` followed by fields in braces) lost a field when it was edited.
    .solution-1 = Add the field the message names to the entry the error points at, for example `page: errorcode-net-socket` for a module.

code-105 = A value is not one of the allowed values
    .description = A field that takes one of a fixed set of values has another value. The message lists the values the field accepts.
    .cause-1 = A flag under `flags:` is misspelt. The flags are `reserved` and `never-sent`, with a hyphen (not `never_sent` or `never-send`).
    .cause-2 = The `family` option of a `style` is neither `rule` nor `table`.
    .solution-1 = Write one of the values the message lists, spelt exactly: `flags: [never-sent]`.

code-106 = A key is written twice
    .description = One mapping of the catalog has the same key twice, for example two `message:` lines in one entry. YAML does not allow it, and errdoc could not tell which of the two you mean.
    .cause-1 = A field was written twice in one entry, for example after copying lines from another entry.
    .cause-2 = The `- ` that starts a new entry is missing, so the fields of two entries run together and, for example, `code:` appears twice in one entry.
    .cause-3 = A top-level part such as `modules:` or `tables:` appears twice in the file, or one locale appears twice under a code's `message_drift`.
    .solution-1 = Keep one of the two and delete the other, or merge them into one.
    .solution-2 = If two entries ran together, start the second one with `- `, for example `- code: 1007`.

code-107 = A value has the wrong type
    .description = A field holds a kind of value it cannot take: text where a number belongs, a single value where a list belongs, or the other way round. The hint says what the field takes.
    .cause-1 = A code number is not a whole number, for example `code: 1.5` or `code: 100A`. Codes may be negative (`-1`) and long, but not fractions or text.
    .cause-2 = A table entry's `value` is negative, not a whole number, or larger than 4294967295.
    .cause-3 = A field that takes a list has a single value: `related: 1006` instead of `related: [1006]`.
    .cause-4 = A place that takes fields has a single value or a list, for example an entry of `codes:` written as `- 1006` instead of `- code: 1006`, or `metadata: Network Kit` instead of `kit: Network Kit` under `metadata:`.
    .cause-5 = A field that takes text has a list or a mapping, for example `name: [A, B]`.
    .solution-1 = Write the kind of value the hint asks for, for example `related: [1006, 1011]`, or `- code: 1006` for an entry.
    .solution-2 = Put text in double quotes when YAML could read it as a list or a mapping, for example when it starts with `[`.

code-108 = A value is missing
    .description = A field is written with nothing after its colon, but it needs a value. YAML reads the empty value as null, which this field cannot take.
    .cause-1 = A required value was left out or not filled in yet, for example `page:` or `title:` alone on its line.
    .solution-1 = Write the value after the colon: `page: errorcode-net-socket`.
    .solution-2 = If the field is optional, you can remove the whole line instead. A required field, such as a module's `page`, must have a value (removing it gives E0104).

code-109 = The catalog holds several YAML documents
    .description = `catalog/codes.yaml` contains more than one YAML document. A line of `---` between two parts of a file starts a new document, and errdoc reads the catalog as one single document.
    .cause-1 = A `---` line stands in the middle of the file, for example where two catalogs, or two parts of one, were pasted together.
    .cause-2 = Something follows a `...` line, which ends a YAML document.
    .solution-1 = Remove the `---` (or `...`) line and merge what follows into the one document, so that the file has one `modules:`, and at most one `site:`, `references:` and `tables:`. A single `---` on the first line is allowed.

code-110 = An entry is of several kinds
    .description = An entry of a module's `codes:` has more than one of `code:`, `also:` and `heading:`. Each entry is exactly one thing: a code defined here (`code:`), a code another module defines and this page lists too (`also:`), or a heading of the page that is not a code (`heading:`). errdoc leaves the entry out.
    .cause-1 = The `- ` that starts a new entry is missing, so a heading and the code below it run together in one entry.
    .cause-2 = A code was changed from a definition to a listing, or the other way round, and the old field was kept: `code: 2300002` beside `also: 2300002`.
    .solution-1 = Keep one of the three fields in this entry, and start a new entry with `- ` for the other: `- heading: tls` on one line, `- code: 2303100` on another.

code-111 = A heading has a field of a code
    .description = An entry with `heading:` has a field a heading cannot have. Such an entry is a heading of the page that is not a code, and it takes only `level`. Its title and text are not in the catalog but in the Fluent message `heading-<module>-<id>` and its `.text` attribute.
    .cause-1 = A field of a code, such as `name:` or `message:`, was added to the heading to give it a title or text.
    .cause-2 = The heading has a `marker:`, which only codes and listings take.
    .solution-1 = Remove the field. Write the heading's title and text in the module's file under `locales/`: for heading `tls` of module `socket`, `heading-socket-tls = TLS Error Codes` with a `.text` attribute.
    .solution-2 = If the entry should be a code, replace `heading:` with `code:`, its number and its `name:`.

code-112 = A code has a heading level
    .description = An entry that defines or lists a code has `level:`, which only headings (`heading:`) take. The heading level of a page's codes is set once, for the whole module, with `code_level`.
    .cause-1 = `level: 3` was written on a code to put it under a heading of the page.
    .cause-2 = The entry was a heading and kept its `level` when it became a code. On a listing (`also:`), E0114 reports the same field as well.
    .solution-1 = Remove `level` from the entry. To make every code of the page a `###` heading under `##` headings, set `code_level: 3` on the module.

code-113 = A code has no name
    .description = An entry with `code:` has no `name:`, or `name:` with nothing after it. Every code needs a constant name: it is unique in the catalog, and it is what the exports and the search use.
    .cause-1 = The `name:` line was forgotten, or its value left out.
    .cause-2 = The entry is meant to show a code another module defines: such an entry uses `also:`, not `code:`, and takes no name.
    .solution-1 = Add a constant name of uppercase letters, digits and `_`, starting with a letter: `name: MY_ERROR`.
    .solution-2 = If another module defines the code, write `also:` with its number instead of `code:`.

code-114 = A listing has a field of a code
    .description = An entry with `also:` lists a code another module defines, and it has a field that belongs to the code's own entry, such as `name`, `message`, `references` or `related`. A listing shows the code as its own module defines it; it takes only `marker` and `message_drift`.
    .cause-1 = The code's fields were copied along with it when it was listed on a second page.
    .cause-2 = A code was changed from `code:` to `also:`, because another module now defines it, and kept its other fields.
    .cause-3 = The listing has `level:`, which E0112 reports as well.
    .solution-1 = Remove the field from the listing. If the code's entry is wrong, change it in the module that defines the code.
    .solution-2 = If this page shows another Error Message than the code's own page, record it under `message_drift` of the listing, by locale, instead of `message`.
    .solution-3 = For texts of its own on this page, write the Fluent message `code-<number>-on-<module>` instead of adding fields to the catalog.

code-115 = An entry is neither a code, a listing nor a heading
    .description = An entry of a module's `codes:` has none of `code:`, `also:` and `heading:`, so errdoc cannot tell what it is. It leaves the entry out of the page.
    .cause-1 = The `code:` line was forgotten or deleted, leaving an entry such as `- name: MY_ERROR`.
    .cause-2 = An extra `- ` split the fields of one entry in two, for example `- marker: Del` on a line of its own below a code.
    .solution-1 = Write `code:` with a number to define a code here, `also:` with a number to list a code another module defines, or `heading:` with an id for a heading of the page.
    .solution-2 = If the fields belong to the entry above, remove the extra `- ` and indent them like that entry's other fields.

code-116 = A family expands an unknown table
    .description = A family's `table:` names a table the catalog does not declare under `tables:`. A family generates one code per entry of its table, so without the table it generates nothing. The hint lists the tables that exist.
    .cause-1 = The table id is misspelt, for example `table: erno` instead of `errno`.
    .cause-2 = The table is not declared yet, or it was renamed or removed.
    .solution-1 = Use the id of a table the hint lists.
    .solution-2 = Declare the table under the top-level `tables:`, with its `id` and `entries`.

code-117 = A family code is too large
    .description = A family's `base` plus the `value` of an entry of its table is larger than 9223372036854775807, the largest code errdoc can hold. errdoc does not generate that member.
    .cause-1 = The base has too many digits, for example after a typo.
    .cause-2 = A table has a large value (values go up to 4294967295), and the base is already close to the limit.
    .solution-1 = Use a smaller base: the base plus the largest value of the table must not exceed 9223372036854775807.
    .solution-2 = Check the values of the table for a value that is larger than intended.
