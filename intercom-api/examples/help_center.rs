//! Help Center (seed 004): list articles, read one, create a draft in a collection, update it
//! as a draft, publish it, and list the collections.
//!
//! ```sh
//! INTERCOM_ACCESS_TOKEN=… [INTERCOM_BASE_URL=http://localhost:8080] [AUTHOR_ID=…] \
//!   [COLLECTION_ID=…] cargo run --example help_center
//! ```

use intercom_api::models::{CreateArticleRequest, UpdateArticleRequest};
use intercom_api::ClientBuilder;

fn number(name: &str, default: i64) -> i64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[tokio::main]
async fn main() -> Result<(), intercom_api::Error> {
    let client = ClientBuilder::from_env()?.build()?;

    // List the articles (first page).
    let articles = client.articles().list().send().await?;
    let articles = articles.data.unwrap_or_default();
    for article in &articles {
        println!(
            "{:10} {:10} {}",
            article.id,
            article.state.as_str(),
            article.title
        );
    }
    println!("\nTotal: {}", articles.len());

    // Read one.
    if let Some(id) = articles.first().map(|a| a.id.clone()) {
        let article = client.articles().find(&id).send().await?;
        println!(
            "Title: {:?}\nState: {:?}\nURL: {:?}",
            article.title, article.state, article.url
        );
    }

    // Create a draft in a collection.
    let draft = CreateArticleRequest::new(
        number("AUTHOR_ID", 991267459),
        "Resetting your password",
    )
    .description("How to get back into your account")
    .body(
        "<h2>Overview</h2><p>Open the login page and choose <strong>Forgot password</strong>.</p>",
    )
    .in_collection(number("COLLECTION_ID", 6871119));
    let created = client.create_draft_article(draft).send().await?;
    let id = created.id;
    println!("Created: {id} {:?} {:?}", created.title, created.url);

    // Update it, still as a draft; then publish it (after a human has read it).
    let changes = UpdateArticleRequest::new()
        .body("<h2>Overview</h2><p>Open the login page, choose <strong>Forgot password</strong> and follow the email.</p>");
    client.save_article_draft(&id, changes).send().await?;
    let published = client.publish_article(&id).send().await?;
    println!("Published: {:?} {:?}", published.id, published.state);

    // List the collections.
    let collections = client.help_centers().collections().list().send().await?;
    for collection in collections.data.unwrap_or_default() {
        println!("{:10} {}", collection.id, collection.name);
    }
    Ok(())
}
