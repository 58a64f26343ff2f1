use super::*;

fn facts(code: CodeNumber, name: &str, message: &str) -> Facts {
    Facts {
        code,
        name: name.to_string(),
        message: Some(message.to_string()),
        module: "m".to_string(),
        family: None,
        generated: false,
        deprecated: None,
        removed: None,
        renamed_from: None,
        message_changed: None,
        span: None,
        titles: BTreeMap::new(),
    }
}

fn release(codes: Vec<Facts>) -> Release {
    Release {
        label: "v1".to_string(),
        file: None,
        path: "v1.json".to_string(),
        codes: codes.into_iter().map(|f| (f.code, f)).collect(),
        families: BTreeMap::new(),
    }
}

fn kinds(old: &Release, new: &Release) -> Vec<(ChangeKind, CodeNumber)> {
    compare(old, new)
        .into_iter()
        .map(|c| (c.kind, c.code))
        .collect()
}

#[test]
fn the_same_catalog_has_no_change() {
    let old = release(vec![facts(1, "A", "a."), facts(2, "B", "b.")]);
    let new = release(vec![facts(1, "A", "a."), facts(2, "B", "b.")]);
    assert_eq!(kinds(&old, &new), []);
}

#[test]
fn two_codes_that_swap_names_are_two_renames_not_renumbering() {
    let old = release(vec![facts(1, "A", "same."), facts(2, "B", "same.")]);
    let new = release(vec![facts(1, "B", "same."), facts(2, "A", "same.")]);
    assert_eq!(
        kinds(&old, &new),
        [(ChangeKind::Renamed, 1), (ChangeKind::Renamed, 2)]
    );
}

#[test]
fn a_name_moved_to_a_new_number_is_renumbered_and_not_added() {
    let old = release(vec![facts(1, "A", "a.")]);
    let new = release(vec![facts(7, "A", "a.")]);
    assert_eq!(kinds(&old, &new), [(ChangeKind::Renumbered(7), 1)]);
}

#[test]
fn a_stale_renamed_from_does_not_acknowledge_another_rename() {
    let old = release(vec![facts(1, "A", "a.")]);
    let mut renamed = facts(1, "C", "a.");
    renamed.renamed_from = Some("B".to_string());
    let new = release(vec![renamed]);
    assert_eq!(kinds(&old, &new), [(ChangeKind::Renamed, 1)]);
}

#[test]
fn a_code_removed_in_the_release_already_is_not_reported_again() {
    let mut gone = facts(1, "A", "a.");
    gone.removed = Some("API 12".to_string());
    let old = release(vec![gone.clone()]);
    let new = release(vec![gone]);
    assert_eq!(kinds(&old, &new), []);
}

#[test]
fn a_message_given_or_taken_away_is_a_change() {
    let mut none = facts(1, "A", "");
    none.message = None;
    let old = release(vec![none]);
    let new = release(vec![facts(1, "A", "a.")]);
    assert_eq!(kinds(&old, &new), [(ChangeKind::MessageChanged, 1)]);
}

#[test]
fn generated_members_belong_to_their_family() {
    let member = |code, name: &str| Facts {
        family: Some("f".to_string()),
        generated: true,
        ..facts(code, name, "x.")
    };
    let old = release(vec![member(100, "F_A"), member(101, "F_B")]);
    let new = release(vec![member(200, "F_A"), facts(101, "F_B", "x.")]);
    let changes = compare(&old, &new);
    let families: Vec<Option<&str>> = changes.iter().map(Change::family).collect();
    // 100 renumbered by the family; 101 now written out: its own change
    // (none here), so only the first is the family's.
    assert_eq!(changes[0].kind, ChangeKind::Renumbered(200));
    assert_eq!(families, [Some("f")]);
}

#[test]
fn a_tombstones_number_given_another_meaning_is_reused() {
    let mut gone = facts(1, "OLD", "Old.");
    gone.removed = Some("API 14".to_string());
    let old = release(vec![gone]);
    let new = release(vec![facts(1, "NEW", "New.")]);
    assert_eq!(kinds(&old, &new), [(ChangeKind::Reused, 1)]);
}

#[test]
fn an_acknowledgement_the_release_had_is_not_one_of_a_new_change() {
    let mut before = facts(1, "A", "B.");
    before.message_changed = Some("2.0".to_string());
    let mut after = facts(1, "A", "C.");
    after.message_changed = Some("2.0".to_string());
    let old = release(vec![before]);
    let new = release(vec![after.clone()]);
    assert_eq!(kinds(&old, &new), [(ChangeKind::MessageChanged, 1)]);
    after.message_changed = Some("3.0".to_string());
    let new = release(vec![after]);
    assert_eq!(
        kinds(&old, &new),
        [(ChangeKind::MessageChangeNoted("3.0".to_string()), 1)]
    );
}

#[test]
fn a_tombstone_reworded_or_moved_breaks_nothing() {
    let mut gone = facts(1, "OLD", "Old.");
    gone.removed = Some("API 14".to_string());
    let mut reworded = gone.clone();
    reworded.message = Some("Old, reworded.".to_string());
    reworded.module = "elsewhere".to_string();
    let old = release(vec![gone]);
    let new = release(vec![reworded]);
    assert_eq!(kinds(&old, &new), []);
}
