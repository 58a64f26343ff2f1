# errdoc's own error codes E0401–E0412: templates and layouts.

module-look = Templates and layouts
    .note = Problems with the templates that write the pages (errdoc's built-in ones and a project's own in `templates/`) and with the layouts in `layouts/<locale>/<page>.md`, which `import` writes so that a page keeps the way it was written. Errors in a layout point at its file, line and column; warnings about layouts that nothing uses name the file and leave the build working.

code-401 = A template error
    .description = Tera, the template engine, reported an error in a template: while reading it (a syntax error) or while writing a page with it (a variable, filter or function it does not know). The message names the template and gives Tera's reason; the position is in the project's file, or in errdoc's built-in one, shown as `(built-in)`.
    .cause-1 = A project's template in `templates/` has a syntax error, such as an unclosed tag, or an `if` or `for` block without its `endif` or `endfor`.
    .cause-2 = The template uses a variable the page does not have (Tera lists those it has), or a filter or function with a misspelt name; often it is an override written for an older errdoc.
    .cause-3 = The template asks for a UI text with `t(id=…)` that no locale has.
    .solution-1 = Fix the template at the position shown; the [Tera documentation](https://keats.github.io/tera/) describes the syntax. Compare it with errdoc's built-in template of the same name, in the `templates/` folder of errdoc's repository.
    .solution-2 = Add a missing UI text to the source locale (`ui-my-label = …` in `locales/en/ui.ftl`), or delete the override to go back to the built-in template.

code-402 = A line of a layout would put markup on the page
    .description = A line the layout itself writes (not a text filled into one of its slots) would give the finished Markdown page raw HTML, or a link to an address that is not http, https or mailto. errdoc reads every finished page again and fails the build if it carries either. A page may carry only comments, `<br>`, `<sup>`, `<sub>` and the anchors errdoc writes.
    .cause-1 = The layout was edited by hand and got an HTML tag, such as `<div>`, `<img>` or `<table>`.
    .cause-2 = The layout's own text has a `<` right before a letter, `/`, `!` or `?` (`<name>`), which some Markdown renderers read as a tag.
    .cause-3 = The layout has a link to `javascript:`, `file:` or another scheme that is not allowed.
    .solution-1 = Remove the markup, or write `&lt;` for `<`; write formatting in Markdown.
    .solution-2 = Change the link to an `https://` address, or turn it into text.

code-403 = A finished page would carry markup
    .description = A finished Markdown page would carry raw HTML, or a link to an address that is not http, https or mailto, at the line the message gives, and errdoc cannot trace it to a line of a layout. errdoc escapes everything that translations and the catalog bring, so it comes from the templates or the layout the message names. The check fails, and `build` writes nothing.
    .cause-1 = A project's override in `templates/markdown/` (`page.md` or one of its pieces `head.md`, `code.md`, `heading.md`, `family_rule.md`, `end.md`) writes HTML.
    .cause-2 = A layout's own text and a text filled in beside it together form markup that neither is alone.
    .cause-3 = With errdoc's own templates and no layout: a bug in errdoc.
    .solution-1 = Remove the HTML from the override or the layout (write `&lt;` for `<`). A page may carry only comments, `<br>`, `<sup>`, `<sub>` and errdoc's own `<a id="…"></a>` anchors.
    .solution-2 = If the project has no overrides and no layouts, report it as a bug, with the page and the line.

code-404 = A double brace in a layout is not closed
    .description = A layout has `{"{{"}` with no `{"}}"}` anywhere after it in the file. errdoc keeps the rest of the file as plain text, so it finds no part or slot after this place.
    .cause-1 = A token lost a brace, as in `{"{{"}title{"}"}`.
    .cause-2 = A double brace meant as text, such as a template example, was written into the layout by hand.
    .solution-1 = Close the token with `{"}}"}`.
    .solution-2 = Write a double brace meant as text as `{"{{"}"{"{{"}"{"}}"}`: whatever stands in quotes inside double braces is written as it is.

code-405 = A part appears twice in a layout
    .description = The same part begins twice in one layout: `{"{{"}page{"}}"}`, the same `{"{{"}code N{"}}"}` or the same `{"{{"}heading ID{"}}"}`. errdoc uses the first; the second, from its line to the next part, is not written to the page. This is a warning: the build still succeeds.
    .cause-1 = A part was copied while editing the layout, or two versions of the layout were merged.
    .solution-1 = Delete the second part (from its line to the next part), or merge what it has into the first.

code-406 = Text follows a part's token on its line
    .description = The token that begins a part (`{"{{"}page{"}}"}`, `{"{{"}code N{"}}"}`, `{"{{"}heading ID{"}}"}`) stands on a line of its own, and that line is not part of the page. This one has text after it on the same line.
    .cause-1 = Two lines were joined while editing, as in `{"{{"}code 1006{"}}"} ## 1006 {"{{"}title{"}}"}`.
    .solution-1 = Move the text to the next line.

code-407 = A slot has no place here
    .description = A slot stands in a part that cannot hold it, or before any part. The top of the page (`{"{{"}page{"}}"}`) takes `{"{{"}title{"}}"}`, `{"{{"}meta KEY{"}}"}`, `{"{{"}note{"}}"}` and `{"{{"}intro{"}}"}`; a code's part takes `{"{{"}title{"}}"}`, `{"{{"}message{"}}"}` (or `{"{{"}message plain{"}}"}`), `{"{{"}intro{"}}"}`, `{"{{"}description{"}}"}`, `{"{{"}cause N{"}}"}`, `{"{{"}solution N{"}}"}` and `{"{{"}details{"}}"}`; a heading's part takes `{"{{"}title{"}}"}` and `{"{{"}text{"}}"}`.
    .cause-1 = A slot ended up below another part's line while editing, such as `{"{{"}note{"}}"}` below the first `{"{{"}code N{"}}"}`.
    .cause-2 = A slot of one kind of part was written into another: `{"{{"}cause 1{"}}"}` under `{"{{"}heading ID{"}}"}`, `{"{{"}meta Kit{"}}"}` in a code's part.
    .solution-1 = Move the slot into the part it belongs to, or delete it.

code-408 = A layout token is unknown
    .description = Double braces in a layout hold something that is neither a part nor a slot. The hint shows how the nearest token is written.
    .cause-1 = A typo: `{"{{"}titel{"}}"}`, `{"{{"}descripton{"}}"}`.
    .cause-2 = A number that is missing or 0 (`{"{{"}cause{"}}"}`, `{"{{"}cause 0{"}}"}`; causes and steps count from 1), or a code that is not a number.
    .cause-3 = A part's token (`{"{{"}page{"}}"}`, `{"{{"}code N{"}}"}`, `{"{{"}heading ID{"}}"}`, `{"{{"}absent N{"}}"}`) that does not stand on a line of its own.
    .cause-4 = Double braces meant as text, such as a template example on the page.
    .solution-1 = Write the token as the hint shows, and put a part's token on a line of its own.
    .solution-2 = Write double braces meant as text as `{"{{"}"{"{{"}"{"}}"}`.

code-409 = A layout for a locale the project does not have
    .description = A folder under `layouts/` is named after a locale that `locales/` does not have, so errdoc uses none of its layouts. This is a warning: the build still succeeds.
    .cause-1 = The locale was renamed (`zh-cn` to `zh-CN`) or removed, and its layouts were not.
    .solution-1 = Rename the folder like the locale's folder, delete it, or add the locale with `errdoc l10n add <tag>`.

code-410 = A layout of a page no module writes
    .description = The name of a layout file (`layouts/<locale>/<page>.md`) is not the `page` of any module in the catalog, so nothing uses it. The hint lists the pages there are. This is a warning: the build still succeeds.
    .cause-1 = The module's `page` was renamed, or the module removed, after the page was imported.
    .cause-2 = The file was named after the module's id instead of its page, such as `net-socket.md` for the page `errorcode-net-socket`.
    .solution-1 = Rename the file after the module's `page`, or delete it.

code-411 = A layout wraps a code in other marker lines than the catalog
    .description = A code's part in a layout records the marker the code had when the page was imported (`{"{{"}code 17700001 marker Del opens{"}}"}`), and the catalog now gives the code another marker, or none. The page keeps its own marker lines. This is a warning: the build still succeeds.
    .cause-1 = The code's `marker` was added, changed or removed in the catalog after the page was imported.
    .cause-2 = When it was imported, the page in this language wrapped the code differently from the page in the source language, and its layout keeps that.
    .solution-1 = If the page should follow the catalog, change the marker lines around the code's part (`<!--Del-->` before it, `<!--DelEnd-->` after it) and its `{"{{"}code …{"}}"}` line to match, or import the page again.
    .solution-2 = If the page is right as it is, the warning can stay.

code-412 = Parts of a layout are not used
    .description = A layout has parts for codes or headings its module does not have: the module neither defines the code nor lists it (`also:`), or has no heading with that id. errdoc writes none of those parts. This is a warning: the build still succeeds.
    .cause-1 = After the page was imported, the code was removed, renumbered or moved to another module, or the heading was renamed or removed.
    .solution-1 = Delete each part the message names, from its token's line to the next part.
    .solution-2 = Or add the code (`code:` or `also:`) or the heading back to the module.
