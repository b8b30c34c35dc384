using System;
using ProfileMedia.Core.OAuth;

namespace ProfileMedia.Core.Tests.OAuth;

public sealed class BaseStringUriTests
{
    [Theory]
    [InlineData("HTTP://Example.COM:80/r%20v/X?id=123", "http://example.com/r%20v/X")]
    [InlineData("https://www.example.net:8080/?q=1", "https://www.example.net:8080/")]
    [InlineData("https://API.X.com:443/1.1/users/show.json?screen_name=x#top", "https://api.x.com/1.1/users/show.json")]
    [InlineData("http://example.com:443/a", "http://example.com:443/a")]
    [InlineData("https://example.com:80/a", "https://example.com:80/a")]
    [InlineData("http://127.0.0.1:5000/1.1/account/update_profile_image.json", "http://127.0.0.1:5000/1.1/account/update_profile_image.json")]
    [InlineData("https://user:pass@example.com/a", "https://example.com/a")]
    [InlineData("https://example.com", "https://example.com/")]
    [InlineData("https://example.com/caf%C3%A9/%E2%98%83", "https://example.com/caf%C3%A9/%E2%98%83")]
    public void Scheme_and_host_are_lower_cased_default_ports_dropped_and_the_query_removed(string uri, string expected) =>
        Assert.Equal(expected, BaseStringUri.Create(new Uri(uri)));

    [Fact]
    public void The_path_is_the_escaped_path_sent_on_the_wire()
    {
        var uri = new Uri("https://example.com/a b/\u2603");
        Assert.Equal("https://example.com" + uri.AbsolutePath, BaseStringUri.Create(uri));
        Assert.Equal("https://example.com/a%20b/%E2%98%83", BaseStringUri.Create(uri));
    }

    [Fact]
    public void Relative_and_non_http_URIs_are_refused()
    {
        Assert.Throws<ArgumentException>(() => BaseStringUri.Create(new Uri("/relative", UriKind.Relative)));
        Assert.Throws<ArgumentException>(() => BaseStringUri.Create(new Uri("ftp://example.com/file")));
        Assert.Throws<ArgumentNullException>(() => BaseStringUri.Create(null!));
    }
}
