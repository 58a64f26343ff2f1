//! Names as the exports spell them: `errdoc export --format rust` makes
//! each constant name an enum variant in CamelCase
//! ([`crate::export::rust_variant`]), and `--format c` defines it as a
//! macro. Two names CamelCase makes equal (`A_B`, `A__B`), a variant that is
//! a keyword (`SELF` → `Self`) or a macro the C library defines (`EOF`)
//! would give code that does not compile, so `check` reports them here,
//! at the later name, with the first one's place.
//!
//! TypeScript uses the names as they are, as property names, which may be
//! any identifier (reserved words too), so names that are unique there are
//! safe; the C header's own macros have lowercase letters no name has.

use std::collections::HashMap;

use super::{Validator, is_constant_name};
use crate::catalog::CodeEntry;
use crate::diagnostic::Kind;
use crate::export::rust_variant;
use crate::source::Span;

/// The variants CamelCase can make that Rust reserves: of its keywords,
/// only `Self` starts with a capital letter.
const RUST_CAPITALIZED_KEYWORDS: &[&str] = &["Self"];

/// Macro names of the ISO C library (C89 to C23) without a lowercase
/// letter, by header; [`c_library_header`] adds the `<stdint.h>` and
/// `<inttypes.h>` families. The namespaces the standard only reserves for
/// the future (`E…`, `SIG…`, `LC_…`) are not listed: they would forbid
/// names such as `ERROR_…`.
const C_LIBRARY_MACROS: &[(&str, &str)] = &[
    ("<assert.h>", "NDEBUG"),
    ("<complex.h>", "I"),
    ("<errno.h>", "EDOM EILSEQ ERANGE"),
    (
        "<fenv.h>",
        "FE_DIVBYZERO FE_INEXACT FE_INVALID FE_OVERFLOW FE_UNDERFLOW FE_ALL_EXCEPT \
         FE_DOWNWARD FE_TONEAREST FE_TOWARDZERO FE_UPWARD FE_DFL_ENV FE_DFL_MODE",
    ),
    (
        "<float.h>",
        "FLT_RADIX FLT_ROUNDS FLT_EVAL_METHOD DECIMAL_DIG FLT_DECIMAL_DIG DBL_DECIMAL_DIG \
         LDBL_DECIMAL_DIG FLT_MANT_DIG DBL_MANT_DIG LDBL_MANT_DIG FLT_DIG DBL_DIG LDBL_DIG \
         FLT_MIN_EXP DBL_MIN_EXP LDBL_MIN_EXP FLT_MIN_10_EXP DBL_MIN_10_EXP LDBL_MIN_10_EXP \
         FLT_MAX_EXP DBL_MAX_EXP LDBL_MAX_EXP FLT_MAX_10_EXP DBL_MAX_10_EXP LDBL_MAX_10_EXP \
         FLT_MAX DBL_MAX LDBL_MAX FLT_EPSILON DBL_EPSILON LDBL_EPSILON FLT_MIN DBL_MIN LDBL_MIN \
         FLT_TRUE_MIN DBL_TRUE_MIN LDBL_TRUE_MIN FLT_HAS_SUBNORM DBL_HAS_SUBNORM LDBL_HAS_SUBNORM \
         FLT_SNAN DBL_SNAN LDBL_SNAN FLT_IS_IEC_60559 DBL_IS_IEC_60559 LDBL_IS_IEC_60559 \
         FLT_NORM_MAX DBL_NORM_MAX LDBL_NORM_MAX",
    ),
    (
        "<limits.h>",
        "CHAR_BIT SCHAR_MIN SCHAR_MAX UCHAR_MAX CHAR_MIN CHAR_MAX MB_LEN_MAX SHRT_MIN \
         SHRT_MAX USHRT_MAX INT_MIN INT_MAX UINT_MAX LONG_MIN LONG_MAX ULONG_MAX LLONG_MIN \
         LLONG_MAX ULLONG_MAX BOOL_WIDTH BOOL_MAX CHAR_WIDTH SCHAR_WIDTH UCHAR_WIDTH \
         SHRT_WIDTH USHRT_WIDTH INT_WIDTH UINT_WIDTH LONG_WIDTH ULONG_WIDTH LLONG_WIDTH \
         ULLONG_WIDTH BITINT_MAXWIDTH",
    ),
    (
        "<locale.h>",
        "LC_ALL LC_COLLATE LC_CTYPE LC_MONETARY LC_NUMERIC LC_TIME",
    ),
    (
        "<math.h>",
        "HUGE_VAL HUGE_VALF HUGE_VALL INFINITY NAN FP_INFINITE FP_NAN FP_NORMAL \
         FP_SUBNORMAL FP_ZERO FP_FAST_FMA FP_FAST_FMAF FP_FAST_FMAL FP_ILOGB0 FP_ILOGBNAN \
         MATH_ERRNO MATH_ERREXCEPT",
    ),
    (
        "<signal.h>",
        "SIG_DFL SIG_ERR SIG_IGN SIGABRT SIGFPE SIGILL SIGINT SIGSEGV SIGTERM",
    ),
    (
        "<stdatomic.h>",
        "ATOMIC_BOOL_LOCK_FREE ATOMIC_CHAR_LOCK_FREE ATOMIC_CHAR8_T_LOCK_FREE \
         ATOMIC_CHAR16_T_LOCK_FREE ATOMIC_CHAR32_T_LOCK_FREE ATOMIC_WCHAR_T_LOCK_FREE \
         ATOMIC_SHORT_LOCK_FREE ATOMIC_INT_LOCK_FREE ATOMIC_LONG_LOCK_FREE \
         ATOMIC_LLONG_LOCK_FREE ATOMIC_POINTER_LOCK_FREE ATOMIC_FLAG_INIT ATOMIC_VAR_INIT",
    ),
    ("<stddef.h>", "NULL"),
    (
        "<stdint.h>",
        "INTPTR_MIN INTPTR_MAX UINTPTR_MAX INTMAX_MIN INTMAX_MAX UINTMAX_MAX INTMAX_C \
         UINTMAX_C INTPTR_WIDTH UINTPTR_WIDTH INTMAX_WIDTH UINTMAX_WIDTH PTRDIFF_MIN \
         PTRDIFF_MAX PTRDIFF_WIDTH SIG_ATOMIC_MIN SIG_ATOMIC_MAX SIG_ATOMIC_WIDTH SIZE_MAX \
         SIZE_WIDTH WCHAR_MIN WCHAR_MAX WCHAR_WIDTH WINT_MIN WINT_MAX WINT_WIDTH",
    ),
    (
        "<stdio.h>",
        "BUFSIZ EOF FILENAME_MAX FOPEN_MAX SEEK_CUR SEEK_END SEEK_SET TMP_MAX",
    ),
    (
        "<stdlib.h>",
        "EXIT_FAILURE EXIT_SUCCESS MB_CUR_MAX RAND_MAX",
    ),
    ("<threads.h>", "ONCE_FLAG_INIT TSS_DTOR_ITERATIONS"),
    (
        "<time.h>",
        "CLOCKS_PER_SEC TIME_UTC TIME_MONOTONIC TIME_ACTIVE TIME_THREAD_ACTIVE",
    ),
    ("<wchar.h>", "WEOF"),
];

/// The header of the C library that defines `name` as a macro, if one
/// does: [`C_LIBRARY_MACROS`], the integer limits and constants of
/// `<stdint.h>` (`INT32_MAX`, `UINT_LEAST16_WIDTH`, `INT64_C`) and the
/// `PRIX…` formats of `<inttypes.h>`.
pub(crate) fn c_library_header(name: &str) -> Option<&'static str> {
    // Asked once per constant: the lists are read into a map once.
    static BY_NAME: std::sync::OnceLock<std::collections::HashMap<&str, &str>> =
        std::sync::OnceLock::new();
    let by_name = BY_NAME.get_or_init(|| {
        let mut map = std::collections::HashMap::new();
        for (header, names) in C_LIBRARY_MACROS {
            for n in names.split_whitespace() {
                // The first header that lists a name is its own.
                map.entry(n).or_insert(*header);
            }
        }
        map
    });
    if let Some(header) = by_name.get(name) {
        Some(header)
    } else if is_stdint_macro(name) {
        Some("<stdint.h>")
    } else {
        name.strip_prefix("PRIX")
            .is_some_and(|rest| {
                let width = rest
                    .strip_prefix("LEAST")
                    .or_else(|| rest.strip_prefix("FAST"))
                    .unwrap_or(rest);
                matches!(rest, "MAX" | "PTR") || matches!(width, "8" | "16" | "32" | "64")
            })
            .then_some("<inttypes.h>")
    }
}

/// `INTn_MIN`, `INTn_MAX`, `INTn_WIDTH` and `INTn_C`, their `UINT` twins
/// (without `_MIN`) and their `_LEAST` and `_FAST` forms (without `_C`),
/// for n of 8, 16, 32 and 64.
fn is_stdint_macro(name: &str) -> bool {
    let (signed, rest) = match name.strip_prefix('U') {
        Some(rest) => (false, rest),
        None => (true, name),
    };
    let Some(rest) = rest.strip_prefix("INT") else {
        return false;
    };
    let sized = rest
        .strip_prefix("_LEAST")
        .or_else(|| rest.strip_prefix("_FAST"));
    let Some(suffix) = ["8", "16", "32", "64"]
        .iter()
        .find_map(|bits| sized.unwrap_or(rest).strip_prefix(bits))
    else {
        return false;
    };
    match suffix {
        "_MAX" | "_WIDTH" => true,
        "_MIN" => signed,
        "_C" => sized.is_none(),
        _ => false,
    }
}

/// Why a name cannot be exported as it is.
enum Problem<'c> {
    /// Its Rust variant is a keyword.
    RustKeyword(String),
    /// Its Rust variant is that of an earlier name.
    RustTwin(String, &'c CodeEntry),
    /// It is a macro of this C library header.
    CMacro(&'static str),
}

impl Validator<'_> {
    /// Reports names that the Rust or C export cannot use: one error per
    /// name, or per family pattern (its first problem, and how many more).
    pub(super) fn export_names(&mut self) {
        let catalog = self.catalog;
        let mut variants: HashMap<String, &CodeEntry> = HashMap::new();
        let mut found: Vec<(Span, &CodeEntry, Problem<'_>, usize)> = Vec::new();
        for code in catalog.modules.iter().flat_map(|m| &m.codes) {
            let name = code.name.value.as_str();
            // A name that is no constant name is reported as such.
            if !is_constant_name(name) {
                continue;
            }
            let variant = rust_variant(name);
            let problem = if RUST_CAPITALIZED_KEYWORDS.contains(&variant.as_str()) {
                Some(Problem::RustKeyword(variant))
            } else if let Some(first) = variants.get(&variant).copied() {
                // The same name twice is reported as a duplicate.
                (first.name.value != name).then_some(Problem::RustTwin(variant, first))
            } else {
                variants.insert(variant, code);
                c_library_header(&format!("{}{name}", crate::export::prefix(catalog)))
                    .map(Problem::CMacro)
            };
            let Some(problem) = problem else { continue };
            match found.iter_mut().find(|f| f.0 == code.name.span) {
                Some(earlier) => earlier.3 += 1,
                None => found.push((code.name.span, code, problem, 0)),
            }
        }
        for (span, code, problem, more) in found {
            self.name_problem(span, code, &problem, more);
        }
    }

    fn name_problem(&mut self, span: Span, code: &CodeEntry, problem: &Problem<'_>, more: usize) {
        let name = &code.name.value;
        let more = match more {
            0 => String::new(),
            1 => ", and 1 more name of this pattern".to_string(),
            n => format!(", and {n} more names of this pattern"),
        };
        let (name, number) = (name.clone(), code.code);
        match problem {
            Problem::RustKeyword(variant) => {
                let variant = variant.to_string();
                let kind = Kind::RustKeyword {
                    name,
                    code: number,
                    variant,
                    more,
                };
                self.report(span, kind);
            }
            Problem::RustTwin(variant, first) => {
                let kind = Kind::RustTwin {
                    name,
                    code: number,
                    variant: variant.to_string(),
                    first_name: first.name.value.clone(),
                    first: first.code,
                    more,
                };
                self.report_twice(span, first.name.span, kind);
            }
            Problem::CMacro(header) => {
                let header = *header;
                let kind = Kind::CLibraryMacro {
                    macro_name: format!("{}{name}", crate::export::prefix(self.catalog)),
                    name,
                    code: number,
                    header,
                    more,
                };
                self.report(span, kind);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c_library_macros_are_known_and_others_are_not() {
        for (name, header) in [
            ("EOF", "<stdio.h>"),
            ("NULL", "<stddef.h>"),
            ("ERANGE", "<errno.h>"),
            ("INT32_MAX", "<stdint.h>"),
            ("INT8_MIN", "<stdint.h>"),
            ("UINT_LEAST16_WIDTH", "<stdint.h>"),
            ("INT_FAST64_MIN", "<stdint.h>"),
            ("UINT64_C", "<stdint.h>"),
            ("PRIX32", "<inttypes.h>"),
            ("PRIXFAST8", "<inttypes.h>"),
            ("PRIXPTR", "<inttypes.h>"),
        ] {
            assert_eq!(c_library_header(name), Some(header), "{name}");
        }
        for name in [
            "EOF_REACHED",
            "ERROR_EOF",
            "UINT8_MIN",
            "INT_LEAST8_C",
            "INT7_MAX",
            "INT32_MAXIMUM",
            "PRIX",
            "ETIMEDOUT",
        ] {
            assert_eq!(c_library_header(name), None, "{name}");
        }
    }
}
