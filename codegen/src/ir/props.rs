//! The properties of a schema, with the properties of its `allOf` parts merged in.

use std::collections::BTreeSet;

use super::registry::Types;
use super::view::{SRef, View};
use crate::Error;

impl<'a> Types<'a> {
    /// Properties and `required` of a schema, with `allOf` parts merged in order.
    pub(super) fn collect_properties(
        &self,
        v: &View<'a>,
        origin: &str,
        depth: usize,
        out: &mut Vec<(&'a str, SRef<'a>)>,
        required: &mut BTreeSet<&'a str>,
    ) -> Result<(), Error> {
        if depth > 16 {
            return Err(self.unsupported(origin, "allOf nested too deeply (cycle?)"));
        }
        for part in &v.all_of {
            let part_view = self.view_of(*part, origin)?;
            if part_view.properties.is_empty()
                && part_view.all_of.is_empty()
                && !part_view.is_constraint_only()
            {
                return Err(self.unsupported(
                    origin,
                    "allOf with a part that is not an object cannot be merged",
                ));
            }
            self.collect_properties(&part_view, origin, depth + 1, out, required)?;
        }
        for (name, prop) in &v.properties {
            match out.iter_mut().find(|(n, _)| n == name) {
                Some(slot) => slot.1 = *prop,
                None => out.push((name, *prop)),
            }
        }
        required.extend(v.required.iter().copied());
        Ok(())
    }

    /// The properties a schema's `x-always-present` lists, with `allOf` parts merged.
    pub(super) fn collect_present(
        &self,
        v: &View<'a>,
        origin: &str,
        depth: usize,
        out: &mut BTreeSet<&'a str>,
    ) -> Result<(), Error> {
        if depth > 16 {
            return Err(self.unsupported(origin, "allOf nested too deeply (cycle?)"));
        }
        for part in &v.all_of {
            let part_view = self.view_of(*part, origin)?;
            self.collect_present(&part_view, origin, depth + 1, out)?;
        }
        out.extend(v.present.iter().copied());
        Ok(())
    }
}
