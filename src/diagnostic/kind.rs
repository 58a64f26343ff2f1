//! Every kind of problem errdoc reports about a project, with its stable
//! code, its severity and its wording — the one place each is written (as
//! `just`'s `CompileErrorKind`).
//!
//! A code is `E` and four digits: `E01xx` the catalog's shape, `E02xx` what
//! the catalog says, `E03xx` the translations, `E04xx` templates and
//! layouts, `E05xx` files and options, `E060x`–`E061x` the catalog against
//! an earlier release (`compat`; notes there are changes it acknowledges),
//! `E062x` the source code against the catalog (`scan`). A code is never reused for another
//! meaning; a kind that goes away leaves its number unused (E0332, E0506,
//! E0508, E0511).
//!
//! What each one means and how to fix it is errdoc's own error-code
//! documentation, `docs/errors/` (an errdoc project, English and Chinese),
//! which `errdoc explain-error E0201` shows; a test keeps the two in step.

use super::Severity;

/// A code number (`crate::catalog::CodeNumber`, named here so that
/// diagnostics depend on nothing of the catalog).
type CodeNumber = i64;

/// Declares [`Kind`]: `CODE Severity Name { fields } => "message", hint
/// "hint", note "what the second place is";`. The message and the hint are
/// `format!` strings over the fields.
macro_rules! kinds {
    (@opt) => { None };
    (@opt $e:expr) => { Some($e) };
    ($(
        $code:ident $severity:ident $name:ident $({ $($field:ident : $ty:ty),* $(,)? })?
            => $message:literal $(, hint $hint:literal)? $(, note $note:literal)? ;
    )*) => {
        /// A kind of problem, with what its wording needs.
        #[derive(Debug, Clone)]
        pub(crate) enum Kind {
            $(
                #[doc = $message]
                $name $({ $($field: $ty),* })?,
            )*
        }

        impl Kind {
            pub(super) fn code(&self) -> &'static str {
                match self { $(Kind::$name { .. } => stringify!($code),)* }
            }

            pub(super) fn severity(&self) -> Severity {
                match self { $(Kind::$name { .. } => Severity::$severity,)* }
            }

            #[allow(unused_variables)]
            pub(super) fn message(&self) -> String {
                match self { $(Kind::$name $({ $($field),* })? => format!($message),)* }
            }

            #[allow(unused_variables)]
            pub(super) fn hint(&self) -> Option<String> {
                match self { $(Kind::$name $({ $($field),* })? => kinds!(@opt $(format!($hint))?),)* }
            }

            pub(super) fn note(&self) -> &'static str {
                match self { $(Kind::$name { .. } => kinds!(@note $($note)?),)* }
            }
        }

        /// Every kind, in code order: code, name and severity.
        pub const KINDS: &[KindInfo] = &[
            $(KindInfo {
                code: stringify!($code),
                name: stringify!($name),
                severity: Severity::$severity,
                message: $message,
            },)*
        ];
    };
    (@note) => { "first defined here" };
    (@note $note:literal) => { $note };
}

/// A kind of problem as `explain-error` and the tests list it.
#[derive(Debug, Clone, Copy)]
pub struct KindInfo {
    /// `E0201`.
    pub code: &'static str,
    /// `DuplicateId`.
    pub name: &'static str,
    /// Whether it stops a command.
    pub severity: Severity,
    /// Its message, as a `format!` string over the kind's fields
    /// (`code {code} is defined twice`).
    pub message: &'static str,
}

kinds! {
    // E01xx: the catalog file and the shape of its entries.
    E0101 Error CatalogMissing
        => "the catalog is missing",
        hint "create it, or run errdoc in a project folder (see --root)";
    E0102 Error YamlSyntax { detail: String }
        => "{detail}",
        hint "a YAML syntax error: check this line and the lines before it for indentation, an unclosed `[`, `{{` or quote, and tabs (indent with spaces)";
    E0103 Error UnknownField { detail: String }
        => "{detail}",
        hint "fix the spelling or remove the field; README.md \"The catalog\" lists every field";
    E0104 Error MissingField { detail: String }
        => "{detail}",
        hint "add the field; README.md \"The catalog\" lists every field";
    E0105 Error UnknownValue { detail: String }
        => "{detail}",
        hint "use one of the listed values";
    E0106 Error DuplicateKey { detail: String }
        => "{detail}",
        hint "write each key once";
    E0107 Error WrongType { detail: String, expected: &'static str }
        => "{detail}",
        hint "{expected}";
    E0108 Error MissingValue
        => "a value is missing here",
        hint "write the value after the colon";
    E0109 Error SeveralDocuments
        => "the catalog holds more than one YAML document",
        hint "keep one document: remove the `---` line";
    E0110 Error EntryOfSeveralKinds
        => "an entry has more than one of `code`, `also` and `heading`",
        hint "`code:` defines a code here, `also:` lists a code another module defines, `heading:` is a heading of the page — keep one";
    E0111 Error HeadingWithCodeField { heading: String, field: &'static str }
        => "the heading `{heading}` has `{field}`, which headings do not take",
        hint "a heading (`heading:`) takes only `level`; its title and text are `heading-<module>-<id>` and its `.text` in locales/";
    E0112 Error LevelOfCode
        => "`level` belongs to headings",
        hint "a code's heading level is the module's `code_level`";
    E0113 Error CodeWithoutName { code: CodeNumber }
        => "code {code} has no `name`",
        hint "give it a constant name: `name: MY_ERROR` (uppercase letters, digits and `_`)";
    E0114 Error ListingWithCodeField { code: CodeNumber, field: &'static str }
        => "the listing of code {code} has `{field}`, which belongs where the code is defined",
        hint "a listing (`also:`) takes only `marker` and `message_drift`; move the field to the code's own entry";
    E0115 Error BareEntry { module: String }
        => "an entry of module `{module}` has no `code`, `also` or `heading`",
        hint "write `code: <number>` to define a code here, `also: <number>` to list one another module defines, or `heading: <id>` for a heading of the page";
    E0116 Error UnknownTable { family: String, table: String, known: String }
        => "family `{family}` expands the unknown table `{table}`",
        hint "declare it under `tables:` or use one of: {known}";
    E0117 Error FamilyOverflow { family: String, base: CodeNumber, value: u32 }
        => "family `{family}`: {base} + {value} is larger than 9223372036854775807",
        hint "use a smaller base";

    // E02xx: what the catalog says.
    E0201 Error DuplicateId { what: String, value: String }
        => "{what} `{value}` is defined twice",
        hint "give each one a different {what}";
    E0202 Error NotAnId { what: &'static str, id: String }
        => "{what} id `{id}` is not a lowercase id",
        hint "use lowercase letters, digits and `-`, starting with a letter (`socket-errno`)";
    E0203 Error BadBaseUrl { url: String }
        => "base_url `{url}` is not an absolute URL of a folder",
        hint "write it as https://host/path/ with the final `/`";
    E0204 Error BadReferenceUrl { id: String, url: String }
        => "reference `{id}` has the invalid URL `{url}`",
        hint "write an absolute http:// or https:// URL without spaces or quotes";
    E0205 Error EmptyReferenceTitle { id: String }
        => "reference `{id}` has an empty title",
        hint "write the document's title";
    E0206 Error NotAReferenceId { id: String }
        => "reference id `{id}` is not a lowercase id",
        hint "use lowercase letters, digits, `-` and `.`, starting with a letter";
    E0207 Error ReservedTableId { id: String }
        => "table id `{id}` is reserved",
        hint "message ids starting with `{id}-` are errdoc's own; choose another id";
    E0208 Error EmptyTable { id: String }
        => "table `{id}` has no entries",
        hint "add `entries:` with `{{ value, name, message }}` rows, or remove the table";
    E0209 Error TableNameNotConstant { name: String }
        => "table entry name `{name}` is not a constant name",
        hint "use uppercase letters, digits and `_` (`ETIMEDOUT`)";
    E0210 Error ListedTwiceInCode { code: CodeNumber, what: &'static str, value: String }
        => "code {code} lists the {what} `{value}` twice",
        hint "list it once";
    E0211 Error EmptyText { what: &'static str }
        => "the {what} is empty",
        hint "write the text, or remove the field";
    E0212 Warning NoModules
        => "the catalog declares no modules: the site has no pages",
        hint "add `modules:` with at least one module; README.md \"The catalog\" shows one";
    E0213 Error BadPageName { page: String }
        => "page `{page}` is not a plain file name",
        hint "use letters, digits, `-` and `_` only, without folders or an extension (`errorcode-net-socket`)";
    E0214 Error MetadataClosesComment { label: String, value: String }
        => "{label} `{value}` cannot go in an HTML comment",
        hint "write it on one line without `-->`, `--!>` or `<!--`, which would end the comment `<!--{label}: …-->` early or open another";
    E0215 Warning EmptyModule { module: String }
        => "module `{module}` has nothing on its page",
        hint "add codes (`code:`), codes of other modules (`also:`), families or ranges — or remove the module";
    E0216 Error BackwardRange { from: CodeNumber, to: CodeNumber }
        => "range {from}–{to} ends before it starts",
        hint "write the smaller number as `from`";
    E0217 Error OwnsOverlap { module: String, from: CodeNumber, to: CodeNumber, other: String, other_from: CodeNumber, other_to: CodeNumber }
        => "module `{module}` owns {from}–{to}, which overlaps {other_from}–{other_to} of module `{other}`",
        hint "give each code range to one module";
    E0218 Error NameTaken { name: String, code: CodeNumber, first: CodeNumber }
        => "name `{name}` of code {code} is already the name of code {first}",
        hint "constant names must be unique",
        note "first used here";
    E0219 Error NotAConstantName { name: String }
        => "name `{name}` is not a constant name",
        hint "use uppercase letters, digits and `_` (`ABNORMAL_CLOSURE`)";
    E0220 Error CodeOutsideOwns { code: CodeNumber, module: String, ranges: String }
        => "code {code} is outside the range of module `{module}` ({ranges})",
        hint "move it to the module that owns it, or widen `owns`";
    E0221 Error EmptyVersion { what: &'static str, code: CodeNumber }
        => "`{what}` of code {code} is empty",
        hint "write the version (`API version 12`), or remove the field";
    E0222 Error RelatedToItself { code: CodeNumber }
        => "code {code} lists itself as related",
        hint "remove it from `related`";
    E0223 Error PatternNameTaken { code: CodeNumber, name: String, first: CodeNumber, more: String }
        => "this pattern names code {code} `{name}`, already the name of code {first}{more}",
        hint "give the family a pattern no other name matches",
        note "first used here";
    E0224 Error UnknownRelated { code: CodeNumber, related: CodeNumber }
        => "code {code} lists {related} as related, but there is no such code",
        hint "fix the number or remove it from `related`";
    E0225 Error DuplicateCode { code: CodeNumber }
        => "code {code} is defined twice",
        hint "give each code one entry";
    E0226 Error FamilyCollision { code: CodeNumber, module: String, family: String }
        => "code {code} in module `{module}` collides with the member of family `{family}`",
        hint "an entry overrides a family member only in the family's own module; move the entry there or change its number";
    E0227 Error PatternWithoutName { pattern: String, family: String }
        => "the name pattern `{pattern}` of family `{family}` has no `{{name}}`",
        hint "write it like `SOCKET_{{name}}`; `{{name}}` becomes the table entry's name";
    E0228 Error PatternNotConstant { pattern: String }
        => "the name pattern `{pattern}` does not make constant names",
        hint "use uppercase letters, digits, `_` and `{{name}}`";
    E0229 Error FamilyOutsideOwns { family: String, code: CodeNumber, module: String, ranges: String }
        => "family `{family}` generates code {code}, outside the range of module `{module}` ({ranges})",
        hint "change the base, or widen the module's `owns`";
    E0230 Error FamiliesOverlap { earlier: String, later: String, count: String, shown: String }
        => "families `{earlier}` and `{later}` both define {count} ({shown})",
        hint "change one family's base so their codes do not overlap";
    E0231 Error RangeOutsideOwns { range: String, from: CodeNumber, to: CodeNumber, module: String, ranges: String }
        => "range `{range}` ({from}–{to}) is outside the range of module `{module}` ({ranges})",
        hint "widen the module's `owns`, or fix the range";
    E0232 Error RangeContainsCode { range: String, from: CodeNumber, to: CodeNumber, code: CodeNumber }
        => "range `{range}` ({from}–{to}) contains code {code}",
        hint "ranges describe codes that are not single codes; split the range around it";
    E0233 Error RangesOverlap { range: String, other: String }
        => "range `{range}` overlaps range `{other}`",
        hint "make the ranges disjoint";
    E0234 Error UnknownReference { id: String, known: String }
        => "unknown reference `{id}`",
        hint "declare it under `references:` or use one of: {known}";
    E0235 Error HeadingMessageClash { heading: String, module: String, id: String, other: String, other_module: String }
        => "the heading `{heading}` of module `{module}` has the message `{id}`, as the heading `{other}` of module `{other_module}` has",
        hint "rename one of the headings: each heading's texts need their own message",
        note "the other heading";
    E0236 Error BadLevel { what: &'static str, level: u8, lowest: u8 }
        => "{what} is {level}, not a heading level from {lowest} to 6",
        hint "write 2 for `##`, 3 for `###`, …";
    E0237 Error MarkerNotAWord { marker: String, code: CodeNumber }
        => "marker `{marker}` of code {code} is not a word",
        hint "use letters and digits only (`Del` wraps the section in `<!--Del-->` and `<!--DelEnd-->`)";
    E0238 Error DriftTagInvalid { locale: String, code: CodeNumber }
        => "`{locale}` in the message drift of code {code} is not a language tag",
        hint "use the locale's folder name under locales/ (`zh-CN`)";
    E0239 Warning DriftUnknownLocale { locale: String, code: CodeNumber }
        => "the message drift of code {code} names `{locale}`, which is not a locale of the project",
        hint "fix the tag, or remove `{locale}` from `message_drift`; the locales are the folders under locales/";
    E0240 Warning DriftResolved { locale: String, code: CodeNumber }
        => "the {locale} page of code {code} shows the catalog's Error Message: the drift is resolved",
        hint "remove `{locale}` from `message_drift`";
    E0241 Warning MessageDrift { locale: String, code: CodeNumber, shown: String, catalog: String }
        => "the {locale} page shows code {code} with the Error Message `{shown}`, the catalog with {catalog}",
        hint "the Error Message is what the API returns: fix the one that is wrong, then remove `{locale}` from `message_drift`",
        note "the catalog's Error Message";
    E0242 Error ListedTwice { module: String, code: CodeNumber }
        => "module `{module}` lists code {code} twice",
        hint "list it once",
        note "first listed here";
    E0243 Error ListingOfUnknownCode { module: String, code: CodeNumber }
        => "module `{module}` lists code {code}, but no module defines it",
        hint "define it (`code:` with its `name:` and `message:`) in the module it belongs to, or remove the listing";
    E0244 Error ListingOfOwnCode { module: String, code: CodeNumber }
        => "module `{module}` lists code {code}, which it defines itself",
        hint "remove the listing: the code is on this page already";
    E0245 Error CodeInForeignRange { code: CodeNumber, module: String, other: String, ranges: String }
        => "code {code} of module `{module}` lies in the range module `{other}` owns ({ranges})",
        hint "move the code to that module, narrow its `owns`, or list the code there with `also:`";
    E0246 Error RustKeyword { name: String, code: CodeNumber, variant: String, more: String }
        => "name `{name}` of code {code} is `{variant}` in Rust, a keyword{more}",
        hint "the Rust export names each code in CamelCase, and no enum variant can be `{variant}`: give the code another name";
    E0247 Error RustTwin { name: String, code: CodeNumber, variant: String, first_name: String, first: CodeNumber, more: String }
        => "name `{name}` of code {code} is `{variant}` in Rust, as is name `{first_name}` of code {first}{more}",
        hint "the Rust export names each code in CamelCase, without `_`: give one of them another name",
        note "first used here";
    E0248 Error CLibraryMacro { name: String, code: CodeNumber, header: &'static str, more: String, macro_name: String }
        => "name `{name}` of code {code} is `{macro_name}` in the C export, a macro of the C library ({header}){more}",
        hint "the C export defines each name as a macro, so a program that includes {header} would get two: give the code another name, or set `site.export_prefix` (such as `APP_`), which the C export puts before every name";
    E0249 Error SynonymGroup { locale: String, words: usize }
        => "a group of synonyms of `{locale}` has {words} word(s)",
        hint "a group lists two words or more that mean the same (`[refused, rejected]`); add a word or remove the group";
    E0250 Error BadSourceUrl { url: String }
        => "`{url}` is not a URL of a project file with `{{path}}`",
        hint "write the address of a file in the repository with `{{path}}` for its path and `{{line}}` for the line, such as `https://github.com/org/repo/blob/main/{{path}}#L{{line}}`";
    E0251 Error BadExportPrefix { prefix: String }
        => "`{prefix}` cannot start C names: a prefix is ASCII letters, digits and `_`, starting with a letter",
        hint "write a prefix such as `NET_`, or leave `export_prefix` out for `ERRDOC_`";
    E0252 Error ReservedPageName { page: String }
        => "page `{page}` has the name of a page errdoc makes in each locale ({page}.html)",
        hint "`index`, `status` and `changes` are the home, translation-status and changes pages: name the module's page another way, such as `errorcode-{page}`";

    // E03xx: the locales and their Fluent files.
    E0301 Error SourceLocaleMissing { tag: String, dir: String }
        => "the source locale `{tag}` is missing",
        hint "create {dir}/ with the source language's .ftl files";
    E0302 Error NotALanguageTag { tag: String }
        => "`{tag}` is not a language tag",
        hint "name locale folders by BCP 47 tag, such as `en`, `zh-CN` or `ja`";
    E0303 Error TagNotCanonical { tag: String, canonical: String }
        => "`{tag}` is not written the canonical way `{canonical}`",
        hint "rename the folder to `{canonical}`";
    E0304 Error FluentTooDeep { limit: usize }
        => "placeables are nested more than {limit} deep; the file is skipped",
        hint "close the `{{ }}` placeables; real messages nest two or three deep";
    E0305 Error FluentSyntax { detail: String, hint: &'static str }
        => "Fluent syntax error: {detail}",
        hint "{hint}";
    E0306 Error DuplicateMessage { id: String }
        => "`{id}` is defined twice",
        hint "remove or rename one";
    E0307 Error NoSourceText { id: String, dir: String }
        => "`{id}` has no English text in {dir}",
        hint "add `{id} = <title>` to a file in {dir}/";
    E0308 Error NoTitle { id: String }
        => "`{id}` has attributes but no title",
        hint "write the title after `{id} =`";
    E0310 Warning ListingTextsOnlyHere { id: String, locale: String }
        => "`{id}`: the {locale} page gives this listed code texts of its own, the English page does not",
        hint "drift between the languages, kept by import: if the page should say what the code's own page says, remove this message; if not, give the English page its own text too";
    E0311 Warning UnusedMessage { id: String }
        => "`{id}` is not used by any code, module, family, range or heading",
        hint "remove it, or fix its id";
    E0312 Warning ObsoleteMessage { id: String }
        => "`{id}` is obsolete: nothing in the catalog uses it",
        hint "remove it, or fix its id";
    E0313 Error UnknownAttribute { id: String, attribute: String, known: String }
        => "`{id}` has the unknown attribute `.{attribute}`",
        hint "use {known}";
    E0314 Warning AttributeWithoutSource { id: String, attribute: String }
        => "`{id}.{attribute}` has no English: the English has no `.{attribute}`",
        hint "write it in the English too, or remove it; English pages leave it out";
    E0315 Warning ObsoleteAttribute { id: String, attribute: String }
        => "`{id}.{attribute}` is obsolete: the English has no `.{attribute}`",
        hint "remove it, or add it to the English first; it is not shown";
    E0316 Warning ValueWithoutSource { id: String }
        => "`{id}` has a value but the English has only attributes",
        hint "remove the value; it is not shown";
    E0317 Warning ReferencesDiffer { name: String, mine: String, theirs: String }
        => "`{name}` uses {mine} but the English uses {theirs}",
        hint "reference the same messages and terms as the English";
    E0318 Warning VariantNeverUsed { variant: String, name: String, locale: String, categories: String }
        => "the variant [{variant}] of `{name}` is never used: {locale} selects only {categories}",
        hint "remove it; CLDR's plural rules for {locale} have no `{variant}`";
    E0319 Warning VariantMissesVariables { variant: String, name: String, missing: String }
        => "the variant [{variant}] of `{name}` does not use {missing}",
        hint "every variant should say what the English says";
    E0320 Error VariablesDiffer { name: String, mine: String, theirs: String }
        => "`{name}` uses {mine} but the English uses {theirs}",
        hint "use exactly the English variables; their names are not translated";
    E0321 Warning TitleNotTranslated { key: String, locale: String }
        => "`{key}` has no value (title) in {locale}, only attributes",
        hint "write the translated title after `{key} =`; the English is shown meanwhile";
    E0322 Warning StubNotTranslated { key: String }
        => "`{key}` is not translated yet: it is a stub from `errdoc l10n sync`",
        hint "replace its text with the translation; the English is shown meanwhile";
    E0323 Warning AttributeNotTranslated { key: String, locale: String, file: String }
        => "{locale} has no translation of `{key}`",
        hint "add the attribute in {file}";
    E0324 Warning NotTranslated { key: String, locale: String, file: String }
        => "{locale} has no translation of `{key}`",
        hint "add it to {file} (`errdoc l10n sync` adds a stub); the English is shown meanwhile";
    E0325 Warning StaleTranslation { key: String, locale: String }
        => "`{key}` is stale: the English has changed since it was translated",
        hint "see what changed with `errdoc l10n diff {key} --locale {locale}`, update the translation, then `errdoc l10n confirm {key} --locale {locale}`";
    E0326 Warning UnchangedTranslation { key: String }
        => "`{key}` is unchanged: it is the same as the English",
        hint "translate it";
    E0327 Error CannotFormat { name: String, error: String }
        => "`{name}` cannot be formatted: {error}",
        hint "use only the variables listed in README.md for this kind of message, and messages that exist";
    E0328 Error EmptyTranslation { name: String }
        => "`{name}` is empty",
        hint "write the translation, or remove the message to show the English";
    E0329 Error HiddenMarks { name: String, marks: String }
        => "`{name}` contains {marks}",
        hint "remove them: U+FFFD marks text broken by a wrong encoding, U+2066–U+2069 are invisible direction marks";
    E0330 Warning RawHtmlInText { name: String }
        => "`{name}` contains raw HTML; it is shown as text, not as markup",
        hint "write Markdown instead (`code`, **bold**, [link](url))";
    E0331 Warning UnsafeLinkInText { name: String }
        => "`{name}` links to an address that is not http, https or mailto (`javascript:`, `data:`, …); the link is shown as text",
        hint "link to an https:// address or to a page of this project (`errorcode-net-socket.md`)";
    E0333 Error FullWidthSign { found: char, ascii: char, code: String }
        => "`{found}` is the full-width sign {code}, as an input method types it; Fluent needs the ASCII `{ascii}` here",
        hint "type `{ascii}` instead (switch the input method to English or half-width first)";
    E0334 Error NotAVariable { written: String, advice: String }
        => "`{written}` is not a variable: variable names are ASCII letters, written as in the English and never translated",
        hint "{advice}";
    E0335 Error UnclosedPlaceable { opened: String, found: String }
        => "`{opened}` is not closed: {found} comes where its `}}` should be",
        hint "end it with an ASCII `}}`: `{opened} }}`";
    E0336 Error LineStartsWithSyntax { found: char, reads: &'static str }
        => "a line of text cannot start with `{found}`: Fluent reads it as {reads}",
        hint "write this `{found}` as `{{\"{found}\"}}` (the character as a string), or move it off the start of the line";
    E0337 Error NotIndented
        => "this line goes on with the text above but is not indented, so Fluent reads it as the start of a new message",
        hint "indent it with spaces, as the lines above it are";
    E0338 Error FullWidthIndent
        => "this line is indented with full-width spaces (U+3000), which Fluent does not read as indentation",
        hint "replace them with ASCII spaces";
    E0339 Error BraceInText { found: char, what: &'static str, escaped: String }
        => "`{found}` in text {what}",
        hint "to show the brace itself, write `{escaped}`; a variable is written `{{ $name }}`";
    E0340 Warning TableBaseDiffers { id: String, here: String, catalog: String }
        => "`{id}` says “{here}” here, but the catalog's message is “{catalog}”",
        hint "a table entry's English is its `message` in the catalog, and this file a copy of it for translation platforms: `errdoc l10n sync` writes it again";
    E0341 Warning TableBaseLacks { id: String, path: String }
        => "`{id}` is not in {path}, the English of its table for translation platforms",
        hint "`errdoc l10n sync` writes the file again from the catalog";
    E0342 Warning TermNotUsed { key: String, term: String, approved: String, row: String }
        => "`{key}`: the English says “{term}”, but the translation does not use “{approved}”, the glossary's word for it",
        hint "use “{approved}”, or change the glossary ({row}) if the term is translated another way";
    E0343 Warning ForbiddenTerm { key: String, found: String, term: String, approved: String, row: String }
        => "`{key}` uses “{found}”, which the glossary does not allow for “{term}”",
        hint "write “{approved}” ({row})";
    E0344 Error GlossaryRow { problem: String, advice: String }
        => "{problem}",
        hint "{advice}";
    E0345 Error NotAName { written: String, what: &'static str }
        => "`{written}` is not {what} name: names are ASCII letters, digits, `-` and `_`, written as in the English and never translated",
        hint "write the name the English file gives this text; translate only what follows the `=`";
    E0346 Error ColonForEquals { found: char }
        => "`{found}` after a name: Fluent needs `=` between a name and its text",
        hint "write `name = text`";
    E0347 Error TabIndent
        => "this line is indented with a tab, which Fluent does not read as indentation",
        hint "indent it with spaces (set the editor to insert spaces for the tab key)";
    E0348 Error DuplicateAttribute { id: String, attribute: String }
        => "`{id}` has `.{attribute}` twice: only the first is used",
        hint "remove one, or give it the next free name (`.cause-3` after `.cause-2`)";

    // E04xx: templates and layouts.
    E0401 Error TemplateError { template: String, message: String }
        => "template `{template}`: {message}",
        hint "fix the template; https://keats.github.io/tera/ documents the syntax";
    E0402 Error LayoutMarkup { what: String, page: String }
        => "this line of the layout would put {what} on the Markdown page {page}",
        hint "a page carries no raw HTML but comments, `<br>`, `<sup>`, `<sub>`, and links only to http, https and mailto: write `&lt;` for `<`, or remove the markup";
    E0403 Error PageMarkup { page: String, what: String, line: usize, from: String }
        => "the Markdown page {page} would carry {what} (its line {line})",
        hint "errdoc escapes what translations and the catalog bring, so this comes from {from}: write no raw HTML there but `<a id=\"…\"></a>`, `<br>`, `<sup>`, `<sub>` and comments — or, with errdoc's own templates, report it as a bug";
    E0404 Error LayoutUnclosed
        => "`{{{{` is not closed",
        hint "close it with `}}}}`, or write a literal `{{{{` as `{{{{\"{{{{\"}}}}`";
    E0405 Warning LayoutPartAgain { token: String }
        => "`{{{{{token}}}}}` again: only the first part of it is used",
        hint "delete this part (from this line to the next part), or merge it into the first";
    E0406 Error LayoutTextAfterPart { token: String }
        => "text after `{{{{{token}}}}}` on its line",
        hint "a part's `{{{{…}}}}` stands on a line of its own: move the text to the next line";
    E0407 Error LayoutSlotMisplaced { token: String }
        => "`{{{{{token}}}}}` has no place here",
        hint "a code's part takes title, message, intro, description, cause N, solution N, details; the page's title, meta KEY, note, intro; a heading's title and text";
    E0408 Error LayoutUnknownToken { token: String, hint: String }
        => "`{{{{{token}}}}}` is not a part or a slot of a layout",
        hint "{hint}";
    E0409 Warning LayoutOfUnknownLocale { locale: String }
        => "a layout for locale `{locale}`, which the project does not have",
        hint "delete it, or add the locale (`errdoc l10n add {locale}`)";
    E0410 Warning LayoutOfUnknownPage { page: String, pages: String }
        => "a layout of page `{page}`, which no module writes",
        hint "the pages are {pages}; rename the file after one, or delete it";
    E0411 Warning LayoutMarkerDiffers { code: CodeNumber, catalog: String, here: String }
        => "code {code}: the catalog wraps it in {catalog}, this page in {here}; the page keeps its own marker lines",
        hint "if the page should follow the catalog, change its marker lines here (`<!--Del-->` before the code's part, `<!--DelEnd-->` after it) and its `{{{{code …}}}}` line, or import the page again";
    E0412 Warning LayoutUnusedParts { parts: String, module: String, they: &'static str }
        => "{parts} of this layout: module `{module}` has no such code or heading, so {they} unused",
        hint "delete the part (from its `{{{{…}}}}` line to the next), or add the code or heading to the module";

    // E05xx: files, options and the sources lock.
    E0501 Error LinkLeavesProject { target: String }
        => "a link to {target}, outside the project: errdoc reads nothing through a link that leaves the project",
        hint "copy it into the project, or make the link point inside it";
    E0502 Error NotAFile
        => "not a regular file (a folder, a device or a pipe)",
        hint "errdoc reads plain files here: replace it with one";
    E0503 Error TooLarge { limit: u64 }
        => "larger than {limit} MiB, the most errdoc reads from one input file",
        hint "split it (a module's texts can be spread over several .ftl files), or check that it is the file you meant";
    E0504 Error NotUtf8 { offset: usize }
        => "not UTF-8 (invalid byte at offset {offset})",
        hint "save the file as UTF-8";
    E0505 Error Unreadable { why: String }
        => "cannot be read: {why}",
        hint "fix or remove it: errdoc reads everything under this folder";
    E0507 Error SourcesLockBroken { why: String }
        => "the sources lock: {why}",
        hint "restore it from version control, or delete it and run `errdoc l10n sync`";
    E0509 Error SourcesLockSyntax { error: String }
        => "the sources lock does not parse: {error}",
        hint "restore it from version control, or delete it and run `errdoc l10n sync`";
    E0510 Error BadBaseUrlOption { url: String }
        => "--base-url `{url}` is not an absolute URL of a folder",
        hint "write it as https://host/path/ with the final `/`";

    // E06xx: the catalog against an earlier release (`errdoc compat`).
    E0601 Error CodeRemoved { code: CodeNumber, name: String, release: String }
        => "code {code} ({name}) of {release} is gone from the catalog",
        hint "apps that branch on it break: keep it with `removed: \"<release>\"`, which documents it as gone and keeps its number from being reused";
    E0602 Error CodeRenumbered { name: String, code: CodeNumber, now: CodeNumber, release: String }
        => "{name} was code {code} in {release} and is code {now} now",
        hint "apps that branch on {code} break: keep code {code} (with `removed:` if it is gone), and give code {now} a name of its own";
    E0603 Error NumberReused { code: CodeNumber, old: String, new: String, release: String }
        => "code {code} was {old} in {release} and is {new} now, with another message: a number reused for another meaning",
        hint "apps that branch on {code} would take one error for another: give {new} a number of its own and keep {code} as {old}; if it is the same error renamed, say `renamed_from: {old}` and `message_changed: \"<release>\"`";
    E0604 Error ConstantRenamed { code: CodeNumber, old: String, new: String, release: String }
        => "the constant of code {code} was {old} in {release} and is {new} now",
        hint "code that names {old} no longer compiles: say `renamed_from: {old}` if the rename is meant";
    E0605 Error MessageChanged { code: CodeNumber, old: String, new: String, release: String }
        => "the message of code {code} was {old} in {release} and is {new} now",
        hint "apps that match the message break: say `message_changed: \"<release>\"` if the change is meant";
    E0606 Warning CodeMoved { code: CodeNumber, old: String, new: String, release: String }
        => "code {code} was in module `{old}` in {release} and is in `{new}` now",
        hint "links to its section of the old page break: list it there too (`also: {code}`) or redirect the old address";
    E0607 Error FamilyChanged { family: String, summary: String, release: String }
        => "family `{family}` changed its members since {release}: {summary}",
        hint "a family's members are codes like any other: make a new family for new rules, or say `changed: \"<release>\"` on the family if the change is meant";
    E0608 Warning RemovedUndeprecated { code: CodeNumber, release: String }
        => "code {code} is removed without having been deprecated in {release}",
        hint "deprecate a code (`deprecated: \"<release>\"`) for a release before removing it, so that apps are warned";
    E0609 Error ChangesSinceUnreadable { why: String }
        => "`site.changes_since` cannot be read: {why}",
        hint "name a file of `errdoc export --format json` of the earlier release, in the project (made at that release: `errdoc export --format json -o catalog/releases/v1.0.json`)";
    E0611 Note CodeAdded { code: CodeNumber, name: String }
        => "code {code} ({name}) is new";
    E0612 Note CodeDeprecated { code: CodeNumber, since: String }
        => "code {code} is deprecated since {since}";
    E0613 Note RemovalNoted { code: CodeNumber, name: String, since: String }
        => "code {code} ({name}) is removed since {since}";
    E0614 Note RenameNoted { code: CodeNumber, old: String, new: String }
        => "the constant of code {code} is renamed from {old} to {new}";
    E0615 Note MessageChangeNoted { code: CodeNumber, old: String, new: String, since: String }
        => "the message of code {code} changed in {since} from {old} to {new}";
    E0616 Note FamilyChangeNoted { family: String, summary: String, since: String }
        => "family `{family}` changed its members in {since}: {summary}";
    E0617 Note MembersAdded { family: String, members: String }
        => "family `{family}` has {members}";

    // E062x: the source code against the catalog (`errdoc scan`).
    E0621 Error UndocumentedCode { code: String }
        => "code {code} is used here but the catalog does not document it",
        hint "document it in catalog/codes.yaml; if it is not an error code, keep it out of the ranges modules `owns`, or leave the file out with `scan.exclude`";
    E0622 Warning UnusedCode { code: CodeNumber, name: String }
        => "code {code} ({name}) is documented but no source file mentions it",
        hint "if no API returns it any more, mark it `removed: \"<release>\"`; if the source names it in its own way, describe that way in `scan.patterns`";
    E0623 Error BadScanSetting { list: &'static str, why: String }
        => "this entry of `scan.{list}` does not compile: {why}",
        hint "globs are like `src/**/*.c` (paths relative to the current folder); patterns are regular expressions (Rust's regex syntax) whose group 1 is the code or the constant's name";
    E0624 Error NotScanned { why: String }
        => "cannot be scanned: {why}",
        hint "pass files and folders that exist and errdoc may read: scan leaves nothing out without saying so";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_sorted_and_well_formed() {
        for pair in KINDS.windows(2) {
            assert!(
                pair[0].code < pair[1].code,
                "{} then {}",
                pair[0].code,
                pair[1].code
            );
        }
        for kind in KINDS {
            let digits = kind.code.strip_prefix('E').unwrap_or("");
            assert!(
                digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()),
                "{}",
                kind.code
            );
        }
    }

    #[test]
    fn wording_is_the_kinds() {
        let kind = Kind::DuplicateCode { code: 1006 };
        assert_eq!(kind.code(), "E0225");
        assert_eq!(kind.message(), "code 1006 is defined twice");
        assert_eq!(kind.hint().as_deref(), Some("give each code one entry"));
        assert_eq!(Kind::LayoutUnclosed.message(), "`{{` is not closed");
        assert_eq!(
            Kind::LayoutPartAgain {
                token: "page".into()
            }
            .message(),
            "`{{page}}` again: only the first part of it is used"
        );
    }
}
