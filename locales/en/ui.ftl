### Strings of the page templates (section labels, table headings, flags).
### Every locale translates them; the catalog's texts are in the other files.

## Page chrome

# Label of the blockquote under the page title.
ui-note-label = NOTE

## Sections of a code

ui-error-message = Error Message
ui-description = Description
ui-causes = Possible Causes
ui-solution = Solution
ui-flags = Restrictions
ui-versions = Versions
# $version (String) - a version such as "API version 12"
ui-since = Available since { $version }
# $version (String) - a version such as "API version 12"
ui-deprecated = Deprecated since { $version }
ui-references = References
ui-related = Related Error Codes

## Tables

ui-ranges = Code Ranges
ui-column-range = Range
ui-column-meaning = Meaning
ui-column-description = Description
ui-column-code = Error Code
ui-column-name = Name
ui-column-message = Error Message

## Flags of a code (catalog `flags:`)

flag-reserved = Reserved for future use; its meaning is not defined yet.
flag-never-sent = Must never be sent in a Close frame; an endpoint only reports it locally.
