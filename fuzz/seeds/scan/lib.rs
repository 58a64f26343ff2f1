//! The Rust side.
pub const REFUSED: i64 = 2_300_002;
pub const BUSY: i64 = 2_300_044; // undocumented
pub fn interrupted() -> i64 {
    2300104 // a member of the errno family: documented
}
