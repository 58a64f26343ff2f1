//! The model as template values, made once per build.
//!
//! Tera's lists and maps are reference-counted: a value made once is put
//! into any number of page contexts for the price of a pointer. Each
//! locale's UI strings (`ui`) and each of its pages, with every code on it,
//! are made values here, once, and shared: the Markdown page, the module
//! page and the home page show the same page, and a code page shows the
//! very value its module page lists. Without this every page made its
//! context again from the model, and every code was written out three
//! times per locale.

use rayon::prelude::*;
use tera::Value;

use crate::model::{LocaleModel, Model, Slot};

/// Every locale's values, in the model's order.
pub(crate) struct Values {
    locales: Vec<LocaleValues>,
}

/// One locale's values.
struct LocaleValues {
    tag: String,
    /// `ui`: the UI strings that take no variables, by id.
    ui: Value,
    /// Each page, in the locale's page order.
    pages: Vec<Value>,
}

impl Values {
    /// Makes the values of every locale of `model`, on every core.
    pub(crate) fn new(model: &Model) -> Values {
        let locales = model
            .locales
            .par_iter()
            .map(|l| LocaleValues {
                tag: l.tag.clone(),
                ui: Value::from(l.ui.clone()),
                pages: l.pages.par_iter().map(Value::from_serializable).collect(),
            })
            .collect();
        Values { locales }
    }

    fn of(&self, locale: &LocaleModel) -> Option<&LocaleValues> {
        self.locales.iter().find(|l| l.tag == locale.tag)
    }

    /// The locale's UI strings (`ui["ui-home"]` in a template).
    pub(crate) fn ui(&self, locale: &LocaleModel) -> Option<&Value> {
        self.of(locale).map(|l| &l.ui)
    }

    /// Every page of the locale.
    pub(crate) fn pages(&self, locale: &LocaleModel) -> Option<&[Value]> {
        self.of(locale).map(|l| l.pages.as_slice())
    }

    /// The locale's page `index`.
    pub(crate) fn page(&self, locale: &LocaleModel, index: usize) -> Option<&Value> {
        self.pages(locale)?.get(index)
    }

    /// The code at `slot` of the locale's page `index`, as that page lists it.
    pub(crate) fn code(&self, locale: &LocaleModel, index: usize, slot: Slot) -> Option<Value> {
        let page = self.page(locale, index)?;
        let path = match slot {
            Slot::Code(i) => format!("codes.{i}"),
            Slot::Member { family, index } => format!("families.{family}.members.{index}"),
        };
        page.get_from_path(&path).cloned()
    }
}
