# errdoc's own error codes E0621–E0624: the source code against the catalog (`errdoc scan`).

module-scan = Source code against the catalog
    .note = What `errdoc scan PATH…` finds when it reads source code (C and C++, Rust, TypeScript and ArkTS, JavaScript, Java and Kotlin, Python, Go, C#, Swift, Objective-C) for the error codes it uses: a whole integer literal inside a range a module `owns`, a catalog constant's name, or group 1 of a pattern of `scan.patterns`. A code the source uses and the catalog does not document is the most common documentation bug; `scan` fails on it (exit 1), as the Rust compiler's `tidy` fails its build on an undocumented error code. Each points at the file, line and column.

code-621 = A code the source uses is not documented
    .description = A source file uses a number inside a range a module of the catalog owns (or a project pattern names a code), and the catalog has no such code and no named range that holds it. An app that gets this code finds no page for it.
    .cause-1 = The code was added to the implementation and not to `catalog/codes.yaml`.
    .cause-2 = The number is not an error code but happens to lie in an owned range (a limit, a size, a date).
    .solution-1 = Document the code: add it to its module in `catalog/codes.yaml` with its English texts, then its translations.
    .solution-2 = If it is not an error code, narrow the module's `owns`, or leave the file out with `scan.exclude`.

code-622 = A documented code is used nowhere
    .description = With `--unused`: no source file scanned mentions the code, by number or by its constant's name. Family members (which apps compute as `base + errno`) and codes kept as `removed:` are not listed.
    .cause-1 = No API returns the code any more.
    .cause-2 = The source names the code in a way `scan` does not know, such as a macro that adds a base to a number.
    .cause-3 = The folder that uses it was not scanned, or is left out by `scan.exclude` or a `.gitignore`.
    .solution-1 = If no API returns it, mark it `removed: "<release>"`: it stays documented and its number taken.
    .solution-2 = Describe the project's own way of naming codes in `scan.patterns`, a regular expression whose group 1 is the number or the name, such as `'NET_ERR\((\w+)\)'`.

code-623 = A glob or pattern of `scan` does not compile
    .description = An entry of `scan.include` or `scan.exclude` is not a valid glob, or an entry of `scan.patterns` is not a valid regular expression or has no group 1.
    .cause-1 = A bracket or a parenthesis is not closed; in YAML, a backslash inside double quotes is an escape (write patterns in single quotes).
    .cause-2 = A pattern without a group: `scan` takes group 1 as the code or the constant's name.
    .solution-1 = Fix the entry. Globs match paths relative to the current folder (`src/**/*.c`, `**/vendor/**`); patterns use the syntax of Rust's `regex` crate.

code-624 = A path cannot be scanned
    .description = A path given to `scan`, or a file or folder under it, could not be read. `scan` reads everything else, and then fails, so that nothing is left out without saying so.
    .cause-1 = The path does not exist (a typo, or a path relative to another folder).
    .cause-2 = errdoc may not read the file or folder.
    .cause-3 = No file under the paths is read: none is of a language errdoc knows, `scan.include` and `scan.exclude` leave none, or every one is binary.
    .solution-1 = Pass paths that exist, relative to the current folder, and check the permissions.
