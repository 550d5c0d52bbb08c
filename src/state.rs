//! Thin adapters between Yew and the domain: a comparable handle on the catalog and the
//! navigation intent that pages send up.

use crate::domain::catalog::Catalog;
use crate::route::Route;
use std::ops::Deref;

/// The catalog as a prop: cheap to copy, compared by identity.
#[derive(Debug, Clone, Copy)]
pub struct CatalogRef(pub &'static Catalog);

impl PartialEq for CatalogRef {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl Deref for CatalogRef {
    type Target = Catalog;
    fn deref(&self) -> &Catalog {
        self.0
    }
}

/// A request to show another route.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Navigate {
    /// Where to go.
    pub route: Route,
    /// Replace the current history entry (typing in a search box) instead of adding one.
    pub replace: bool,
}
