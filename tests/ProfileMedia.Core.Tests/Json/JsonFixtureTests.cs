using System.Collections.Generic;
using System.Linq;
using System.Text;
using ProfileMedia.Core.Json;
using ProfileMedia.TestSupport;

namespace ProfileMedia.Core.Tests.Json;

public sealed class JsonFixtureTests
{
    public static TheoryData<string> FixtureNames()
    {
        var data = new TheoryData<string>();
        foreach (string name in TestData.AllJsonFileNames())
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void Every_fixture_parses_from_text_and_from_bytes_alike(string fileName)
    {
        JsonValue fromText = JsonText.Parse(TestData.ReadText(fileName));
        byte[] bytes = TestData.ReadBytes(fileName);
        JsonValue fromBytes = JsonReader.Parse(bytes, 0, bytes.Length);

        Assert.Equal(JsonKind.Object, fromText.Kind);
        Assert.Equal(Describe(fromText), Describe(fromBytes));
    }

    [Fact]
    public void Users_show_values_are_read()
    {
        JsonValue user = JsonText.Parse(TestData.ReadText("users-show.json"));

        Assert.True(user["id"]!.TryGetInt64(out long id));
        Assert.Equal(783214L, id);
        Assert.Equal("783214", user["id_str"]!.GetString());
        Assert.Equal("Twitter", user["screen_name"]!.GetString());
        Assert.Equal("https://pbs.twimg.com/profile_images/1354479643882004483/Btnfm47p_normal.jpg", user["profile_image_url_https"]!.GetString());
        Assert.Equal("https://pbs.twimg.com/profile_banners/783214/1611950530", user["profile_banner_url"]!.GetString());
        Assert.Equal("Written by hand for ProfileMedia's tests: every key of a v1.1 user.", user["description"]!.GetString());
        Assert.Equal(JsonKind.Null, user["profile_location"]!.Kind);
        Assert.False(user["protected"]!.GetBoolean());
        Assert.True(user["verified"]!.GetBoolean());
        Assert.Null(user["no_such_member"]);

        JsonValue status = user["status"]!;
        Assert.Equal("1876000000000000001", status["id"]!.RawNumber);
        Assert.True(status["id"]!.TryGetInt64(out long statusId));
        Assert.Equal(1876000000000000001L, statusId);
        Assert.Equal("1876000000000000001", status["id_str"]!.GetString());
        Assert.Equal(
            "<a href=\"https://example.com/client\" rel=\"nofollow\">Example Client</a>",
            status["source"]!.GetString());

        JsonValue indices = user["entities"]!["url"]!["urls"]!.Items[0]["indices"]!;
        Assert.Equal(new[] { "0", "23" }, indices.Items.Select(item => item.RawNumber));
        Assert.Empty(user["entities"]!["description"]!["urls"]!.Items);
    }

    [Fact]
    public void Banner_sizes_are_read_in_document_order()
    {
        JsonValue sizes = JsonText.Parse(TestData.ReadText("users-profile-banner.json"))["sizes"]!;

        Assert.Equal(
            new[] { "ipad", "ipad_retina", "web", "web_retina", "mobile", "mobile_retina", "300x100", "600x200", "1500x500" },
            sizes.Properties.Select(property => property.Key));
        JsonValue large = sizes["1500x500"]!;
        Assert.True(large["w"]!.TryGetInt64(out long width));
        Assert.True(large["h"]!.TryGetInt64(out long height));
        Assert.Equal((1500L, 500L), (width, height));
        Assert.Equal("https://pbs.twimg.com/profile_banners/783214/1611950530/1500x500", large["url"]!.GetString());
    }

    [Fact]
    public void Older_banner_sizes_with_escaped_slashes_are_read()
    {
        JsonValue sizes = JsonText.Parse(TestData.ReadText("users-profile-banner-six-sizes.json"))["sizes"]!;

        Assert.Equal(6, sizes.Properties.Count);
        Assert.Equal("https://si0.twimg.com/profile_banners/783214/1355000000/ipad_retina", sizes["ipad_retina"]!["url"]!.GetString());
        Assert.True(sizes["ipad_retina"]!["w"]!.TryGetInt64(out long width));
        Assert.Equal(1252L, width);
    }

    [Theory]
    [InlineData("error-user-not-found.json", 50L, "User not found.")]
    [InlineData("error-page-does-not-exist.json", 34L, "Sorry, that page does not exist")]
    public void Error_bodies_are_read(string fileName, long code, string message)
    {
        JsonValue error = JsonText.Parse(TestData.ReadText(fileName))["errors"]!.Items.Single();

        Assert.True(error["code"]!.TryGetInt64(out long actualCode));
        Assert.Equal(code, actualCode);
        Assert.Equal(message, error["message"]!.GetString());
    }

    [Fact]
    public void Every_truncated_prefix_of_users_show_is_refused_with_JsonFormatException()
    {
        byte[] bytes = Encoding.UTF8.GetBytes(TestData.ReadText("users-show.json").TrimEnd());

        for (int length = 0; length < bytes.Length; length++)
        {
            int count = length;
            Assert.Throws<JsonFormatException>(() => JsonReader.Parse(bytes, 0, count));
        }
    }

    [Fact]
    public void Random_corruptions_of_users_show_parse_or_throw_only_JsonFormatException()
    {
        string json = TestData.ReadText("users-show.json");
        const string Noise = "{}[]\",:\\u0123456789-+.eEtrufalsn \t\n\u0001\uD800\u00E9";
        var random = new System.Random(20210208);

        for (int round = 0; round < 3000; round++)
        {
            var corrupted = new StringBuilder(json);
            int edits = 1 + random.Next(3);
            for (int edit = 0; edit < edits; edit++)
            {
                int at = random.Next(corrupted.Length);
                switch (random.Next(3))
                {
                    case 0: corrupted[at] = Noise[random.Next(Noise.Length)]; break;
                    case 1: corrupted.Remove(at, 1); break;
                    default: corrupted.Insert(at, Noise[random.Next(Noise.Length)]); break;
                }
            }

            string text = corrupted.ToString();
            try
            {
                JsonText.Parse(text);
            }
            catch (JsonFormatException)
            {
            }

            byte[] bytes = Encoding.UTF8.GetBytes(text);
            bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
            try
            {
                JsonReader.Parse(bytes, 0, bytes.Length);
            }
            catch (JsonFormatException)
            {
            }
        }
    }

    /// <summary>A canonical text of the tree, to compare two parses.</summary>
    private static string Describe(JsonValue value)
    {
        var builder = new StringBuilder();
        Describe(value, builder);
        return builder.ToString();
    }

    private static void Describe(JsonValue value, StringBuilder builder)
    {
        builder.Append(value.Kind).Append(':').Append(value.GetString() ?? value.RawNumber).Append('(');
        foreach (KeyValuePair<string, JsonValue> property in value.Properties)
        {
            builder.Append(property.Key).Append('=');
            Describe(property.Value, builder);
        }

        foreach (JsonValue item in value.Items)
        {
            Describe(item, builder);
        }

        builder.Append(')');
    }
}
