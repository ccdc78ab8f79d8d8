//! The client: base URL, token, API version, and sending requests.

use std::fmt;
use std::time::Duration;

use reqwest::header::{ACCEPT, CONTENT_TYPE};

use super::{ApiError, Error, Request, Response};

/// The US region's API address (the default).
pub const US: &str = "https://api.intercom.io";

/// A client for the Intercom REST API. Cheap to clone; clones share connections.
#[derive(Clone)]
pub struct Client {
    http: reqwest::Client,
    base_url: String,
    token: String,
    version: String,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.base_url)
            .field("version", &self.version)
            .field("token", &"<redacted>")
            .finish()
    }
}

/// Configures a [`Client`].
#[derive(Clone)]
pub struct ClientBuilder {
    token: String,
    base_url: String,
    version: String,
    timeout: Option<Duration>,
    connect_timeout: Option<Duration>,
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("base_url", &self.base_url)
            .field("version", &self.version)
            .field("token", &"<redacted>")
            .finish_non_exhaustive()
    }
}

impl ClientBuilder {
    /// Sends requests to `url` instead of the US region (e.g. a local mock server).
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into().trim_end_matches('/').to_string();
        self
    }

    /// Sends this `Intercom-Version` instead of the one the crate was generated from.
    pub fn version(mut self, version: impl Into<String>) -> Self {
        self.version = version.into();
        self
    }

    /// Limits the whole request (connect, send, receive).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Limits connecting.
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = Some(timeout);
        self
    }

    /// Builds the client.
    pub fn build(self) -> Result<Client, Error> {
        if self.token.is_empty() {
            return Err(Error::InvalidInput("the access token is empty".into()));
        }
        let mut http = reqwest::Client::builder()
            .user_agent(concat!("intercom-api/", env!("CARGO_PKG_VERSION")))
            .redirect(reqwest::redirect::Policy::none());
        if let Some(t) = self.timeout {
            http = http.timeout(t);
        }
        if let Some(t) = self.connect_timeout {
            http = http.connect_timeout(t);
        }
        Ok(Client {
            http: http.build()?,
            base_url: self.base_url,
            token: self.token,
            version: self.version,
        })
    }
}

impl Client {
    /// A client for the US region with the given access token and the pinned API version.
    ///
    /// Use [`Client::builder`] to choose another base URL, version or timeouts.
    pub fn new(token: impl Into<String>) -> Self {
        let token = token.into();
        let http = reqwest::Client::builder()
            .user_agent(concat!("intercom-api/", env!("CARGO_PKG_VERSION")))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap_or_default();
        Client {
            http,
            base_url: US.to_string(),
            token,
            version: crate::API_VERSION.to_string(),
        }
    }

    /// Starts configuring a client.
    pub fn builder(token: impl Into<String>) -> ClientBuilder {
        ClientBuilder {
            token: token.into(),
            base_url: US.to_string(),
            version: crate::API_VERSION.to_string(),
            timeout: None,
            connect_timeout: None,
        }
    }

    /// The base URL requests go to.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The `Intercom-Version` sent with each request.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// Sends a request and returns the successful response, or the API's error.
    pub async fn execute(&self, request: Request) -> Result<Response, Error> {
        let url = format!("{}{}", self.base_url, request.path);
        let mut builder = self
            .http
            .request(request.method, url)
            .query(&request.query)
            .bearer_auth(&self.token)
            .header("Intercom-Version", &self.version);
        if !request
            .headers
            .iter()
            .any(|(name, _)| name.eq_ignore_ascii_case("accept"))
        {
            builder = builder.header(ACCEPT, "application/json");
        }
        for (name, value) in &request.headers {
            builder = builder.header(name.as_str(), value.as_str());
        }
        if let Some(body) = request.body {
            let typed = request
                .headers
                .iter()
                .any(|(name, _)| name.eq_ignore_ascii_case("content-type"));
            if !typed {
                builder = builder.header(CONTENT_TYPE, "application/json");
            }
            builder = builder.body(body);
        }
        let response = builder.send().await?;
        let status = response.status();
        let headers = response.headers().clone();
        let body = response.bytes().await?;
        if status.is_success() || status.is_redirection() {
            return Ok(Response {
                status,
                headers,
                body,
            });
        }
        let error = serde_json::from_slice::<ApiError>(&body)
            .ok()
            .filter(|e| !e.errors.is_empty() || e.kind.is_some());
        Err(Error::Api {
            status,
            error,
            body,
        })
    }
}
