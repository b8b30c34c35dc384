using System.Diagnostics;
using System.Linq;
using System.Text;
using ProfileMedia.Core.Json;
using ProfileMedia.TestSupport;

namespace ProfileMedia.Core.Tests.Json;

/// <summary>Large inputs must parse in time linear in their size; the limits are generous so slow machines pass.</summary>
public sealed class JsonReaderPerformanceTests
{
    private const int OneMegabyte = 1 << 20;
    private const long TimeLimitMilliseconds = 2000;

    [Fact]
    public void One_megabyte_of_user_objects_parses_quickly()
    {
        string user = TestData.ReadText("users-show.json").Trim();
        var json = new StringBuilder("[");
        int count = 0;
        while (json.Length < OneMegabyte)
        {
            json.Append(count++ == 0 ? string.Empty : ",").Append(user);
        }

        string text = json.Append(']').ToString();
        byte[] bytes = Encoding.UTF8.GetBytes(text);

        Stopwatch clock = Stopwatch.StartNew();
        JsonValue fromText = JsonText.Parse(text);
        JsonValue fromBytes = JsonReader.Parse(bytes, 0, bytes.Length);
        clock.Stop();

        Assert.Equal(count, fromText.Items.Count);
        Assert.Equal("1876000000000000001", fromBytes.Items[count - 1]["status"]!["id"]!.RawNumber);
        Assert.InRange(clock.ElapsedMilliseconds, 0, TimeLimitMilliseconds);
    }

    [Fact]
    public void A_one_megabyte_string_full_of_escapes_parses_quickly()
    {
        string text = "\"" + string.Concat(Enumerable.Repeat("\\u00e9\\n\\\"a", OneMegabyte / 12)) + "\"";

        Stopwatch clock = Stopwatch.StartNew();
        string value = JsonText.Parse(text).GetString()!;
        clock.Stop();

        Assert.Equal(OneMegabyte / 12 * 4, value.Length);
        Assert.InRange(clock.ElapsedMilliseconds, 0, TimeLimitMilliseconds);
    }

    [Fact]
    public void A_one_megabyte_number_and_wide_object_parse_quickly()
    {
        string digits = "1" + new string('0', OneMegabyte);
        var members = new StringBuilder("{");
        for (int i = 0; i < 50_000; i++)
        {
            members.Append(i == 0 ? "" : ",").Append("\"m").Append(i).Append("\":").Append(i);
        }

        string wide = members.Append('}').ToString();

        Stopwatch clock = Stopwatch.StartNew();
        JsonValue number = JsonText.Parse(digits);
        JsonValue obj = JsonText.Parse(wide);
        clock.Stop();

        Assert.Equal(digits, number.RawNumber);
        Assert.Equal("49999", obj["m49999"]!.RawNumber);
        Assert.InRange(clock.ElapsedMilliseconds, 0, TimeLimitMilliseconds);
    }
}
