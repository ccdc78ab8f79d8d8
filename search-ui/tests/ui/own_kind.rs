// Value kinds are sealed: only the spec's types exist.
use intercom_api::search::kinds::Kind;

enum Money {}

impl Kind for Money {
    type Value = u64;
    const NAME: &'static str = "Money";
}

fn main() {}
