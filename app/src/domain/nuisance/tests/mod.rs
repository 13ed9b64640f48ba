//! Tests of the nuisance reporting rules.
