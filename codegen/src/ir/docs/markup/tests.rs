use super::super::clean;

#[test]
fn breaks_become_paragraph_breaks() {
    assert_eq!(
        clean("Intercom API version.</br>By default, the app's."),
        "Intercom API version.\n\nBy default, the app's."
    );
    assert_eq!(clean("a<br>b<BR/>c<br />d"), "a\n\nb\n\nc\n\nd");
    assert_eq!(clean("a <br><br> b<br>"), "a\n\nb");
}

#[test]
fn breaks_in_table_rows_stay_html() {
    assert_eq!(
        clean("| role | String<br>Accepts user or lead</br>x |"),
        "| role | String<br>Accepts user or lead<br>x |"
    );
}

#[test]
fn bare_urls_become_autolinks_without_trailing_punctuation() {
    assert_eq!(
        clean("located at https://api.intercom.io/events, or"),
        "located at <https://api.intercom.io/events>, or"
    );
    assert_eq!(
        clean("like so: https://api.intercom.io/download/content/data/xyz1234."),
        "like so: <https://api.intercom.io/download/content/data/xyz1234>."
    );
    assert_eq!(
        clean("(see https://x.test/a_(b))"),
        "(see <https://x.test/a_(b)>)"
    );
    assert_eq!(clean("http://x.test"), "<http://x.test>");
}

#[test]
fn urls_already_marked_up_are_left_alone() {
    for text in [
        "<https://x.test/a>",
        "[FAQ](https://x.test/faq) and more",
        "`https://x.test/a`",
        "xhttps://x.test",
        "<a href=\"https://x.test\">x</a>",
        "a valid https:// URL",
    ] {
        assert_eq!(clean(text), text);
    }
}

#[test]
fn urls_with_placeholders_become_inline_code() {
    assert_eq!(
        clean("GET https://api.intercom.io/articles/<id>."),
        "GET `https://api.intercom.io/articles/<id>`."
    );
}

#[test]
fn tags_that_are_not_html_are_escaped() {
    assert_eq!(
        clean("an Array<string> of ids"),
        "an Array\\<string> of ids"
    );
    assert_eq!(
        clean("Bearer <Your access token>"),
        "Bearer \\<Your access token>"
    );
}

#[test]
fn balanced_html_is_kept_and_stray_tags_escaped() {
    let kept = "part type <code>snoozed</code>, <b><i>x</i></b>, <hr/> <img src=\"a.png\">";
    assert_eq!(clean(kept), kept);
    assert_eq!(clean("<p>never closed"), "\\<p>never closed");
    assert_eq!(clean("never opened</p>"), "never opened\\</p>");
    assert_eq!(clean("<b><i>x</b>"), "<b>\\<i>x</b>");
    assert_eq!(clean("a</hr>"), "a\\</hr>");
    assert_eq!(clean("<em>across\nlines</em>"), "<em>across\nlines</em>");
}

#[test]
fn brackets_outside_links_are_escaped() {
    assert_eq!(
        clean("sorted by [updated_at, id] or []"),
        "sorted by \\[updated_at, id\\] or \\[\\]"
    );
    assert_eq!(
        clean("[Block <id>](https://x.test/a) then [x]"),
        "[Block \\<id>](https://x.test/a) then \\[x\\]"
    );
}

#[test]
fn code_spans_are_untouched() {
    let text = "use ``a`b<br>`` and `[x] <id> https://x.test`";
    assert_eq!(clean(text), text);
    assert_eq!(clean("a lone ` then [x]"), "a lone ` then \\[x\\]");
    assert_eq!(
        clean("[`Contact`](https://x.test/c) is `[x]`"),
        "[`Contact`](https://x.test/c) is `[x]`"
    );
}

#[test]
fn fences_are_untouched() {
    let text = "```json\n{\"a\": [1], \"b\": \"<br>\", \"u\": \"https://x.test\"}\n```";
    assert_eq!(clean(text), text);
}
