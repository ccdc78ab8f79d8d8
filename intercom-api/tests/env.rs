//! `ClientBuilder::from_env` (its own test binary: it sets process environment variables).

use intercom_api::{ClientBuilder, Error};

#[test]
fn token_and_base_url_come_from_the_environment() {
    std::env::remove_var("INTERCOM_ACCESS_TOKEN");
    assert!(
        matches!(ClientBuilder::from_env(), Err(Error::InvalidInput(m)) if m.contains("INTERCOM_ACCESS_TOKEN"))
    );
    std::env::set_var("INTERCOM_ACCESS_TOKEN", "env-token");
    std::env::remove_var("INTERCOM_BASE_URL");
    let client = ClientBuilder::from_env().unwrap().build().unwrap();
    assert_eq!(client.base_url(), "https://api.intercom.io");
    assert!(!format!("{client:?}").contains("env-token"));
    std::env::set_var("INTERCOM_BASE_URL", "http://127.0.0.1:4010/");
    let client = ClientBuilder::from_env().unwrap().build().unwrap();
    assert_eq!(client.base_url(), "http://127.0.0.1:4010");
}
