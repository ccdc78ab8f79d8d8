//! Help Center (seed 004): list articles, read one, create a draft in a collection, update it
//! as a draft, publish it, and list the collections.
//!
//! ```sh
//! INTERCOM_ACCESS_TOKEN=… [INTERCOM_BASE_URL=http://localhost:8080] [AUTHOR_ID=…] \
//!   [COLLECTION_ID=…] cargo run --example help_center
//! ```

use intercom_api::models::UpdateArticleRequest;
use intercom_api::wrappers::ArticleDraft;
use intercom_api::ClientBuilder;

fn var(name: &str, default: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| default.to_string())
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
    // (A non-numeric AUTHOR_ID or COLLECTION_ID fails here, before anything is sent.)
    let author = var("AUTHOR_ID", "991267459");
    let draft = ArticleDraft::new(author, "Resetting your password")
        .description("How to get back into your account")
        .body(
            "<h2>Overview</h2><p>Open the login page and choose <strong>Forgot password</strong>.</p>",
        )
        .in_collection(var("COLLECTION_ID", "6871119"));
    let created = client.articles().create_draft(draft).send().await?;
    let id = created.id;
    println!("Created: {id} {:?} {:?}", created.title, created.url);

    // Update it, still as a draft; then publish it (after a human has read it).
    let changes = UpdateArticleRequest::new()
        .body("<h2>Overview</h2><p>Open the login page, choose <strong>Forgot password</strong> and follow the email.</p>");
    client.articles().save_draft(&id, changes).send().await?;
    let published = client.articles().publish(&id).send().await?;
    println!("Published: {:?} {:?}", published.id, published.state);

    // List the collections.
    let collections = client.help_centers().collections().list().send().await?;
    for collection in collections.data.unwrap_or_default() {
        println!("{:10} {}", collection.id, collection.name);
    }
    Ok(())
}
