using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ProfileMedia.Core.Api;
using ProfileMedia.Emulator;

namespace ProfileMedia.Core.Tests.ApiV2;

/// <summary>
/// One bad value must never cost the other users of its batch their answer: ids the service cannot take are refused
/// before any request, and a batch the service refuses over one value is asked again without it.
/// </summary>
public sealed class XApiClientV2BatchRefusalTests : IClassFixture<V2ClientHarness>
{
    private readonly V2ClientHarness _harness;

    public XApiClientV2BatchRefusalTests(V2ClientHarness harness)
    {
        _harness = harness;
        harness.Server.Reset();
    }

    [Theory]
    [InlineData("9223372036854775808")]
    [InlineData("9999999999999999999")]
    [InlineData("18446744073709551616")]
    [InlineData("0")]
    [InlineData("000")]
    [InlineData("-5")]
    [InlineData("")]
    public void An_id_that_is_no_positive_signed_64_bit_number_is_refused_before_any_request(string id)
    {
        Assert.Null(UserReference.ForUserId(id, out string? problem));
        Assert.Contains("9223372036854775807", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9223372036854775807", "9223372036854775807")]
    [InlineData("0042", "42")]
    [InlineData(" 783214 ", "783214")]
    public void The_largest_id_is_taken_and_leading_zeros_are_dropped_so_the_answer_matches(string given, string sent)
    {
        Assert.Equal(sent, UserReference.ForUserId(given, out _)!.ParameterValue);
    }

    [Fact]
    public async Task A_batch_refused_over_one_named_value_is_asked_again_without_it_and_the_others_come_back()
    {
        using XApiClient client = _harness.BearerClient();
        var asked = V2ClientHarness.Bulk(5);
        _harness.Server.InjectFault(new FaultSpec
        {
            PathPrefix = "/2/users/by",
            Status = 400,
            Body = """{"errors":[{"parameters":{"usernames":["user0001,user0002,user0003,user0004,user0005"]},"message":"The `usernames` query parameter value [user0003] is not allowed"}],"title":"Invalid Request","detail":"One or more parameters to your request was invalid.","type":"https://api.x.com/2/problems/invalid-request"}""",
        });

        var outcomes = await client.LookupUsersAsync(asked, ApiCallOptions.Quiet, CancellationToken.None);

        Assert.Equal(["user0001", "user0002", "user0004", "user0005"], outcomes.Where(o => o.User != null).Select(o => o.User!.ScreenName));
        var refused = Assert.Single(outcomes, o => o.User == null);
        Assert.Equal("user0003", refused.Reference.ScreenName);
        Assert.Equal("InvalidRequest", refused.Error!.ErrorId);
        Assert.Contains("@user0003", refused.Error.Message, StringComparison.Ordinal);
        Assert.Equal(2, _harness.V2Requests.Count);
        Assert.StartsWith("/2/users/by?usernames=user0001%2Cuser0002%2Cuser0004%2Cuser0005&", _harness.V2Requests[1].PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_batch_refused_without_saying_over_what_is_halved_and_no_user_is_answered_twice()
    {
        using XApiClient client = _harness.BearerClient();
        var asked = V2ClientHarness.Bulk(6);
        _harness.Server.InjectFault(new FaultSpec
        {
            PathPrefix = "/2/users/by",
            Status = 400,
            Body = """{"title":"Invalid Request","detail":"One or more parameters to your request was invalid.","type":"https://api.x.com/2/problems/invalid-request"}""",
        });

        var outcomes = await client.LookupUsersAsync(asked, ApiCallOptions.Quiet, CancellationToken.None);

        Assert.Equal(asked.Select(a => a.ScreenName), outcomes.Select(o => o.User!.ScreenName));
        var answered = _harness.V2Requests.Skip(1).ToList();
        Assert.Equal(2, answered.Count);
        var names = answered.SelectMany(r => Asked(r.PathAndQuery)).ToList();
        Assert.Equal(names.Distinct().Count(), names.Count);
        Assert.Equal(6, names.Count);
    }

    private static string[] Asked(string pathAndQuery)
    {
        string query = pathAndQuery[(pathAndQuery.IndexOf("usernames=", StringComparison.Ordinal) + "usernames=".Length)..];
        return Uri.UnescapeDataString(query[..query.IndexOf('&')]).Split(',');
    }
}
