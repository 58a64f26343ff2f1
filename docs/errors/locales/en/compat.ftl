# errdoc's own error codes E0601–E0617: the catalog against an earlier release (`errdoc compat`).

module-compat = Compatibility with an earlier release
    .note = What `errdoc compat --against REV|FILE` finds when it compares the catalog with an earlier release's: a git revision of the project, or a file of `errdoc export --format json`. Apps branch on error codes, name their constants and match their messages, so a change to any of them breaks apps. Errors are such breaking changes and make `compat` exit with 1; warnings deserve a look; notes are changes the catalog acknowledges (`removed:`, `renamed_from:`, `message_changed:`, a family's `changed:`) and codes that are new, which a changelog lists. Each points at the code's line in today's catalog, or in the earlier release's for a code that is gone.

code-601 = A code is gone
    .description = The earlier release has this code and today's catalog does not. Apps that branch on the code, or use its constant, break; and a number that is no longer in the catalog can later be given to another error.
    .cause-1 = The code's entry was deleted from `catalog/codes.yaml`.
    .cause-2 = The module that defined it was deleted or its `owns` no longer includes the number.
    .solution-1 = If the code is gone on purpose, keep its entry and add `removed: "<release>"` (such as `removed: "API 14"`). The pages document it as removed, its number stays taken, and `compat` notes the removal (E0613).
    .solution-2 = If it was deleted by mistake, restore the entry from the earlier release.

code-602 = A code was renumbered
    .description = The constant that named this code in the earlier release names another number today. Apps that compare the error with the old number, or were compiled with the old value of the constant, take the error for another or miss it.
    .cause-1 = The code's `code:` was edited, for example to move it into another range.
    .solution-1 = Keep the old number with its name (with `removed: "<release>"` if it is no longer returned) and give the new code a constant of its own.

code-603 = A number is reused for another meaning
    .description = The number had another constant and another literal message in the earlier release: it now means another error. This is the worst break of all: apps that handle the old error run their handling on the new one.
    .cause-1 = A code that seemed unused was deleted and its number given to a new error.
    .cause-2 = The code was renamed and reworded at once.
    .solution-1 = Give the new error a number of its own and restore the old code (with `removed: "<release>"` if it is gone).
    .solution-2 = If it is the same error, renamed and reworded, say both: `renamed_from: OLD_NAME` and `message_changed: "<release>"`.

code-604 = A constant was renamed
    .description = The code's constant has another name than in the earlier release, with the same message. Programs that use the exported constants (Rust, TypeScript, ArkTS, C) no longer compile.
    .cause-1 = The `name:` of the code was edited.
    .solution-1 = If the rename is meant, say so with `renamed_from: OLD_NAME` on the code; `compat` then notes it (E0614), and the changelog lists it.
    .solution-2 = Otherwise, restore the old name.

code-605 = A literal message changed
    .description = The message an API returns for this code differs from the earlier release's. Apps and log filters that match the message break. A change from a message to none, or from none to one, counts too.
    .cause-1 = The `message:` of the code was edited, even for punctuation or case.
    .cause-2 = For a family's member, the table entry's `message:` was edited (see E0607).
    .solution-1 = If the change is meant, say in which release: `message_changed: "<release>"`; `compat` then notes it (E0615).
    .solution-2 = Otherwise, restore the message: the literal message is what the API returns, not documentation text.

code-606 = A code moved to another module
    .description = Another module defines the code than in the earlier release, so it is documented on another page. Apps do not notice, but links to its section of the old page break.
    .cause-1 = The code's entry was moved to another module of the catalog.
    .solution-1 = List the code on its old page too, with `also: <code>` in the old module's `codes:`.
    .solution-2 = Or redirect the old page's address on the web server.

code-607 = A family changed its members
    .description = A family makes a code for every entry of a table (`base + value`); the change of its base, its table, its name pattern or the table's entries changed the codes it makes. The changes are summed up on the family's line: codes gone, renumbered, constants renamed and messages changed. Each breaks apps as the same change to a written code does.
    .cause-1 = The family's `base:` changed: every member is renumbered.
    .cause-2 = An entry of the table was removed or renamed, or its message edited.
    .cause-3 = The family's `name:` pattern changed: every constant is renamed.
    .solution-1 = Keep the family as it was and make a new family for the new rule.
    .solution-2 = If the change is meant, say in which release with `changed: "<release>"` on the family; `compat` then notes it (E0616).

code-608 = A code is removed without having been deprecated
    .description = The code has `removed:`, but the earlier release did not mark it `deprecated:`. Apps had no release in which to move off it.
    .cause-1 = The code was removed in the release after it was last documented as current.
    .solution-1 = Deprecate codes (`deprecated: "<release>"`) for at least one release before removing them. If the code had to go at once, the warning can stay: it is not an error.

code-609 = The release of `site.changes_since` cannot be read
    .description = `site.changes_since` names the file of an earlier release that the site's "Changes since" pages compare with, and the build cannot read it. A build reads only the project's files (never git history, so that a shallow clone builds the same site): the file is a snapshot made with `errdoc export --format json` at that release and kept under `catalog/`.
    .cause-1 = The file does not exist: the path has a typo, or the snapshot was never made.
    .cause-2 = The path is not under `catalog/`, or leaves the project (`..`).
    .cause-3 = The file is not what `errdoc export --format json` writes (a site's `codes.json` has one language and no history), or it has a name or module errdoc would not have written, which the pages would show as they are.
    .cause-4 = Problems any input file can have (not UTF-8, a folder, a link out of the project) are reported with their own codes, E0501 to E0505.
    .solution-1 = At the release, run `errdoc export --format json -o catalog/releases/<release>.json`, commit the file, and name it: `changes_since: "catalog/releases/<release>.json"`. The pages name the release after the file (`v1.0.json` is v1.0).

code-611 = A code is new
    .description = Today's catalog has a code the earlier release did not have. Nothing to fix: the note is there for the changelog.
    .cause-1 = A code was added to the catalog.
    .solution-1 = Nothing to do. Give it `since: "<release>"` if the pages should say when it came.

code-612 = A code is newly deprecated
    .description = The code has `deprecated:` today and did not in the earlier release. Nothing to fix: the note is there for the changelog.
    .cause-1 = `deprecated: "<release>"` was added to the code.
    .solution-1 = Nothing to do.

code-613 = A removal is acknowledged
    .description = The code is kept in the catalog with `removed: "<release>"`: it is documented as removed and its number stays taken. `compat` notes it for the changelog.
    .cause-1 = `removed:` was added to the code.
    .solution-1 = Nothing to do. Keep the entry: deleting it later would be E0601.

code-614 = A rename is acknowledged
    .description = The code's constant has another name, and the code says `renamed_from:` with the old name. `compat` notes it for the changelog.
    .cause-1 = The code was renamed with `renamed_from: OLD_NAME`.
    .solution-1 = Nothing to do. Tell app developers: their code names the constant.

code-615 = A message change is acknowledged
    .description = The code's literal message differs from the earlier release's, and the code says `message_changed:` with the release. `compat` notes it for the changelog.
    .cause-1 = The message was edited and `message_changed: "<release>"` added.
    .solution-1 = Nothing to do. Tell app developers who match messages.

code-616 = A family's change is acknowledged
    .description = A family's members changed since the earlier release, and the family says `changed:` with the release. `compat` notes what changed for the changelog.
    .cause-1 = The family's rule or its table changed and `changed: "<release>"` was added to the family.
    .solution-1 = Nothing to do.

code-617 = A family has new members
    .description = A family makes codes today that it did not make in the earlier release, such as for a new entry of its table. Nothing to fix: the note is there for the changelog.
    .cause-1 = An entry was added to the family's table.
    .solution-1 = Nothing to do.
